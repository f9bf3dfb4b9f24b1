import type { Command } from "commander";
import type { ApiClient, ApiRequest } from "./api-client";
import type { Session } from "./config-store";
import { parseJsonArg } from "./json-arg";
import { CliError, printJson } from "./output";

/** A command's inputs after parsing: options by their camelCase name (the API's field name), positionals by `key`. */
export type Values = Record<string, unknown>;

/** How an option's text becomes a value: JSON flags take inline JSON or `@file.json`. */
export type OptionKind = "string" | "json" | "int" | "list" | "flag" | "boolean";

export interface OptionSpec {
  flags: string;
  description: string;
  kind: OptionKind;
  required?: boolean;
}

export interface ArgSpec {
  /** The key in {@link Values}. */
  key: string;
  /** Commander's syntax: `[uuid]`, `<base-url>`, `[uuids...]`. */
  syntax: string;
  description: string;
  /** Also accepted as `--<key> <value>`, as the seeds write `connector update --uuid <uuid>`; then required here rather than by commander. */
  alsoOption?: boolean;
}

/** What a command may use besides its values; the session is resolved only when a command needs the API. */
export interface CommandContext {
  api(): Promise<ApiClient>;
  session(): Promise<Session>;
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  /** Read only when a command is told to (`login --token-stdin`, a JSON flag's `@-`). */
  stdin: NodeJS.ReadableStream;
  /** Set by a command that printed its answer yet failed: 1 for a check that found errors, 2 for a waited-for run or batch that ended error or cancelled. */
  exitCode: number;
}

/**
 * One CLI command as data. Most are one API call (`request`), whose JSON answer is printed; the
 * others (`run`) compose calls, wait, stream or work locally, and return what to print.
 */
export interface CommandSpec {
  name: string;
  summary: string;
  examples: string[];
  args?: ArgSpec[];
  options?: OptionSpec[];
  request?: (values: Values) => ApiRequest;
  run?: (values: Values, context: CommandContext) => Promise<unknown>;
}

export interface GroupSpec {
  name: string;
  summary: string;
  examples: string[];
  groups?: GroupSpec[];
  commands?: CommandSpec[];
}

/** Short constructors for the tables, so each group reads as a list of flags. */
export const option = {
  string: (flags: string, description: string, required = false): OptionSpec => ({ flags, description, kind: "string", required }),
  json: (flags: string, description: string, required = false): OptionSpec => ({ flags, description: `${description} (inline JSON or @file.json)`, kind: "json", required }),
  int: (flags: string, description: string): OptionSpec => ({ flags, description, kind: "int" }),
  list: (flags: string, description: string): OptionSpec => ({ flags, description: `${description} (comma-separated)`, kind: "list" }),
  flag: (flags: string, description: string): OptionSpec => ({ flags, description, kind: "flag" }),
  /** `--is-enabled false`: a boolean body field that can be set either way (a switch could only say true). */
  boolean: (flags: string, description: string): OptionSpec => ({ flags, description: `${description} (true or false)`, kind: "boolean" }),
};

/** A resource's uuid as `get <uuid>` or `get --uuid <uuid>`. */
export const uuidArg = (what: string): ArgSpec => ({ key: "uuid", syntax: "[uuid]", description: `the ${what}'s uuid`, alsoOption: true });
/** A resource's slug as `get <slug>` or `get --slug <slug>`. */
export const slugArg = (what: string): ArgSpec => ({ key: "slug", syntax: "[slug]", description: `the ${what}'s slug`, alsoOption: true });

/** The entries of `values` named in `keys` that were given, for a body or a query. */
export function pick(values: Values, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}

/** A path segment from a value. */
export const segment = (value: unknown) => encodeURIComponent(String(value));

/** A call with the uuid positional as its last path segment, the commonest shape. */
export const byUuid =
  (method: ApiRequest["method"], base: string, suffix = "") =>
  (values: Values): ApiRequest => ({ method, path: `${base}/${segment(values.uuid)}${suffix}` });

/** Adds a group and everything under it to `parent`, each with its examples in `--help`. */
export function addGroup(parent: Command, group: GroupSpec, context: CommandContext): Command {
  const command = parent.command(group.name).description(group.summary);
  command.addHelpText("after", examplesText(group.examples));
  for (const child of group.groups ?? []) addGroup(command, child, context);
  for (const spec of group.commands ?? []) addCommand(command, spec, context);
  return command;
}

/** Adds one command: its arguments, options, examples and the action that runs it and prints the answer. */
export function addCommand(parent: Command, spec: CommandSpec, context: CommandContext): Command {
  const command = parent.command(spec.name).description(spec.summary);
  for (const arg of spec.args ?? []) {
    command.argument(arg.syntax, arg.description);
    if (arg.alsoOption) command.option(`--${kebab(arg.key)} <${kebab(arg.key)}>`, `${arg.description} (instead of the argument)`);
  }
  for (const entry of spec.options ?? []) {
    if (entry.required) command.requiredOption(entry.flags, entry.description);
    else command.option(entry.flags, entry.description);
  }
  command.addHelpText("after", examplesText(spec.examples));
  command.action(async (...received: unknown[]) => {
    const values = collectValues(spec, received.at(-1) as Command);
    const answer = spec.run ? await spec.run(values, context) : await (await context.api()).json(spec.request!(values));
    if (answer !== undefined) printJson(answer, context.stdout);
  });
  return command;
}

function collectValues(spec: CommandSpec, command: Command): Values {
  const values: Values = {};
  const given = command.opts();
  for (const entry of spec.options ?? []) {
    const key = attributeName(entry.flags);
    if (given[key] !== undefined) values[key] = convert(entry, given[key]);
  }
  (spec.args ?? []).forEach((arg, index) => {
    const positional = command.processedArgs[index] as unknown;
    const value = Array.isArray(positional) && positional.length === 0 ? undefined : positional;
    values[arg.key] = value ?? values[arg.key] ?? given[arg.key];
    if (arg.alsoOption && values[arg.key] === undefined) {
      throw new CliError(`Missing ${arg.description}: give it as an argument or with --${kebab(arg.key)}`);
    }
  });
  return values;
}

function convert(entry: OptionSpec, raw: unknown): unknown {
  const flag = longFlag(entry.flags);
  if (entry.kind === "json") return parseJsonArg(String(raw), flag);
  if (entry.kind === "list") return String(raw).split(",").map((item) => item.trim()).filter(Boolean);
  if (entry.kind === "boolean") {
    if (raw !== "true" && raw !== "false") throw new CliError(`${flag} must be true or false, not ${JSON.stringify(raw)}`);
    return raw === "true";
  }
  if (entry.kind === "int") {
    const number = Number(raw);
    if (!Number.isInteger(number)) throw new CliError(`${flag} must be a whole number, not ${JSON.stringify(raw)}`);
    return number;
  }
  return raw;
}

const longFlag = (flags: string) => flags.match(/--[a-z0-9-]+/)![0];
const attributeName = (flags: string) => longFlag(flags).slice(2).replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const examplesText = (examples: string[]) => `\n${examples.length > 1 ? "Examples" : "Example"}:\n${examples.map((line) => `  ${line}`).join("\n")}\n`;
