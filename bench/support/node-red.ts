// Node-RED for bench/engine-http: installed from npm into a scratch folder under the system's temp
// folder (reused when it is there; never a dependency of the app), then started with one flow,
// `http in (POST /run) → http request (POST to the echo, keep-alive) → http response`.
// Node-RED 4: version 5 needs Node 22.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const INSTALL_DIR = path.join(os.tmpdir(), "relay-bench-node-red");
const RED_JS = path.join(INSTALL_DIR, "node_modules", "node-red", "red.js");

/** Installs node-red@^4 once; answers its version. */
export function ensureNodeRed(): string {
  if (!fs.existsSync(RED_JS)) {
    console.log(`installing node-red@^4 into ${INSTALL_DIR} (once)…`);
    fs.mkdirSync(INSTALL_DIR, { recursive: true });
    fs.writeFileSync(path.join(INSTALL_DIR, "package.json"), JSON.stringify({ name: "relay-bench-node-red", private: true }));
    const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--omit=dev", "node-red@^4"], { cwd: INSTALL_DIR, stdio: "inherit" });
    if (npm.status !== 0 || !fs.existsSync(RED_JS)) throw new Error(`could not install node-red into ${INSTALL_DIR}`);
  }
  return (JSON.parse(fs.readFileSync(path.join(INSTALL_DIR, "node_modules", "node-red", "package.json"), "utf8")) as { version: string }).version;
}

/** Starts Node-RED on `port` with the bench flow calling `echoUrl`; answers once POST /run works. */
export async function startNodeRed(port: number, echoUrl: string) {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-bench-node-red-user-"));
  const flows = [
    { id: "bench", type: "tab", label: "bench" },
    { id: "in", type: "http in", z: "bench", url: "/run", method: "post", upload: false, swaggerDoc: "", wires: [["request"]] },
    {
      id: "request",
      type: "http request",
      z: "bench",
      method: "POST",
      ret: "obj",
      paytoqs: "ignore",
      url: echoUrl,
      tls: "",
      persist: true,
      proxy: "",
      insecureHTTPParser: false,
      authType: "",
      senderr: false,
      headers: [],
      wires: [["out"]],
    },
    { id: "out", type: "http response", z: "bench", statusCode: "", headers: {}, wires: [] },
  ];
  fs.writeFileSync(path.join(userDir, "flows.json"), JSON.stringify(flows));
  // No editor (httpAdminRoot: false), warnings only, nothing phoned home: Node-RED as it would run in production.
  fs.writeFileSync(
    path.join(userDir, "settings.js"),
    `module.exports = ${JSON.stringify({
      uiHost: "127.0.0.1",
      uiPort: port,
      httpAdminRoot: false,
      flowFile: "flows.json",
      credentialSecret: false,
      logging: { console: { level: "warn", metrics: false, audit: false } },
      diagnostics: { enabled: false },
      runtimeState: { enabled: false },
      telemetry: { enabled: false },
    })};\n`,
  );
  const red = spawn(process.execPath, [RED_JS, "--userDir", userDir, "--settings", path.join(userDir, "settings.js")], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => red.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}/run`;
  const started = Date.now();
  for (;;) {
    const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then((r) => r.ok, () => false);
    if (ok) break;
    if (red.exitCode !== null || Date.now() - started > 60_000) throw new Error("Node-RED did not come up");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: red.pid!,
    async stop() {
      red.kill("SIGTERM");
      await exited;
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}
