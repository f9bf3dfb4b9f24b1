import type { ActionResult } from "../action-result";
import type { ManifestAction } from "../manifest-types";
import type { DemoState } from "../state";

export type { ActionResult };

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
