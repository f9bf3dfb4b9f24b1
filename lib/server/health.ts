import type { HealthResponseBody } from "@/lib/contract";
import type { Deps } from "./deps-types";

/** Checks that storage answers; used by the health route and the e2e harness's readiness probe. */
export async function checkHealth({ db, settings }: Deps, workspaceUuid: string): Promise<HealthResponseBody> {
  let ok = true;
  try {
    await db.client.get("SELECT 1 AS one");
  } catch {
    ok = false;
  }
  return {
    status: ok ? "ok" : "degraded",
    version: settings.version,
    database: { dialect: db.dialect, ok, migrations: db.migrations },
    ...(workspaceUuid ? { workspaceUuid } : {}),
  };
}
