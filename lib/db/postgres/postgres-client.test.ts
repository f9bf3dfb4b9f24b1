import { describe, expect, it } from "vitest";
import { prepared } from "./postgres-client";

const values = (count: number) => Array.from({ length: count }, (_, index) => index);
const marks = (count: number) => values(count).map(() => "?").join(", ");
const columns = (count: number) => values(count).map((index) => `c${index}`).join(", ");

describe("prepared", () => {
  it("names a statement, so each connection plans it once", () => {
    expect(prepared("SELECT * FROM runs WHERE uuid = ?", ["r1"]).name).toMatch(/^relay_\d+$/);
  });

  it("names a one-row insert of any width, but not a long IN list or a multi-row insert", () => {
    expect(prepared(`INSERT INTO runs (${columns(21)}) VALUES (${marks(21)})`, values(21)).name).toMatch(/^relay_\d+$/);
    const job = "graphile_worker.add_job(?, ?::json, job_key => ?, max_attempts => 5)";
    expect(prepared(`WITH written AS (INSERT INTO runs (${columns(21)}) VALUES (${marks(21)}) RETURNING uuid) SELECT ${job} FROM written`, values(24)).name).toMatch(/^relay_\d+$/);
    expect(prepared(`SELECT * FROM model_records WHERE record_id IN (${marks(20)})`, values(20)).name).toBeUndefined();
    expect(prepared(`INSERT INTO model_records (a, b) VALUES ${values(10).map(() => "(?, ?)").join(", ")}`, values(20)).name).toBeUndefined();
    expect(prepared(`INSERT INTO t (${columns(20)}) VALUES (${marks(20)}) ON CONFLICT (c0) DO UPDATE SET c1 = excluded.c1`, values(20)).name).toBeUndefined();
  });

  it("names the statements over rows sent as JSON: planning the batched save cost more than running it", async () => {
    const { INSERT_MANY_SQL, SAVE_MANY_SQL, WRITE_MANY_SQL } = await import("../repositories/run-batch-sql");
    expect(prepared(WRITE_MANY_SQL, ["[]", "[]", "{}", "{}"]).name).toMatch(/^relay_/);
    expect(prepared(INSERT_MANY_SQL, ["[]"]).name).toMatch(/^relay_/);
    expect(prepared(SAVE_MANY_SQL, ["[]", "{}", "{}"]).name).toMatch(/^relay_/);
  });
});
