import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "@playwright/test";

const run = promisify(execFile);
const BIN = path.resolve("bin/relay.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The real `relay` binary in a child process, with a config folder of its own: what a user's
 * shell runs. The suite's environment is passed on without any RELAY_* variable, so a login of
 * the machine running the tests never leaks in.
 */
export class RelayCli {
  private static readonly folders = new Set<string>();

  private constructor(
    readonly configDir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<RelayCli> {
    const folder = await mkdtemp(path.join(tmpdir(), "relay-cli-e2e-"));
    RelayCli.folders.add(folder);
    return new RelayCli(folder, env);
  }

  /** Removes every config folder made so far (they hold tokens). */
  static async removeFolders(): Promise<void> {
    await Promise.all([...RelayCli.folders].map((folder) => rm(folder, { recursive: true, force: true })));
    RelayCli.folders.clear();
  }

  /** Another CLI with the same config folder and more environment. */
  with(env: Record<string, string>): RelayCli {
    return new RelayCli(this.configDir, { ...this.env, ...env });
  }

  async run(...args: string[]): Promise<CliResult> {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("RELAY_")) delete env[key];
    Object.assign(env, this.env, { RELAY_CONFIG_DIR: this.configDir });
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
        env,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 90_000,
      });
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
