/**
 * Worker thread entry of the expression sandbox: loads QuickJS once and serves one session at a
 * time. It lives in a thread so the host can kill it when a native builtin loops without ever
 * reaching QuickJS's interrupt check (`Array.prototype.indexOf.call({length: 1e15})`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC } from "quickjs-emscripten";
import {
  WATCH_BUDGET,
  WATCH_DEADLINE,
  WATCH_INDEX,
  type SandboxReply,
  type SandboxWorkerData,
  type SegmentFailure,
  type SessionInput,
  type SessionResult,
} from "./sandbox-protocol";
import { SandboxSessions, type SessionWatch } from "./sandbox-sessions";

const port = parentPort;
if (!port) throw new Error("sandbox-worker.ts runs as a worker thread only");

const reply = (message: SandboxReply) => port.postMessage(message);

const WASM_PAGE_BYTES = 64 * 1024;
/** The module's declared memory bounds (16 MiB to 2 GiB): an imported memory must fit inside them. */
const INITIAL_PAGES = 256;
const MAXIMUM_PAGES = 32768;
const { memoryCeilingBytes, watch: watchBuffer } = workerData as SandboxWorkerData;
const watchSlots = new BigInt64Array(watchBuffer);
// Bounded memory turns a memory bomb into a failed malloc, which QuickJS reports as "out of memory".
const memory = new WebAssembly.Memory({
  initial: INITIAL_PAGES,
  maximum: Math.min(MAXIMUM_PAGES, Math.max(INITIAL_PAGES, Math.floor(memoryCeilingBytes / WASM_PAGE_BYTES))),
});

// The index first: the host reads the deadline, then the index.
const watch: SessionWatch = (deadline, index, budget) => {
  Atomics.store(watchSlots, WATCH_INDEX, BigInt(index));
  Atomics.store(watchSlots, WATCH_BUDGET, budget ? 1n : 0n);
  Atomics.store(watchSlots, WATCH_DEADLINE, BigInt(deadline));
};

void newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory })).then((quickjs) => {
  const sessions = new SandboxSessions(quickjs);
  sessions.prepare();
  port.on("message", (input: SessionInput) => serve(sessions, input));
  reply({ type: "ready" });
});

function serve(sessions: SandboxSessions, input: SessionInput): void {
  try {
    const result = sessions.run(input, watch);
    watch(0, -1, false);
    reply({ type: "reply", result });
    // After the reply: the host has its answer while the next context is made.
    setImmediate(() => sessions.prepare());
  } catch (error) {
    // The WebAssembly instance trapped mid-call (its own stack ran out, or QuickJS aborted):
    // its memory can no longer be trusted, so this thread ends and the host starts a new one.
    reply({ type: "reply", result: crashResult(error), fatal: true });
    process.exit(1);
  }
}

function crashResult(error: unknown): SessionResult {
  const index = Number(Atomics.load(watchSlots, WATCH_INDEX));
  const outcome = crashOutcome(error);
  return index < 0 ? { kind: "notOpened", outcome } : { kind: "failed", index, outcome };
}

function crashOutcome(error: unknown): SegmentFailure {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { kind: "stack" };
  if (error instanceof Error && /out of memory|OOM|enlarge memory/i.test(error.message)) return { kind: "memory" };
  return { kind: "crashed", detail: error instanceof Error ? error.message : String(error) };
}
