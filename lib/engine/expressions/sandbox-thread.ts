import { Worker } from "node:worker_threads";
import {
  WATCH_BUDGET,
  WATCH_DEADLINE,
  WATCH_INDEX,
  WATCH_SLOTS,
  type SandboxReply,
  type SandboxWorkerData,
  type SegmentFailure,
  type SessionInput,
  type SessionResult,
} from "./sandbox-protocol";

/** How long the worker may take to load QuickJS, or to parse a (large) scope into a session. */
const STARTUP_WATCHDOG_MS = 30_000;
/**
 * Beyond a code's deadline, how long the host waits before killing the thread. The interrupt
 * handler normally stops code at the deadline; this catches native builtins that never reach it,
 * and leaves room for a busy machine.
 */
const KILL_GRACE_MS = 400;

/**
 * The main-thread end of one sandbox worker thread: runs one session at a time on it, and kills
 * the thread when a code outlives its deadline (read from the slots the worker writes, see
 * `WATCH_DEADLINE`). A killed or crashed thread is gone for good; the pool starts another.
 */
export class SandboxThread {
  private pending: ((result: SessionResult, fatal: boolean) => void) | null = null;
  private alive = true;

  private constructor(
    private readonly worker: Worker,
    private readonly watch: BigInt64Array,
    readonly memoryCeilingBytes: number,
  ) {}

  /** Starts a worker thread; resolves once QuickJS is loaded in it. `onExit` is told when it ends, for whatever reason. */
  static start(stackSizeMb: number, memoryCeilingBytes: number, onExit: (thread: SandboxThread) => void): Promise<SandboxThread> {
    const watch = new SharedArrayBuffer(WATCH_SLOTS * BigInt64Array.BYTES_PER_ELEMENT);
    // This literal form is what Next's bundler recognises (and scripts/compiled.mjs rewrites).
    const worker = new Worker(new URL("./sandbox-worker.ts", import.meta.url), {
      name: "expression-sandbox",
      execArgv: runsFromSource() ? ["--require", "tsx/cjs"] : [],
      resourceLimits: { stackSizeMb },
      workerData: { memoryCeilingBytes, watch } satisfies SandboxWorkerData,
    });
    const thread = new SandboxThread(worker, new BigInt64Array(watch), memoryCeilingBytes);
    const ready = new Promise<SandboxThread>((resolve, reject) => {
      const startup = setTimeout(() => {
        reject(new Error(`The expression sandbox did not start within ${STARTUP_WATCHDOG_MS / 1000} s`));
        thread.stop();
      }, STARTUP_WATCHDOG_MS);
      worker.on("message", (message: SandboxReply) => {
        if (message.type === "ready") {
          clearTimeout(startup);
          resolve(thread);
        } else thread.pending?.(message.result, message.fatal === true);
      });
      worker.on("error", (error) => {
        clearTimeout(startup);
        reject(new Error(`The expression sandbox failed: ${error.message}`, { cause: error }));
      });
      worker.on("exit", () => {
        clearTimeout(startup);
        reject(new Error("The expression sandbox stopped while starting"));
        thread.alive = false;
        thread.pending?.(thread.stoppedResult({ kind: "crashed", detail: "the sandbox thread stopped" }), true);
        onExit(thread);
      });
    });
    // An idle sandbox must not keep the process alive; pending sessions hold their own timers.
    // After the listeners: adding a "message" listener refs the worker's port again.
    worker.unref();
    return ready;
  }

  /** Whether the thread can still take sessions. */
  get isAlive(): boolean {
    return this.alive;
  }

  /** Runs one session on the thread (the caller makes sure it is the only one). */
  run(input: SessionInput): Promise<SessionResult> {
    Atomics.store(this.watch, WATCH_INDEX, -1n);
    Atomics.store(this.watch, WATCH_DEADLINE, BigInt(Date.now() + STARTUP_WATCHDOG_MS));
    return new Promise((resolve) => {
      let watchdog: NodeJS.Timeout;
      const check = () => {
        const deadline = Number(Atomics.load(this.watch, WATCH_DEADLINE));
        // 0: the session is over and its reply on its way.
        const wait = deadline === 0 ? KILL_GRACE_MS : deadline + KILL_GRACE_MS - Date.now();
        if (wait > 0) {
          watchdog = setTimeout(check, wait);
          return;
        }
        this.pending = null;
        const budget = Atomics.load(this.watch, WATCH_BUDGET) === 1n;
        resolve(this.stoppedResult({ kind: budget ? "budget" : "timeout" }));
        this.stop();
      };
      watchdog = setTimeout(check, Math.min(input.limits.timeoutMs, input.budgetMs) + KILL_GRACE_MS);
      this.pending = (result, fatal) => {
        clearTimeout(watchdog);
        this.pending = null;
        // The thread is ending itself; don't hand it the next session meanwhile.
        if (fatal) this.stop();
        resolve(result);
      };
      this.worker.postMessage(input);
    });
  }

  /** Ends the thread for good. */
  stop(): void {
    this.alive = false;
    void this.worker.terminate();
  }

  /** The session's result when the thread stopped under it: a failure of the code it was running. */
  private stoppedResult(outcome: SegmentFailure): SessionResult {
    const index = Number(Atomics.load(this.watch, WATCH_INDEX));
    return index < 0 ? { kind: "notOpened", outcome } : { kind: "failed", index, outcome };
  }
}

/**
 * Whether this file runs as TypeScript source (Vitest, tsx scripts), so the worker must compile
 * its entry on the fly. Next bundles the worker entry itself, though its `import.meta.url` still
 * names the .ts source.
 */
function runsFromSource(): boolean {
  return import.meta.url.endsWith(".ts") && process.env.NEXT_RUNTIME === undefined;
}
