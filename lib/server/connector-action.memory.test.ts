import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "./deps";
import { executeConnectorAction } from "./execute-action";
import { demoDeps } from "./testing/demo-deps";

// Many executions of one custom-connector action keep memory flat: the action's schema is
// compiled once, not once per call (ajv keeps every schema it compiles).
const ws = DEFAULT_WORKSPACE_UUID;
const EXECUTIONS = 10_000;
const CONCURRENCY = 8;
// No declared rate limit: the demo's 20 calls/s would make this take minutes.
const setup = demoDeps("relay-connector-memory-", { demo: { rateLimit: null } });
let deps: Deps;
let connectorUuid: string;
beforeAll(() => {
  ({ deps, connectorUuid } = setup);
});

/** The heap in use after a full collection; `--expose-gc` is switched on here so no flag is needed. */
function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = (globalThis.gc ?? vm.runInNewContext("gc")) as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function execute(count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const id = `con_${String((next++ % 50) + 1).padStart(3, "0")}`;
        const executed = await executeConnectorAction(deps, ws, connectorUuid, "lookupRecord", { objectType: "contacts", id });
        if (executed.outcome !== "executed") throw new Error(`unexpected answer ${JSON.stringify(executed)}`);
      }
    }),
  );
}

// The demo server lives in this process and remembers every Idempotency-Key it saw: reset it
// before each measurement so only the app's own memory is compared.
const resetDemo = () => fetch(`${setup.demo.url}/_demo/reset`, { method: "POST" });

it(`${EXECUTIONS} executions of a custom-connector action grow the heap by less than 20 MB`, { timeout: 60_000 }, async () => {
  await execute(500);
  await resetDemo();
  const before = heapAfterGc();
  await execute(EXECUTIONS);
  await resetDemo();
  const growth = heapAfterGc() - before;
  expect(growth, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`).toBeLessThan(20 * 1024 * 1024);
});
