/**
 * The expression sandbox: computes node configs whose values are expression objects
 * (`{{ … }}` templates and jsExpressions, docs/architecture.md, decision 7) against `{nodes}`.
 *
 * Code runs in QuickJS compiled to WebAssembly, in a worker thread of its own, never through
 * `eval`, `new Function` or `node:vm`. Each config gets a fresh QuickJS runtime with a memory
 * limit, a stack limit and a per-expression deadline (QuickJS's interrupt handler); a builtin
 * that loops natively past the deadline gets the thread killed and replaced. Nothing of the host
 * is reachable from inside: the scope goes in and results come out as JSON text, and no host
 * function is ever exposed.
 *
 * Start reading at `evaluator.ts`; `sandbox-host.ts` (main thread) and `sandbox-worker.ts` +
 * `sandbox-context.ts` (worker thread) are the two ends of the sandbox.
 */
export { ExpressionError } from "./expression-error";
export {
  createExpressionEvaluator,
  type ExpressionEvaluator,
  type ExpressionEvaluatorOptions,
  type ExpressionScope,
} from "./evaluator";
