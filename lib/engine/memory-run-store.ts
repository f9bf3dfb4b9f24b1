import type { RunState, RunStore } from "./ports";
import { isTerminalRunStatus } from "./statuses";

/** A RunStore in memory: for tests and the benchmark. States are copied in and out, as a database would. */
export function createMemoryRunStore(): RunStore & { all(): RunState[] } {
  const rows = new Map<string, string>();
  const read = (uuid: string): RunState | null => {
    const row = rows.get(uuid);
    return row ? (JSON.parse(row) as RunState) : null;
  };
  return {
    async create(state) {
      rows.set(state.run.uuid, JSON.stringify(state));
    },
    async load(workspaceUuid, uuid) {
      const state = read(uuid);
      return state && state.run.workspaceUuid === workspaceUuid ? state : null;
    },
    async save(state) {
      const stored = read(state.run.uuid);
      if (stored?.run.status === "cancelled" && state.run.status !== "cancelled") return false;
      rows.set(state.run.uuid, JSON.stringify(state));
      return true;
    },
    async listUnfinished() {
      return [...rows.values()]
        .map((row) => (JSON.parse(row) as RunState).run)
        .filter((run) => !isTerminalRunStatus(run.status))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((run) => ({ workspaceUuid: run.workspaceUuid, uuid: run.uuid }));
    },
    async cancel(workspaceUuid, uuids, at) {
      const changed: string[] = [];
      for (const uuid of uuids) {
        const state = read(uuid);
        if (!state || state.run.workspaceUuid !== workspaceUuid || isTerminalRunStatus(state.run.status)) continue;
        Object.assign(state.run, { status: "cancelled", errorMessage: "Cancelled", finishedAt: at, updatedAt: at });
        state.cursorNodeUuid = null;
        rows.set(uuid, JSON.stringify(state));
        changed.push(uuid);
      }
      return changed;
    },
    all: () => [...rows.keys()].map((uuid) => read(uuid)!),
  };
}
