import type { ManifestAction } from "../manifest-types";
import type { DemoState } from "../state";

/** What `POST /actions/:slug/execute` answers with HTTP 200. */
export type ActionResult =
  | { outcome: "executed"; title: string; data?: Record<string, unknown>; childIndex?: number }
  | { outcome: "executing" };

/** What an action's execute function gets. */
export interface ActionContext {
  state: DemoState;
  config: Record<string, unknown>;
  /** `isDryExecution`: validate and describe the outcome, change nothing. */
  isDry: boolean;
  /** Identifies repeated calls of one logical execution: the Idempotency-Key, else a hash of the body. */
  jobKey: string;
}

/** An action: its manifest entry and its behaviour. */
export interface DemoAction {
  manifest: ManifestAction;
  execute(context: ActionContext): ActionResult;
}
