import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { closeDeps, createDeps, type Deps } from "./deps";
import { executeConnectorAction } from "./execute-action";
import { demoDeps } from "./testing/demo-deps";

// Where a process counts a connector's calls against its rate limit (the demo declares 20 a
// second): in memory when it is alone on a SQLite file (ROLE=all), in the database when other
// processes may call over the same file (a ROLE=web process and its workers, WEB_PROCESSES), as on
// Postgres always.
const ws = DEFAULT_WORKSPACE_UUID;
const setup = demoDeps("relay-shared-file-limits-");
let deps: Deps;
let connectorUuid: string;
beforeAll(() => {
  ({ deps, connectorUuid } = setup);
});

const grants = async (on: Deps) => (await on.db.client.all<{ n: number }>("SELECT COUNT(*) AS n FROM rate_limit_grants"))[0]!.n;
const lookup = (on: Deps) => executeConnectorAction(on, ws, connectorUuid, "lookupRecord", { objectType: "contacts", id: "con_001" });

describe("rate-limit windows by how the database is shared", () => {
  it("counts in memory for one process alone on SQLite, in the database otherwise", async () => {
    const before = await grants(deps);
    await lookup(deps);
    expect(Number(await grants(deps)) - Number(before)).toBe(setup.storage.dialect === "postgres" ? 1 : 0);

    const { dataDir, databaseUrl } = setup.storage;
    const worker = await createDeps({ dataDir, databaseUrl, demoIntegrationUrl: setup.demo.url, version: "test", role: "worker" });
    try {
      const counted = await grants(worker);
      await lookup(worker);
      expect(Number(await grants(worker)) - Number(counted)).toBe(1);
    } finally {
      await worker.runs.queue.idle();
      await closeDeps(worker);
    }
  });
});
