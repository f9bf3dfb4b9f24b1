import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Where a test keeps its data: always a fresh folder (the vault key, the setup code), and on the
 * Postgres pass of the suite (`TEST_POSTGRES_URL`, an admin URL such as
 * `postgres://postgres@127.0.0.1:5432/postgres`) a fresh database of its own, dropped afterwards.
 * The same test files thus run over both dialects.
 */
export interface TestStorage {
  dataDir: string;
  /** Unset on the SQLite pass. */
  databaseUrl?: string;
  dialect: "sqlite" | "postgres";
  cleanup(): Promise<void>;
}

export async function createTestStorage(prefix = "relay-test-"): Promise<TestStorage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    return { dataDir, dialect: "sqlite", cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `relay_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    dialect: "postgres",
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`TEST_POSTGRES_URL is set but Postgres does not answer at ${adminUrl}: ${(error as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
