// Shared by the benchmarks, the production-build check and the e2e suite: the production server
// over a build, on a free port with a throwaway data folder, Chromium with the project's flags, and
// the statistics they print.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { E2E_DIST_DIR } from "../../e2e/ports";

export { E2E_DIST_DIR };

/**
 * Node's arguments for the production server (what `npm start` runs): /api/* to the API app, the
 * rest to Next. Run from the project folder; `-p`, `-H` and `--keepAliveTimeout` go after them.
 */
export const PRODUCTION_SERVER_ARGS = ["--conditions=react-server", "scripts/compiled.mjs", "scripts/serve.mts"] as const;
/** How a checkout from before scripts/compiled.mjs ran it (a baseline of bench/engine-http). */
const SOURCE_SERVER_ARGS = ["--conditions=react-server", "--import", "tsx", "scripts/serve.mts"] as const;

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
export const median = (values: number[]) => percentile(values, 0.5);

interface StartOptions {
  /** The build to start: `.next` (the production build, default) or E2E_DIST_DIR. */
  distDir?: string;
  env?: Record<string, string>;
  /** More arguments for node, before the server's (`--cpu-prof`, say). */
  nodeArgs?: string[];
  /** The project folder to start it from (another checkout; default this one). */
  cwd?: string;
}

/** The production server over an existing build (the demo integration skipped), claimed by an owner and ready to answer; `stop` cleans up. */
export async function startProductionApp({ distDir = process.env.NEXT_DIST_DIR || ".next", env = {}, nodeArgs = [], cwd = process.cwd() }: StartOptions = {}) {
  if (!fs.existsSync(path.join(cwd, distDir, "BUILD_ID"))) {
    throw new Error(distDir === E2E_DIST_DIR ? "Run `npm run build:e2e` first" : "Run `npx next build` first");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-bench-"));
  const serverArgs = fs.existsSync(path.join(cwd, "scripts/compiled.mjs")) ? PRODUCTION_SERVER_ARGS : SOURCE_SERVER_ARGS;
  const app = spawn(process.execPath, [...nodeArgs, ...serverArgs, "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...process.env, NEXT_DIST_DIR: distDir, DATA_DIR: dataDir, DEMO_INTEGRATION_URL: "", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  // Ready once it says so: with WEB_PROCESSES the health check is answered as soon as the first
  // process listens, and the primary says it once all of them do. Read to the end either way.
  let said = "";
  const ready = new Promise<void>((resolve) => {
    app.stdout.on("data", (chunk: Buffer) => {
      if (said === "ready") return;
      said = (said + chunk.toString()).slice(-2_000);
      if (/\[server\] ready on /.test(said)) {
        said = "ready";
        resolve();
      }
    });
  });
  /** Stops the server and waits for it to exit (a CPU profile is written then), then removes its data. */
  const stop = async () => {
    if (app.exitCode === null && app.signalCode === null) app.kill("SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let cookie: string;
  try {
    await waitFor(`${base}/api/v1/health`, 60_000, exited);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ready,
      exited.then(() => Promise.reject(new Error("the server exited before it was ready"))),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("the server did not say it was ready within 60 s")), 60_000))),
    ]).finally(() => clearTimeout(timer));
    cookie = await claimInstance(base, dataDir);
  } catch (error) {
    await stop();
    throw error;
  }
  /** Signs a browser context in as the instance's owner. */
  const signIn = (context: BrowserContext) => {
    const [name, value] = cookie.split("=") as [string, string];
    return context.addCookies([{ name, value, url: base }]);
  };
  return { base, stop, cookie, signIn, pid: app.pid! };
}

/** Claims the fresh instance with its setup code, as its first user would; returns the session cookie (`name=value`). */
async function claimInstance(base: string, dataDir: string): Promise<string> {
  const code = fs.readFileSync(path.join(dataDir, "setup-code"), "utf8").trim();
  const response = await fetch(`${base}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, email: "bench@relay.test", password: "bench password 1", name: "Bench", workspaceName: "Bench" }),
  });
  if (response.status !== 201) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** The system Chromium with the flags playwright.config.ts uses. */
export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 60_000, exited?: Promise<void>) {
  const started = Date.now();
  let gone = false;
  void exited?.then(() => (gone = true));
  while (Date.now() - started < timeoutMs && !gone) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(gone ? `the server for ${url} exited before it answered` : `${url} did not come up`);
}
