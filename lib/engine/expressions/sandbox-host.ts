import { Worker } from "node:worker_threads";
import { type SandboxCommand, type SandboxLimits, type SandboxReply, type SandboxRequest, type SandboxWorkerData, type SegmentOutcome } from "./sandbox-protocol";

/** Evaluates expression code in one open session; see {@link SandboxHost.session}. */
export type EvaluateCode = (code: string) => Promise<SegmentOutcome>;

interface Thread {
  worker: Worker;
  pending: Map<number, (outcome: SegmentOutcome, fatal: boolean) => void>;
  memoryCeilingBytes: number;
}

/** How long the worker may take to load QuickJS, or to parse a (large) scope into a session. */
const STARTUP_WATCHDOG_MS = 30_000;
/**
 * Beyond an expression's own time limit, how long the host waits before killing the thread. The
 * interrupt handler normally stops code at the limit; this catches native builtins that never
 * reach it, and leaves room for a busy machine.
 */
const KILL_GRACE_MS = 400;
const MiB = 1024 * 1024;
/** What the WebAssembly module takes before any runtime exists (its declared initial memory). */
const WASM_BASELINE_BYTES = 16 * MiB;
/** Parsed JSON takes a few times its text; the text itself is copied in too. */
const SCOPE_EXPANSION = 4;
/** The largest memory the QuickJS module declares it can use. */
const WASM_MAXIMUM_BYTES = 2048 * MiB;

/**
 * The hard ceiling of the thread's WebAssembly memory for a session. QuickJS's own memory limit
 * cannot see allocation sizes under Emscripten (it counts strings and ArrayBuffers as nothing),
 * so this ceiling is what actually stops a memory bomb: malloc fails and QuickJS throws
 * "out of memory". Rounded up to 16 MiB so that similar scopes share a thread.
 */
export function memoryCeilingBytes(memoryBytes: number, scopeJsonLength: number): number {
  const needed = WASM_BASELINE_BYTES + memoryBytes + SCOPE_EXPANSION * scopeJsonLength;
  return Math.min(WASM_MAXIMUM_BYTES, Math.ceil(needed / (16 * MiB)) * 16 * MiB);
}

/**
 * The main-thread side of the sandbox: starts the worker thread, runs sessions one at a time,
 * and kills and replaces the thread when an expression outlives its time limit.
 */
export class SandboxHost {
  private current: { thread: Thread; ready: Promise<Thread> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly stackSizeMb: number) {}

  /** Starts the worker thread if it is not running; resolves once QuickJS is loaded. */
  async start(memoryBytes: number): Promise<void> {
    await this.spawn(memoryCeilingBytes(memoryBytes, 0));
  }

  /**
   * Opens a fresh QuickJS runtime holding `scopeJson`, lets `work` evaluate code in it, then
   * disposes it. Sessions queue: the thread serves one at a time.
   */
  session<T>(scopeJson: string, limits: SandboxLimits, work: (evaluate: EvaluateCode) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runSession(scopeJson, limits, work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runSession<T>(scopeJson: string, limits: SandboxLimits, work: (evaluate: EvaluateCode) => Promise<T>): Promise<T> {
    const thread = await this.spawn(memoryCeilingBytes(limits.memoryBytes, scopeJson.length));
    const opened = await this.request(thread, { type: "open", scopeJson, limits }, STARTUP_WATCHDOG_MS);
    if (opened.kind !== "value") throw new Error(`The expression sandbox could not take in the run context (${opened.kind})`);
    try {
      return await work((code) => this.request(thread, { type: "evaluate", code }, limits.timeoutMs + KILL_GRACE_MS));
    } finally {
      if (this.current?.thread === thread) thread.worker.postMessage({ type: "close" } satisfies SandboxRequest);
    }
  }

  private request(thread: Thread, command: SandboxCommand, watchdogMs: number): Promise<SegmentOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const watchdog = setTimeout(() => {
        thread.pending.delete(id);
        this.retire(thread);
        resolve({ kind: "timeout" });
      }, watchdogMs);
      thread.pending.set(id, (outcome, fatal) => {
        clearTimeout(watchdog);
        // The thread is ending itself; don't hand it the next session meanwhile.
        if (fatal) this.retire(thread);
        resolve(outcome);
      });
      thread.worker.postMessage({ ...command, id } satisfies SandboxRequest);
    });
  }

  /** The running thread if its memory ceiling is high enough, else a new thread that has it. */
  private spawn(memoryCeiling: number): Promise<Thread> {
    if (this.current && this.current.thread.memoryCeilingBytes >= memoryCeiling) return this.current.ready;
    if (this.current) this.retire(this.current.thread);
    const worker = new Worker(new URL("./sandbox-worker.ts", import.meta.url), {
      name: "expression-sandbox",
      execArgv: runsFromSource() ? ["--require", "tsx/cjs"] : [],
      resourceLimits: { stackSizeMb: this.stackSizeMb },
      workerData: { memoryCeilingBytes: memoryCeiling } satisfies SandboxWorkerData,
    });
    const thread: Thread = { worker, pending: new Map(), memoryCeilingBytes: memoryCeiling };
    const ready = new Promise<Thread>((resolve, reject) => {
      const startup = setTimeout(() => {
        reject(new Error(`The expression sandbox did not start within ${STARTUP_WATCHDOG_MS / 1000} s`));
        this.retire(thread);
      }, STARTUP_WATCHDOG_MS);
      worker.on("message", (message: SandboxReply) => {
        if (message.type === "ready") {
          clearTimeout(startup);
          resolve(thread);
          return;
        }
        const settle = thread.pending.get(message.id);
        thread.pending.delete(message.id);
        settle?.(message.outcome, message.fatal === true);
      });
      worker.on("error", (error) => {
        clearTimeout(startup);
        reject(new Error(`The expression sandbox failed: ${error.message}`, { cause: error }));
      });
      worker.on("exit", () => {
        clearTimeout(startup);
        reject(new Error("The expression sandbox stopped while starting"));
        if (this.current?.thread === thread) this.current = null;
        for (const settle of thread.pending.values()) settle({ kind: "crashed", detail: "the sandbox thread stopped" }, true);
        thread.pending.clear();
      });
    });
    ready.catch(() => {
      if (this.current?.thread === thread) this.current = null;
    });
    // An idle sandbox must not keep the process alive; pending requests hold their own timers.
    // After the listeners: adding a "message" listener refs the worker's port again.
    worker.unref();
    this.current = { thread, ready };
    return ready;
  }

  /** Stops a thread for good; the next session starts a new one. */
  private retire(thread: Thread): void {
    if (this.current?.thread === thread) this.current = null;
    void thread.worker.terminate();
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

const hosts = new Map<number, SandboxHost>();

/** The process-wide sandbox thread for a given native stack size (one per distinct size, in practice one). */
export function sharedSandboxHost(stackSizeMb: number): SandboxHost {
  let host = hosts.get(stackSizeMb);
  if (!host) {
    host = new SandboxHost(stackSizeMb);
    hosts.set(stackSizeMb, host);
  }
  return host;
}
