import { createIdempotencyLog, type IdempotencyLog } from "./idempotency";
import { createOauthFlow, type OauthFlow } from "./oauth";
import { createCallStats, type CallStats } from "./stats";
import { createStore, type CrmStore } from "./store";

/** Everything one handler instance remembers between requests. */
export interface DemoState {
  store: CrmStore;
  oauth: OauthFlow;
  idempotency: IdempotencyLog;
  /** Calls seen so far for each unfinished export, by idempotency key (or body hash). */
  exportProgress: Map<string, number>;
  stats: CallStats;
}

/** Creates the state of a fresh handler instance. */
export function createDemoState(): DemoState {
  return {
    store: createStore(),
    oauth: createOauthFlow(),
    idempotency: createIdempotencyLog(),
    exportProgress: new Map(),
    stats: createCallStats(),
  };
}

/** Restores the generated data and forgets stats, idempotency results and exports; OAuth grants stay valid. */
export function resetDemoState(state: DemoState): void {
  state.store.reset();
  state.idempotency.reset();
  state.exportProgress.clear();
  state.stats.reset();
}
