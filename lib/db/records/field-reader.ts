import { sql, type CompiledSql } from "./sql-fragment";

/**
 * How a dialect reads one field of a record (`r.data_json`, a JSON object keyed by column slug) as
 * a typed SQL expression. The slug is always a bound parameter, compared with the key as data.
 */
export interface FieldReader {
  /** True when the key is there and its value is not JSON null. */
  present(slug: string): CompiledSql;
  /** Strings, numbers and booleans as text; NULL for anything else (missing, null, objects, arrays). */
  text(slug: string): CompiledSql;
  /** JSON numbers, and strings that hold a JSON number (CSV imports), as numbers; NULL otherwise. */
  number(slug: string): CompiledSql;
  /** Strings that start as an ISO date (`YYYY-MM-DD…`), as text; NULL otherwise. */
  date(slug: string): CompiledSql;
  /** `'true'` or `'false'` for JSON booleans and the strings "true"/"false" in any case; NULL otherwise. */
  boolean(slug: string): CompiledSql;
  /** Lower case of ASCII letters only (all SQLite's `lower()` does), so both dialects answer alike. */
  lower(text: CompiledSql): CompiledSql;
  /** Text that orders by code point, as SQLite's default BINARY collation does. */
  ordered(text: CompiledSql): CompiledSql;
}

/*
 * SQLite: `json_each` over the record, matched on `key = ?`. The `->> ?` shorthand is not used on
 * purpose: it reads a text argument starting with `$` or `[` as a JSON path, and cannot reach a
 * key holding `"`, while `json_each` compares the decoded key, whatever its characters.
 */
const sqliteField = (body: string) => (slug: string): CompiledSql => ({
  sql: `(SELECT ${body} FROM json_each(r.data_json) WHERE key = ?)`,
  params: [slug],
});

const sqlite: FieldReader = {
  present: (slug) => ({ sql: `EXISTS (SELECT 1 FROM json_each(r.data_json) WHERE key = ? AND type <> 'null')`, params: [slug] }),
  text: sqliteField(`CASE type WHEN 'text' THEN value WHEN 'integer' THEN CAST(value AS TEXT) WHEN 'real' THEN CAST(value AS TEXT) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' END`),
  // json_valid() is strict RFC 8259 (no `+1`, `.5`, `0x1F`, `NaN`), as the Postgres pattern below.
  number: sqliteField(`CASE WHEN type IN ('integer', 'real') THEN value WHEN type = 'text' THEN CASE WHEN json_valid(value) THEN CASE WHEN json_type(value) IN ('integer', 'real') THEN json_extract(value, '$') END END END`),
  date: sqliteField(`CASE WHEN type = 'text' AND value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN value END`),
  boolean: sqliteField(`CASE WHEN type IN ('true', 'false') THEN type WHEN type = 'text' AND lower(value) IN ('true', 'false') THEN lower(value) END`),
  lower: (text) => sql`lower(${text})`,
  ordered: (text) => text,
};

/*
 * A JSON number written as text, as json_valid() accepts it. Digits and exponent are bounded so
 * the cast to numeric can neither fail nor build a huge value (`1e-99999` overflows, `1e99999`
 * is a 100,000-digit number); longer ones count as not numbers on Postgres.
 */
const NUMBER_PATTERN = "^[ \\t\\n\\r]*-?(0|[1-9][0-9]{0,99})(\\.[0-9]{1,100})?([eE][-+]?[0-9]{1,3})?[ \\t\\n\\r]*$";

/* Postgres: `->` on the record's parsed jsonb (`data_jsonb`, generated from `data_json`), the key a text parameter; `->>`/`#>>` give text only. */
const postgresField = (body: string) => (slug: string): CompiledSql => ({
  sql: `(SELECT ${body} FROM (SELECT r.data_jsonb -> ?::text AS value) AS field)`,
  params: [slug],
});

const postgres: FieldReader = {
  present: (slug) => ({ sql: `COALESCE(jsonb_typeof(r.data_jsonb -> ?::text), 'null') <> 'null'`, params: [slug] }),
  text: postgresField(`CASE WHEN jsonb_typeof(value) IN ('string', 'number', 'boolean') THEN value #>> '{}' END`),
  // The numeric cast only runs on text the pattern accepted: a CASE never throws on a stray "n/a".
  number: postgresField(`CASE jsonb_typeof(value) WHEN 'number' THEN value::numeric WHEN 'string' THEN CASE WHEN value #>> '{}' ~ '${NUMBER_PATTERN}' THEN (value #>> '{}')::numeric END END`),
  date: postgresField(`CASE WHEN jsonb_typeof(value) = 'string' AND value #>> '{}' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN value #>> '{}' END`),
  boolean: postgresField(`CASE WHEN jsonb_typeof(value) IN ('boolean', 'string') AND lower(value #>> '{}') IN ('true', 'false') THEN lower(value #>> '{}') END`),
  // The "C" collation folds ASCII only, as SQLite; the database's own (say en_US) would fold É too.
  lower: (text) => sql`lower(${text} COLLATE "C")`,
  ordered: (text) => sql`${text} COLLATE "C"`,
};

/** The field reader of a dialect. */
export function fieldReader(dialect: "sqlite" | "postgres"): FieldReader {
  return dialect === "sqlite" ? sqlite : postgres;
}
