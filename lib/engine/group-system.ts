import { isRecord } from "@/lib/contract/is-record";
import { WorkflowNodes, type Execution, type WorkflowNode } from "@/lib/contract";
import { errorMessageOf, isRetryable, PermanentNodeError, RunCancelledError, RunLimitError } from "./errors";
import { isTruthy, type StepResult } from "./flow-steps";
import { MAX_GROUP_ITEM_WALKS, MAX_GROUP_ITEMS, MAX_OUTPUT_BYTES, MB } from "./limits";
import { jsonBytes } from "./storable";
import type { NodeScope, RunHandle, RunNode } from "./node-scope";
import type { EngineDeps } from "./ports";
import { appendExecution, completeExecution, failExecution, isAction, newExecution } from "./walk-steps";

/** An item's end output, or why it failed and whether another attempt of the group could help. */
type ItemOutcome = { ok: true; output: unknown } | { ok: false; message: string; retryable: boolean };

/**
 * Runs a `group` node: its sub-graph (`config._nodes`) once per item of `config.items`, in order,
 * each from its own `start`, whose output is the item (an object as it is, anything else as
 * `{value}`). Expressions inside read the item's outputs as `nodes.<slug>` and the graph around
 * the group as `parentNodes.<slug>`. The group's output is the array of each item's `end` output
 * (null for an item whose path stopped before an end). A failed item fails the group when
 * `failOnItemFailure` is true; otherwise its entry is `{error: "<node>: <message>"}`.
 */
export function createGroupSystem(deps: EngineDeps, { runNode }: { runNode: RunNode }) {
  const now = () => deps.clock.now().toISOString();

  async function runGroup(run: RunHandle, scope: NodeScope, group: WorkflowNode, config: Record<string, unknown>, execution: Execution, signal: AbortSignal): Promise<StepResult> {
    const items = config.items;
    if (!Array.isArray(items)) throw new PermanentNodeError(`Group items must be an array, got ${items === null ? "null" : typeof items}`);
    if (items.length > MAX_GROUP_ITEMS) throw new PermanentNodeError(`The group has ${items.length} items; at most ${MAX_GROUP_ITEMS} are allowed`);
    // Counted per attempt of the top-level group, across the groups nested in it.
    const itemWalks = scope.itemWalks ?? { count: 0 };
    if (itemWalks.count + items.length > MAX_GROUP_ITEM_WALKS) {
      throw new PermanentNodeError(
        `The group's ${items.length} items would take its nested groups past ${MAX_GROUP_ITEM_WALKS.toLocaleString("en-US")} item walks in all (${itemWalks.count.toLocaleString("en-US")} so far); nested groups multiply their items`,
      );
    }
    const parsed = WorkflowNodes.safeParse(group.config._nodes ?? []);
    if (!parsed.success) throw new PermanentNodeError(`The group's nodes are not a valid graph: ${parsed.error.issues[0]?.message}`);
    const subNodes = parsed.data;
    // A resumed or retried group starts over: what an earlier attempt recorded of its items (all
    // after the group's own execution, since the walk is sequential) is replaced.
    const executions = run.state.run.executions;
    executions.splice(executions.indexOf(execution) + 1);
    execution.attempts += 1;

    const parentNodes = scope.globals().nodes;
    const outputs: unknown[] = [];
    let outputBytes = 0;
    let failed = 0;
    for (const [index, item] of items.entries()) {
      itemWalks.count += 1;
      const itemOutputs: Record<string, unknown> = {};
      const itemScope: NodeScope = {
        startOutput: isRecord(item) ? item : { value: item },
        globals: () => ({ nodes: itemOutputs, parentNodes }),
        computedConfigs: {},
        keyPrefix: `${scope.keyPrefix}:${group.uuid}:${index}`,
        mayPark: false,
        executionTags: { groupNodeUuid: group.uuid, itemIndex: index },
        itemWalks,
      };
      const outcome = await runItem(run, itemScope, subNodes, itemOutputs, signal);
      if (outcome.ok) {
        // Measured as the items end, not once all have: a thousand large item outputs held in
        // memory until the group's output is checked would take the whole process down.
        outputBytes += jsonBytes(outcome.output);
        if (outputBytes > MAX_OUTPUT_BYTES) {
          throw new PermanentNodeError(`The group's output is over ${MAX_OUTPUT_BYTES / MB} MB as JSON after ${index + 1} of its ${items.length} items; a run keeps at most ${MAX_OUTPUT_BYTES / MB} MB per node`);
        }
        outputs.push(outcome.output);
      }
      else if (isTruthy(config.failOnItemFailure)) {
        // A permanent item failure (bad config, a 4xx) would fail the same way again: no group retry.
        const message = `Item ${index}: ${outcome.message}`;
        throw outcome.retryable ? new Error(message) : new PermanentNodeError(message);
      }
      else {
        outputs.push({ error: outcome.message });
        failed++;
      }
      await run.checkpoint();
    }
    const title = `${items.length} item${items.length === 1 ? "" : "s"}${failed > 0 ? `, ${failed} failed` : ""}`;
    return { output: outputs, childIndex: 0, title };
  }

  /** One walk of the sub-graph, from its start to an end (or a path that stops). */
  async function runItem(run: RunHandle, scope: NodeScope, subNodes: WorkflowNode[], outputs: Record<string, unknown>, signal: AbortSignal): Promise<ItemOutcome> {
    const byUuid = new Map(subNodes.map((node) => [node.uuid, node]));
    let cursor = subNodes.find((node) => isAction(node, "start"))?.uuid ?? null;
    if (!cursor) return { ok: false, message: 'The group has no start node (slug "start", action "start")', retryable: false };
    let output: unknown = null;
    while (cursor) {
      if (signal.aborted) throw signal.reason;
      const node = byUuid.get(cursor);
      if (!node) return { ok: false, message: `Node ${cursor} is not in the group's graph`, retryable: false };
      const execution = appendExecution(run.state, { ...newExecution(node, now()), ...scope.executionTags });
      try {
        const result = (await runNode(run, scope, node, execution, signal)) as StepResult;
        cursor = completeExecution(node, execution, result, now());
        outputs[node.slug] = result.output;
        if (isAction(node, "end")) output = result.output;
      } catch (error) {
        if (signal.aborted || error instanceof RunCancelledError) throw error;
        const message = errorMessageOf(error);
        // A cap of the whole run ends it, whatever the item's fallbacks.
        const final = error instanceof RunLimitError;
        const fallback = failExecution(node, execution, message, now(), { final });
        if (final) throw error;
        if (fallback === undefined) return { ok: false, message: `${node.name ?? node.slug}: ${message}`, retryable: isRetryable(error) };
        outputs[node.slug] = { error: message };
        cursor = fallback;
      }
    }
    return { ok: true, output };
  }

  return { runGroup };
}
