import { afterEach } from "vitest";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "../deps";
import type { Settings } from "../settings";

/**
 * Processes' `Deps` over one test storage (both dialects, see `createTestStorage`), as several
 * processes sharing a database would have them; all closed, and the storage removed, after each
 * test. Call at the top of a test file.
 * @example const processes = testProcesses(); … const web = await processes.open("web");
 */
export function testProcesses({ runLeaseMs = 60_000 }: { runLeaseMs?: number } = {}) {
  let storage: TestStorage | undefined;
  const opened: Deps[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((deps) => closeDeps(deps)));
    await storage?.cleanup();
    storage = undefined;
  });
  return {
    /** The storage of this test, made on first use. */
    async storage(): Promise<TestStorage> {
      storage ??= await createTestStorage("relay-processes-");
      return storage;
    },
    /** One more process over this test's storage, in the given role. */
    async open(role: NonNullable<Settings["role"]>): Promise<Deps> {
      const { dataDir, databaseUrl } = await this.storage();
      const deps = await createDeps({ dataDir, databaseUrl, version: "test", role, runLeaseMs });
      opened.push(deps);
      return deps;
    },
  };
}
