import type { Conjonction, Filter, FilterCondition, ModelColumn, RecordSort } from "@/lib/contract";
import { compileCondition } from "./conditions";
import { fieldReader, type FieldReader } from "./field-reader";
import { FilterError } from "./filter-error";
import { join, sql, type CompiledSql } from "./sql-fragment";

export type { CompiledSql } from "./sql-fragment";
export { FilterError } from "./filter-error";

type Dialect = "sqlite" | "postgres";

/**
 * A WHERE fragment over `model_records` aliased `r` (it reads `r.data_json`); `1 = 1` when the
 * filter has no groups. Column slugs and values are bound parameters, never SQL text.
 *
 * - Groups are joined by the filter's `conjonction`, a group's conditions by the group's; an
 *   empty group matches every record (so, under `or`, the whole filter does).
 * - A condition's column must be one of `columns`, and its kind must fit the column's type
 *   (string, number, date, boolean alike; a column of type `any` takes every kind). `isNull`
 *   (key missing or JSON null) and `isNotNull` fit every column. Else a `FilterError` at the path.
 * - string: `is`, `contains`, `startsWith`, `endsWith` match when any of `values` does; `isNot`
 *   and `doesNotContain` when none does, and also when the value is missing or null. Matching
 *   ignores the case of A–Z (only those: SQLite folds no other letter, and Postgres is made to
 *   answer alike); `%`, `_` and `\` are plain characters. Numbers and booleans match as their
 *   text. `isEmpty`: missing, null or `""`; `isNotEmpty` the opposite.
 * - number: JSON numbers, and strings holding one (CSV imports), compared numerically; other
 *   values count as missing. `greaterThan` and `lowerThan` are strict, `between` inclusive in
 *   either order, `isNot` includes missing values.
 * - date: stored values are ISO-8601 strings, compared as text (so they should be UTC, as
 *   `toISOString()` writes them); strings that do not start `YYYY-MM-DD` count as missing. A
 *   value is an ISO date, meaning that whole UTC day (`is` within it, `greaterThan` after it,
 *   `between` through its end), an ISO timestamp (that instant; UTC when it has no offset), or a
 *   span such as `3 months`, `2 weeks`, `10 days`, `1 year`, `6 hours` meaning `now` minus it.
 *   Anything else is a `FilterError` at the value's path.
 * - boolean: `isTrue`/`isFalse` match JSON booleans and the strings "true"/"false" (any case).
 *
 * @example
 * const where = compileFilter(filter, model.columns, db.dialect, new Date());
 * await db.all(`SELECT r.record_id FROM model_records r WHERE r.model_uuid = ? AND (${where.sql})`, [model.uuid, ...where.params]);
 */
export function compileFilter(filter: Filter, columns: readonly ModelColumn[], dialect: Dialect, now: Date): CompiledSql {
  const read = fieldReader(dialect);
  const groups = filter.groups.map((group, i) =>
    joined(
      group.conditions.map((condition, j) => {
        const path = ["groups", i, "conditions", j];
        checkKind(condition, columnOf(condition.columnSlug, columns, [...path, "columnSlug"]), path);
        return compileCondition(condition, read, now, path);
      }),
      group.conjonction,
    ),
  );
  return joined(groups, filter.conjonction);
}

/**
 * An ORDER BY fragment (without the keywords), ending in a tiebreak on `r.record_id` so pages
 * never overlap; an empty sort is `r.record_id`. Numbers order numerically (values that are not
 * numbers as missing), dates and booleans (false first) as their text, other columns as text by
 * code point on both dialects; missing values come last in either direction.
 */
export function compileSort(sort: RecordSort, columns: readonly ModelColumn[], dialect: Dialect): CompiledSql {
  const read = fieldReader(dialect);
  const keys = sort.map(({ columnSlug, kind }, i) => {
    const value = sortValue(columnOf(columnSlug, columns, ["sort", i, "columnSlug"]), read);
    return kind === "asc" ? sql`${value} ASC NULLS LAST` : sql`${value} DESC NULLS LAST`;
  });
  return join([...keys, sql`r.record_id`], ", ");
}

function joined(parts: CompiledSql[], conjonction: Conjonction): CompiledSql {
  if (parts.length === 0) return sql`1 = 1`;
  return join(
    parts.map((part) => sql`(${part})`),
    conjonction === "and" ? " AND " : " OR ",
  );
}

function columnOf(slug: string, columns: readonly ModelColumn[], path: (string | number)[]): ModelColumn {
  const column = columns.find((candidate) => candidate.slug === slug);
  if (column) return column;
  const known = columns.map((candidate) => JSON.stringify(candidate.slug)).join(", ");
  throw new FilterError(`Unknown column ${JSON.stringify(slug)}: the model's columns are ${known || "none"}`, path);
}

function checkKind(condition: FilterCondition, column: ModelColumn, path: (string | number)[]): void {
  if (condition.operator === "isNull" || condition.operator === "isNotNull") return;
  if (column.type === "any" || column.type === condition.kind) return;
  throw new FilterError(
    `A ${condition.kind} condition does not fit column ${JSON.stringify(column.slug)} of type ${column.type}: use a ${column.type} condition, or isNull/isNotNull`,
    [...path, "kind"],
  );
}

function sortValue(column: ModelColumn, read: FieldReader): CompiledSql {
  switch (column.type) {
    case "number":
      return read.number(column.slug);
    case "date":
      return read.ordered(read.date(column.slug));
    case "boolean":
      return read.boolean(column.slug);
    default:
      return read.ordered(read.text(column.slug));
  }
}
