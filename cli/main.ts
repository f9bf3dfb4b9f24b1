import { Command, CommanderError } from "commander";
import { ApiClient } from "./api-client";
import { addCommand, addGroup, type CommandContext } from "./command-table";
import { resolveSession, type Session } from "./config-store";
import { authCommands, groups } from "./groups";
import { errorBody, printJson } from "./output";
import { ENDED_BADLY_EXIT_CODE } from "./wait";

/** The process around a command, passed in so main() runs the same in a test as in bin/relay.mjs. */
export interface Io {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Default: process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** What `relay --version` prints: package.json's, read by bin/relay.mjs. */
  version?: string;
}

/**
 * Runs one `relay` command and answers its exit code. Every failure, commander's usage errors
 * included, ends as `{errorMessage, …}` on stderr with code 1, so scripts and agents read one shape;
 * a command whose answer is printed may still set 1 or 2 ({@link CommandContext.exitCode}).
 */
export async function main(io: Io): Promise<number> {
  const context = createContext(io);
  const program = createProgram(context, io.version ?? "unknown");
  if (io.argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(io.argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, `help <command>` and --version end with exit code 0; help shown for a missing command with 1.
      if (error.exitCode === 0) return 0;
      const message =
        error.code === "commander.help"
          ? `Missing a command: see ${["relay", ...commandPath(program, io.argv)].join(" ")} --help`
          : error.message.replace(/^error: /, "");
      printJson({ errorMessage: message }, io.stderr);
      return 1;
    }
    printJson(errorBody(error), io.stderr);
    return 1;
  }
}

function createProgram(context: CommandContext, version: string): Command {
  const program = new Command("relay")
    .description("Talk to a Relay over its API with an API token: connectors, workflows, runs, batches, records. Every answer is JSON.")
    .version(version, "-v, --version")
    .exitOverride()
    // Help goes to stdout; errors are printed once, as JSON, by main.
    .configureOutput({ writeOut: (text) => context.stdout.write(text), writeErr: () => {}, outputError: () => {} })
    .showSuggestionAfterError(true);
  program.addHelpText("after", "\nExamples:\n  relay login --token relay_… --base-url http://localhost:3000\n  relay connection connector list\n  relay orchestration run get <uuid>\n");
  program.addHelpText("after", `\nExit codes:\n  0  done\n  1  the command failed: {errorMessage} on stderr\n  ${ENDED_BADLY_EXIT_CODE}  --wait-until-finished: the run or batch ended error or cancelled (its JSON is on stdout)\n`);
  for (const spec of authCommands) addCommand(program, spec, context);
  for (const group of groups) addGroup(program, group, context);
  return program;
}

function createContext(io: Io): CommandContext {
  let session: Promise<Session> | undefined;
  return {
    env: io.env,
    stdout: io.stdout,
    stdin: io.stdin ?? process.stdin,
    exitCode: 0,
    session: () => (session ??= resolveSession(io.env)),
    async api() {
      return new ApiClient(await this.session());
    },
  };
}

/** The groups named on the command line, for "see relay connection connector --help". */
function commandPath(program: Command, argv: string[]): string[] {
  const path: string[] = [];
  let current = program;
  for (const word of argv) {
    const next = current.commands.find((command) => command.name() === word);
    if (!next) break;
    path.push(word);
    current = next;
  }
  return path;
}
