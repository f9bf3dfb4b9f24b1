import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";
import { APP, createToken } from "../support/accounts";
import { uniqueName } from "../runs/support";

const run = promisify(execFile);
const BIN = path.resolve("bin/relay.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The real `relay` binary in a child process, with a folder of its own: what a user's shell runs.
 * The config folder is a subfolder that does not exist until `login` makes it, so the mode the CLI
 * gives it is checked, not mkdtemp's; other files a test needs go beside it (`file()`). The
 * suite's environment is passed on without any RELAY_* variable, so a login of the machine
 * running the tests never leaks in.
 */
export class RelayCli {
  private static readonly folders = new Set<string>();

  private constructor(
    private readonly folder: string,
    private readonly env: Record<string, string>,
    private readonly stdin = "",
  ) {}

  static async create(env: Record<string, string> = {}): Promise<RelayCli> {
    const folder = await mkdtemp(path.join(tmpdir(), "relay-cli-e2e-"));
    RelayCli.folders.add(folder);
    return new RelayCli(folder, env);
  }

  /** Removes every folder made so far (they hold tokens). */
  static async removeFolders(): Promise<void> {
    await Promise.all([...RelayCli.folders].map((folder) => rm(folder, { recursive: true, force: true })));
    RelayCli.folders.clear();
  }

  /** `RELAY_CONFIG_DIR`: where `login` keeps the token. */
  get configDir(): string {
    return path.join(this.folder, "config");
  }

  /** A path for a test's own file (a graph, a CSV), outside the config folder. */
  file(name: string): string {
    return path.join(this.folder, name);
  }

  /** Another CLI with the same folders and more environment. */
  with(env: Record<string, string>): RelayCli {
    return new RelayCli(this.folder, { ...this.env, ...env }, this.stdin);
  }

  /** Another CLI whose commands get `text` on stdin. */
  withStdin(text: string): RelayCli {
    return new RelayCli(this.folder, this.env, text);
  }

  async run(...args: string[]): Promise<CliResult> {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("RELAY_")) delete env[key];
    Object.assign(env, this.env, { RELAY_CONFIG_DIR: this.configDir });
    try {
      const pending = run(process.execPath, [BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 });
      pending.child.stdin?.end(this.stdin);
      const { stdout, stderr } = await pending;
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof failed.code !== "number") throw error;
      return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  }

  /** Runs a command that must succeed; its stdout parsed as JSON. */
  async json(...args: string[]): Promise<unknown> {
    const result = await this.run(...args);
    expect(result.code, `relay ${args.join(" ")}\n${result.stderr}`).toBe(0);
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout);
  }

  /** Runs a command that must fail: exit 1, nothing on stdout, `{errorMessage, …}` on stderr. */
  async fails(...args: string[]): Promise<{ errorMessage: string } & Record<string, unknown>> {
    const result = await this.run(...args);
    expect(result.code, `relay ${args.join(" ")} should fail\n${result.stdout}`).toBe(1);
    expect(result.stdout).toBe("");
    const body = JSON.parse(result.stderr);
    expect(typeof body.errorMessage).toBe("string");
    return body;
  }
}

/** A uuid no resource has. */
export const MISSING = "00000000-0000-4000-8000-0000000000ff";

/** A CLI logged in to the suite's app with a fresh API token of the signed-in owner. */
export async function loggedIn(request: APIRequestContext): Promise<RelayCli> {
  const cli = await RelayCli.create();
  const { token } = await createToken(request, uniqueName("cli"));
  await cli.json("login", "--token", token, "--base-url", APP);
  return cli;
}
