#!/usr/bin/env node
// The suite's Postgres: `node scripts/postgres.mjs check` fails loudly when the server does not
// answer (CI must not quietly skip the Postgres pass); `create <name>` and `drop <name>` make and
// remove a throwaway database. The server is TEST_POSTGRES_URL, by default the local one
// (postgres://postgres@127.0.0.1:5432/postgres, trust auth).
import pg from "pg";

export const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function query(sql) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `Postgres does not answer at ${adminUrl} (${error.message}). The suite runs on Postgres as well as SQLite: ` +
        "start the server (pg_ctlcluster <version> main start) or point TEST_POSTGRES_URL at one.",
    );
    process.exit(1);
  }
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const [command, name] = process.argv.slice(2);
if (command === "check") {
  const { rows } = await query("SHOW server_version");
  console.log(`Postgres ${rows[0].server_version} answers at ${adminUrl}`);
} else if ((command === "create" || command === "drop") && /^[a-z_][a-z0-9_]*$/.test(name ?? "")) {
  await query(command === "create" ? `CREATE DATABASE ${name}` : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (command === "create") {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    console.log(url.toString());
  }
} else {
  console.error("usage: node scripts/postgres.mjs check | create <name> | drop <name>");
  process.exit(2);
}
