import { RATE_LIMIT } from "./connector-config";
import { createIdempotencyLog, type IdempotencyLog } from "./idempotency";
import { createOauthFlow, type OauthFlow } from "./oauth";
import { createRateWindow, type RateWindow } from "./rate-window";
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
  /** The connector rate limit the manifests declare; null declares none (benchmarks). */
  rateLimit: { unit: "second"; max: number } | null;
  /** Set when the declared limit is enforced: refuses calls past it, logs every call. */
  rateWindow: RateWindow | null;
}

/** Creates the state of a fresh handler instance. */
export function createDemoState({
  rateLimit = RATE_LIMIT,
  enforceRateLimit = false,
}: { rateLimit?: DemoState["rateLimit"]; enforceRateLimit?: boolean } = {}): DemoState {
  return {
    store: createStore(),
    oauth: createOauthFlow(),
    idempotency: createIdempotencyLog(),
    exportProgress: new Map(),
    stats: createCallStats(),
    rateLimit,
    rateWindow: enforceRateLimit ? createRateWindow(rateLimit?.max ?? Infinity) : null,
  };
}

/** Restores the generated data and forgets stats, idempotency results and exports; OAuth grants stay valid. */
export function resetDemoState(state: DemoState): void {
  state.store.reset();
  state.idempotency.reset();
  state.exportProgress.clear();
  state.stats.reset();
  state.rateWindow?.reset();
}
