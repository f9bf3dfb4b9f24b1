/**
 * Worker thread entry of the expression sandbox: loads QuickJS once and serves one session at a
 * time. It lives in a thread so the host can kill it when a native builtin loops without ever
 * reaching QuickJS's interrupt check (`Array.prototype.indexOf.call({length: 1e15})`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { SandboxContext } from "./sandbox-context";
import { type SandboxReply, type SandboxRequest, type SandboxWorkerData, type SegmentOutcome } from "./sandbox-protocol";

const port = parentPort;
if (!port) throw new Error("sandbox-worker.ts runs as a worker thread only");

let session: SandboxContext | null = null;

const reply = (message: SandboxReply) => port.postMessage(message);

const WASM_PAGE_BYTES = 64 * 1024;
/** The module's declared memory bounds (16 MiB to 2 GiB): an imported memory must fit inside them. */
const INITIAL_PAGES = 256;
const MAXIMUM_PAGES = 32768;
const { memoryCeilingBytes } = workerData as SandboxWorkerData;
// Bounded memory turns a memory bomb into a failed malloc, which QuickJS reports as "out of memory".
const memory = new WebAssembly.Memory({
  initial: INITIAL_PAGES,
  maximum: Math.min(MAXIMUM_PAGES, Math.max(INITIAL_PAGES, Math.floor(memoryCeilingBytes / WASM_PAGE_BYTES))),
});

void newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory })).then((quickjs) => {
  port.on("message", (request: SandboxRequest) => serve(quickjs, request));
  reply({ type: "ready" });
});

function serve(quickjs: QuickJSWASMModule, request: SandboxRequest): void {
  try {
    if (request.type === "close") {
      session?.dispose();
      session = null;
      return;
    }
    if (request.type === "open") {
      session?.dispose();
      session = SandboxContext.open(quickjs, request.scopeJson, request.limits);
      reply({ type: "reply", id: request.id, outcome: { kind: "value", json: undefined } });
      return;
    }
    if (!session) throw new Error("evaluate without an open session");
    reply({ type: "reply", id: request.id, outcome: session.evaluate(request.code) });
  } catch (error) {
    // The WebAssembly instance trapped mid-call (its own stack ran out, or QuickJS aborted):
    // its memory can no longer be trusted, so this thread ends and the host starts a new one.
    if (request.type !== "close") reply({ type: "reply", id: request.id, outcome: crashOutcome(error), fatal: true });
    process.exit(1);
  }
}

function crashOutcome(error: unknown): SegmentOutcome {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { kind: "stack" };
  if (error instanceof Error && /out of memory|OOM|enlarge memory/i.test(error.message)) return { kind: "memory" };
  return { kind: "crashed", detail: error instanceof Error ? error.message : String(error) };
}
