import type { Execution, NodeRetryPolicy, Run, RunStatus, WorkflowNode } from "@/lib/contract";

/**
 * Everything a run needs to survive a restart: the run as the API shows it, plus each node's
 * output and computed config (keyed by node uuid, since slugs may repeat) and where the walk is.
 */
export interface RunState {
  run: Run;
  /** Output of every finished node, by node uuid. */
  outputs: Record<string, unknown>;
  /** The config each node was called with, by node uuid. */
  computedConfigs: Record<string, unknown>;
  /** The node to execute next; null once the walk is over. */
  cursorNodeUuid: string | null;
}

/** Durable storage of runs. `save` must be atomic: after a crash, the last saved state is whole. */
export interface RunStore {
  /**
   * Stores a new run. `awaited`: its caller waits for its end and learns its uuid then, so the
   * store may write it with its first save (lib/server/held-run-inserts.ts).
   */
  create(state: RunState, options?: { awaited?: boolean }): Promise<void>;
  load(workspaceUuid: string, runUuid: string): Promise<RunState | null>;
  /** Writes the whole state; answers false (writing nothing) when the stored run is cancelled and `state` is not. */
  save(state: RunState): Promise<boolean | void>;
  /** Runs that are `pending` or `running`, oldest first, in every workspace. */
  listUnfinished(): Promise<Array<{ workspaceUuid: string; uuid: string }>>;
  /** Marks runs cancelled unless already finished; returns the uuids it changed. */
  cancel(workspaceUuid: string, runUuids: string[], at: string): Promise<string[]>;
}

/** An action call as the engine asks for it; the adapter routes it to an integration server or a built-in. */
export type ActionCall =
  | {
      kind: "connector";
      workspaceUuid: string;
      runUuid: string;
      integrationSlug: string;
      actionSlug: string;
      connectorUuid: string;
      /** Read-only: a literal config is the saved graph's own object, frozen and shared by every run (lib/db/shared-graphs.ts). */
      config: Readonly<Record<string, unknown>>;
      /**
       * Same for every attempt and every poll of one node in one run: `${runUuid}:${nodeUuid}`, or
       * `${runUuid}:${groupNodeUuid}:${itemIndex}:${nodeUuid}` inside a group.
       */
      idempotencyKey: string;
      signal: AbortSignal;
    }
  | {
      kind: "native";
      workspaceUuid: string;
      runUuid: string;
      actionSlug: string;
      /** Read-only, as the connector's. */
      config: Readonly<Record<string, unknown>>;
      idempotencyKey: string;
      signal: AbortSignal;
    };

export type ActionAnswer =
  | { outcome: "executed"; data: unknown; title?: string; childIndex?: number }
  | { outcome: "executing" };

/** Schedules that come from the action's declaration (the manifest), not from the node. */
export interface ActionPolicies {
  /** Retry after an error, used when the node has no `retry` of its own. */
  retry?: Partial<NodeRetryPolicy>;
  /** Re-calls while the action answers `executing`. */
  executing?: Partial<NodeRetryPolicy>;
}

/** Runs actions with IO: connector actions (custom and SDK integrations) and built-ins like httpRequest. */
export interface ActionPort {
  execute(call: ActionCall): Promise<ActionAnswer>;
  policies(call: Pick<ActionCall, "kind" | "workspaceUuid" | "actionSlug"> & { integrationSlug?: string }): Promise<ActionPolicies>;
  /** Whether a native action slug is one the port runs (httpRequest and the like). */
  runsNative(actionSlug: string): boolean;
}

/** What expressions read: `nodes` (outputs by slug) and, inside a group, `parentNodes` (the graph around it). */
export interface ExpressionGlobals {
  nodes: Record<string, unknown>;
  parentNodes?: Record<string, unknown>;
}

/** Computes config values: expression objects evaluated in a sandbox, literals kept. Throws ExpressionError. */
export interface ExpressionPort {
  evaluateConfig(config: Record<string, unknown>, scope: ExpressionGlobals): Promise<Record<string, unknown>>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once after `ms`, unless the answer is called first (cheaper than a sleep with a signal). */
  timer(ms: number, callback: () => void): () => void;
}

export interface EngineDeps {
  store: RunStore;
  actions: ActionPort;
  expressions: ExpressionPort;
  clock: Clock;
  ids: { uuid(): string };
  /** In [0, 1); split nodes draw from it. */
  random(): number;
  logger?: { warn(message: string, meta?: Record<string, unknown>): void };
}

export type { Execution, Run, RunStatus, WorkflowNode };
