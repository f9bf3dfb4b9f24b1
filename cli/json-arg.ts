import { readFileSync } from "node:fs";
import { CliError } from "./output";

/** How `@file` values are read; tests pass their own. */
export type ReadText = (path: string) => string;

const readFromDisk: ReadText = (path) => readFileSync(path === "-" ? 0 : path, "utf8");

/**
 * The value of a JSON-valued flag (`--data`, `--nodes`, `--filter`, …): inline JSON, or `@path`
 * to read it from a file (`@-` reads stdin), since graphs and record lists are too long and too
 * quote-heavy for a shell line. Any problem names the flag, so the user knows which value to fix.
 *
 * @example parseJsonArg('{"domain":"acme.com"}', "--data") // { domain: "acme.com" }
 * @example parseJsonArg("@nodes.json", "--nodes")           // the file's JSON
 */
export function parseJsonArg(value: string, flag: string, readText: ReadText = readFromDisk): unknown {
  if (value.startsWith("@")) {
    const path = value.slice(1);
    if (!path) throw new CliError(`${flag}: give a file after @ (e.g. ${flag} @data.json)`);
    let text: string;
    try {
      text = readText(path);
    } catch (error) {
      throw new CliError(`${flag}: cannot read ${path === "-" ? "stdin" : path} (${reason(error)})`);
    }
    return parse(text, `${flag}: ${path === "-" ? "stdin" : path} is not valid JSON`);
  }
  return parse(value, `${flag} is not valid JSON (or use @file.json)`);
}

/** A parsed JSON flag whose value must be an object, such as `--config` or `--record`. */
export function expectObject(value: unknown, flag: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`${flag} must be a JSON object`);
  return value as Record<string, unknown>;
}

function parse(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
