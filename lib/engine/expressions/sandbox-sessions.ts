import { type QuickJSRuntime, type QuickJSWASMModule } from "quickjs-emscripten";
import { SandboxContext } from "./sandbox-context";
import { type SessionInput, type SessionResult } from "./sandbox-protocol";

/** Told before each code runs: by when it must be done, its index, and whether that deadline is the session's budget. */
export type SessionWatch = (deadline: number, index: number, budget: boolean) => void;

/** Outcomes after which the runtime is as sound as before: the code ran to completion or threw. */
const ORDINARY = new Set(["value", "thrown", "unserializable"]);

/**
 * Runs sessions one at a time in a worker thread, reusing what is safe to reuse:
 *
 * - The QuickJS runtime serves session after session (each in a context of its own) unless a
 *   session was stopped (time, memory, stack), which may leave it half-way through something, or
 *   left promise jobs queued: jobs belong to the runtime, and would otherwise outlive their session.
 * - A context (intrinsics, global object) serves the next session only when every code it ever
 *   ran left its globals untouched (`SessionInput.reusable`, decided from the syntax), so each
 *   session still starts from pristine globals; anything else gets a fresh context, made ahead
 *   of time by `prepare` while the thread is idle (making one takes about as long as a session).
 */
export class SandboxSessions {
  /** How many runtimes and contexts were created so far (each session without reuse makes one context). */
  readonly created = { runtimes: 0, contexts: 0 };
  private runtime: QuickJSRuntime | null = null;
  // At most one of them is set: `prepare` makes a spare only when no context is kept.
  private kept: SandboxContext | null = null;
  private spare: SandboxContext | null = null;

  constructor(private readonly module: QuickJSWASMModule) {}

  /** Runs the session's codes in order in one context, stopping at the first failure or when the budget is spent. */
  run(input: SessionInput, watch: SessionWatch = () => {}): SessionResult {
    const started = Date.now();
    const context = this.kept ?? this.spare ?? this.newContext();
    this.kept = this.spare = null;
    let result: SessionResult;
    let reusable = input.reusable;
    try {
      const installed = context.install(input.scopeJson, input.limits);
      if ("kind" in installed) result = { kind: "notOpened", outcome: installed };
      else {
        reusable &&= !installed.replacedBuiltin;
        result = runCodes(context, input, started + input.budgetMs, watch);
      }
    } catch (error) {
      // The WebAssembly instance trapped: nothing in it can be trusted or freed; the thread ends.
      this.runtime = this.kept = this.spare = null;
      throw error;
    }
    this.finish(context, result, reusable);
    return result;
  }

  /** Makes the next session's context now, unless it has one: call while idle. */
  prepare(): void {
    if (!this.kept && !this.spare) this.spare = this.newContext();
  }

  private newContext(): SandboxContext {
    if (!this.runtime) {
      this.runtime = this.module.newRuntime();
      this.created.runtimes++;
    }
    this.created.contexts++;
    return SandboxContext.create(this.runtime);
  }

  private finish(context: SandboxContext, result: SessionResult, reusable: boolean): void {
    const ordinary = result.kind === "done" || (result.kind === "failed" && ORDINARY.has(result.outcome.kind));
    const sound = ordinary && !this.runtime!.hasPendingJob();
    if (sound && reusable) {
      this.kept = context;
      return;
    }
    context.dispose();
    if (!sound) {
      this.runtime!.dispose();
      this.runtime = null;
    }
  }
}

function runCodes(context: SandboxContext, input: SessionInput, budgetDeadline: number, watch: SessionWatch): SessionResult {
  const values: Array<string | undefined> = [];
  for (const [index, code] of input.codes.entries()) {
    const now = Date.now();
    if (now >= budgetDeadline) return { kind: "failed", index, outcome: { kind: "budget" } };
    const budget = budgetDeadline < now + input.limits.timeoutMs;
    const deadline = budget ? budgetDeadline : now + input.limits.timeoutMs;
    watch(deadline, index, budget);
    const outcome = context.evaluate(code, deadline);
    if (outcome.kind === "value") values.push(outcome.json);
    else return { kind: "failed", index, outcome: outcome.kind === "timeout" && budget ? { kind: "budget" } : outcome };
  }
  return { kind: "done", values };
}
