import type { ModelColumn } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "../../migrations";
import type { SqlClient } from "../../sql-client";

export const MODEL_UUID = "00000000-0000-4000-8000-00000000f117";

/** Slugs a user (or an extractor) could give that would break SQL if they ever became its text. */
export const EVIL_SLUG = "x') OR 1=1 --";
export const QUOTES_SLUG = `a"b'c$d]e`;
export const PATH_SLUG = "$.path";

const column = (slug: string, type: ModelColumn["type"]): ModelColumn => ({ slug, type, label: slug });

export const COLUMNS: readonly ModelColumn[] = [
  column("name", "string"),
  column("company", "string"),
  column("employees", "number"),
  column("signedUpAt", "date"),
  column("active", "boolean"),
  column("meta", "object"),
  column("tags", "array"),
  column("embedding", "vector"),
  column("misc", "any"),
  column(EVIL_SLUG, "string"),
  column(QUOTES_SLUG, "number"),
  column(PATH_SLUG, "string"),
];

/**
 * Fourteen records, as extractors and CSV imports leave them: mixed case, accents, LIKE
 * wildcards and quotes in text; numbers as JSON numbers and as strings; dates as timestamps, as
 * days and as junk; booleans as JSON and as strings; nulls and missing keys.
 */
export const RECORDS: Record<string, Record<string, unknown>> = {
  r01: { name: "Acme Corp", company: "Acme", employees: 250, signedUpAt: "2025-06-14T09:30:00.000Z", active: true, meta: { plan: "pro" }, tags: ["x"], embedding: [0.1, 0.2], misc: "hello" },
  r02: { name: "acme labs", company: "ACME", employees: 12, signedUpAt: "2025-06-01T00:00:00.000Z", active: false, meta: null, tags: [], misc: 42 },
  r03: { name: "Émile & Co", company: "Émile", employees: "75", signedUpAt: "2025-03-15", active: "true", meta: {}, misc: null },
  r04: { name: "100% Natural", company: "Natural_Foods", employees: 0, signedUpAt: "2024-12-31T23:59:59.999Z", active: "FALSE" },
  r05: { name: `O'Brien "Quotes"`, company: "O'Brien", employees: -3.5, signedUpAt: "2025-06-15T11:00:00.000Z", active: null },
  r06: { name: "back\\slash", company: null, employees: "n/a", signedUpAt: "not a date", active: "yes" },
  r07: { name: "", company: "", employees: 1000, signedUpAt: "2023-01-01T00:00:00.000Z", active: true },
  r08: {},
  r09: { name: "Zeta", company: "acme", employees: 250, signedUpAt: "2025-06-15T12:00:00.000Z", active: false },
  r10: { name: "under_score", company: "Beta", employees: 99.99, signedUpAt: "2025-06-14", active: true },
  r11: { name: "émile", company: "Ünïcode", employees: " 42 ", signedUpAt: "2025-05-15T12:00:00.000Z" },
  r12: { name: "' OR '1'='1", company: "Injection", employees: "1e2" },
  r13: { name: "Evil", [EVIL_SLUG]: "evil", [QUOTES_SLUG]: 7, [PATH_SLUG]: "dollar" },
  r14: { name: "Evil two", [EVIL_SLUG]: "other", [QUOTES_SLUG]: "7", [PATH_SLUG]: null },
};

export const ALL_IDS = Object.keys(RECORDS);

/** All ids but these, in id order. */
export const allBut = (...ids: string[]) => ALL_IDS.filter((id) => !ids.includes(id));

/** Writes the model (a row as migration 7 has it) and its records. */
export async function insertFixtureModel(client: SqlClient): Promise<void> {
  const now = "2025-06-15T12:00:00.000Z";
  await client.run(
    `INSERT INTO models (uuid, workspace_uuid, name, columns_json, id_column_slug, title_column_slug, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [MODEL_UUID, DEFAULT_WORKSPACE_UUID, "Filter fixtures", JSON.stringify(COLUMNS), "name", "name", now, now],
  );
  for (const [id, data] of Object.entries(RECORDS)) {
    await client.run(
      `INSERT INTO model_records (model_uuid, record_id, title, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [MODEL_UUID, id, String(data.name ?? id), JSON.stringify(data), now, now],
    );
  }
}
