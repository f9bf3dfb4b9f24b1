import os from "node:os";
import { type SessionInput, type SessionResult } from "./sandbox-protocol";
import { SandboxThread } from "./sandbox-thread";

/**
 * Most sandbox threads a process runs. Sessions are short (a config's expressions) and the run
 * engine itself lives on the main thread, so a few threads use the cores; each one more holds a
 * QuickJS instance and its WebAssembly memory (16 MiB and up) for little gain.
 */
export const MAX_SANDBOX_THREADS = 4;

const MiB = 1024 * 1024;
/** What the WebAssembly module takes before any runtime exists (its declared initial memory). */
const WASM_BASELINE_BYTES = 16 * MiB;
/** Parsed JSON takes a few times its text; the text itself is copied in too. */
const SCOPE_EXPANSION = 4;
/** The largest memory the QuickJS module declares it can use. */
const WASM_MAXIMUM_BYTES = 2048 * MiB;

/**
 * The hard ceiling of a thread's WebAssembly memory for a session. QuickJS's own memory limit
 * cannot see allocation sizes under Emscripten (it counts strings and ArrayBuffers as nothing),
 * so this ceiling is what actually stops a memory bomb: malloc fails and QuickJS throws
 * "out of memory". Rounded up to 16 MiB so that similar scopes share a thread.
 */
export function memoryCeilingBytes(memoryBytes: number, scopeJsonLength: number): number {
  const needed = WASM_BASELINE_BYTES + memoryBytes + SCOPE_EXPANSION * scopeJsonLength;
  return Math.min(WASM_MAXIMUM_BYTES, Math.ceil(needed / (16 * MiB)) * 16 * MiB);
}

/** Threads for this machine: one per core the process may use, at least 1, at most {@link MAX_SANDBOX_THREADS}. */
export function sandboxThreadCount(): number {
  return Math.min(MAX_SANDBOX_THREADS, Math.max(1, os.availableParallelism()));
}

interface Waiter {
  ceiling: number;
  resolve(thread: SandboxThread): void;
  reject(error: unknown): void;
}

/**
 * Sandbox worker threads sharing the sessions: each session goes to an idle thread whose memory
 * ceiling fits its scope (the most recently used first, whose runtime is warm), else to a new
 * thread while there are fewer than `size`, else waits its turn. A thread too small for the
 * session whose turn it is gives way to a larger one. Threads start on demand and end when killed
 * or crashed.
 */
export class SandboxPool {
  private readonly threads = new Set<SandboxThread>();
  private readonly idle: SandboxThread[] = [];
  private readonly waiters: Waiter[] = [];
  private starting = 0;

  constructor(
    private readonly stackSizeMb: number,
    readonly size: number,
  ) {}

  /** How many threads run or are starting. */
  get threadCount(): number {
    return this.threads.size + this.starting;
  }

  /** Starts a first thread if none runs; resolves once QuickJS is loaded. */
  async start(memoryBytes: number): Promise<void> {
    if (this.threadCount === 0) this.release(await this.spawn(memoryCeilingBytes(memoryBytes, 0)));
  }

  /** Runs a session on a free thread. */
  async run(input: SessionInput): Promise<SessionResult> {
    const thread = await this.acquire(memoryCeilingBytes(input.limits.memoryBytes, input.scopeJson.length));
    try {
      return await thread.run(input);
    } finally {
      this.release(thread);
    }
  }

  // An idle thread is one no waiting session fits, so taking it jumps no queue.
  private acquire(ceiling: number): Promise<SandboxThread> {
    const fit = this.idle.findLastIndex((thread) => thread.memoryCeilingBytes >= ceiling);
    if (fit >= 0) return Promise.resolve(this.idle.splice(fit, 1)[0]!);
    if (this.threadCount < this.size) return this.spawn(ceiling);
    const tooSmall = this.idle.shift();
    if (tooSmall) {
      this.retire(tooSmall);
      return this.spawn(ceiling);
    }
    return new Promise((resolve, reject) => this.waiters.push({ ceiling, resolve, reject }));
  }

  /** Hands a thread that finished a session to the first waiting session it fits, else keeps it idle. */
  private release(thread: SandboxThread): void {
    if (!thread.isAlive || !this.threads.has(thread)) return;
    const fit = this.waiters.findIndex((waiter) => thread.memoryCeilingBytes >= waiter.ceiling);
    if (fit >= 0) return this.waiters.splice(fit, 1)[0]!.resolve(thread);
    if (this.waiters.length === 0) {
      this.idle.push(thread);
      return;
    }
    this.retire(thread);
    this.spawnFor(this.waiters.shift()!);
  }

  private async spawn(ceiling: number): Promise<SandboxThread> {
    this.starting++;
    try {
      const thread = await SandboxThread.start(this.stackSizeMb, ceiling, (ended) => this.forget(ended));
      if (!thread.isAlive) throw new Error("The expression sandbox stopped while starting");
      this.threads.add(thread);
      return thread;
    } catch (error) {
      // The slot it held is free again.
      queueMicrotask(() => this.fillFreeSlot());
      throw error;
    } finally {
      this.starting--;
    }
  }

  private spawnFor(waiter: Waiter): void {
    this.spawn(waiter.ceiling).then(waiter.resolve, waiter.reject);
  }

  private retire(thread: SandboxThread): void {
    this.threads.delete(thread);
    thread.stop();
  }

  /** A thread ended (killed, crashed, retired): out of the pool, and its slot goes to a waiting session. */
  private forget(thread: SandboxThread): void {
    const known = this.threads.delete(thread);
    const index = this.idle.indexOf(thread);
    if (index >= 0) this.idle.splice(index, 1);
    if (known) this.fillFreeSlot();
  }

  private fillFreeSlot(): void {
    if (this.waiters.length > 0 && this.threadCount < this.size) this.spawnFor(this.waiters.shift()!);
  }
}

const pools = new Map<number, SandboxPool>();

/** The process-wide pool for a given native stack size (one per distinct size, in practice one). */
export function sharedSandboxPool(stackSizeMb: number): SandboxPool {
  let pool = pools.get(stackSizeMb);
  if (!pool) {
    pool = new SandboxPool(stackSizeMb, sandboxThreadCount());
    pools.set(stackSizeMb, pool);
  }
  return pool;
}
