import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** A `npm run worker` process started by a test, with what it printed. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Its lease owner id, from its first line. */
  owner: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `scripts/worker.mts` as `npm run worker` does, and resolves once it takes work. */
export async function startWorkerProcess(env: Record<string, string>, { timeoutMs = 30_000 } = {}): Promise<WorkerProcess> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const child = spawn(process.execPath, ["--conditions=react-server", "scripts/compiled.mjs", "scripts/worker.mts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const owner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start within ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const check = () => {
      const match = /executing runs as (\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before starting:\n${text}`)));
  });
  return {
    child,
    owner,
    output: () => text,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
  };
}
