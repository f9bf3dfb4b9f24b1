/**
 * The expression sandbox: computes node configs whose values are expression objects
 * (`{{ … }}` templates and jsExpressions, docs/architecture.md, decision 7) against `{nodes}`.
 *
 * Code runs in QuickJS compiled to WebAssembly, in a pool of worker threads (one per core, at
 * most four), never through `eval`, `new Function` or `node:vm`. Each config's code runs in a
 * context with pristine globals, under a memory limit, a stack limit, a per-expression deadline
 * and a total per config (QuickJS's interrupt handler); a builtin that loops natively past its
 * deadline gets its thread killed and replaced. Nothing of the host is reachable from inside: the
 * scope goes in and results come out as JSON text, and no host function is ever exposed. Plain
 * paths (`{{nodes.start.id}}`) need no JavaScript and are read in the host, with the same results.
 *
 * Start reading at `evaluator.ts` (and `config-plan.ts`, `read-member-path.ts`); the sandbox's
 * two ends are `sandbox-pool.ts` + `sandbox-thread.ts` (main thread) and `sandbox-worker.ts` +
 * `sandbox-sessions.ts` + `sandbox-context.ts` (worker threads).
 */
export { ExpressionError } from "./expression-error";
export {
  createExpressionEvaluator,
  type ExpressionEvaluator,
  type ExpressionEvaluatorOptions,
  type ExpressionScope,
} from "./evaluator";
export { CONFIG_TIME_LIMIT_MS, MAX_EXPRESSIONS_PER_CONFIG } from "./limits";
