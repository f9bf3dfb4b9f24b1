import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "./scratch-database";

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
  const database = await createScratchDatabase(adminUrl).catch((error: Error) => {
    throw new Error(`TEST_POSTGRES_URL is set but ${error.message}`);
  });
  return {
    dataDir,
    databaseUrl: database.url,
    dialect: "postgres",
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
