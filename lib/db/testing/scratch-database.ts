import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A throwaway Postgres database on the server of `adminUrl` (an admin URL such as
 * `postgres://postgres@127.0.0.1:5432/postgres`): what the tests and the benchmarks run on, so
 * they never touch a database of their own machine's. `drop` removes it, connections and all.
 */
export async function createScratchDatabase(adminUrl: string, prefix = "relay_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Postgres does not answer at ${adminUrl}: ${(error as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
