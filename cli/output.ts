/**
 * A failure the CLI reports as `{errorMessage, …}` on stderr with exit code 1. `body` is the
 * API's own error answer when there is one, so its `reason`, `problems` and `invalidNodes` reach
 * the user unchanged.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly body: Record<string, unknown> = { errorMessage: message },
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Every answer is pretty JSON so both people and `jq` can read it. */
export function printJson(value: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** What any thrown value looks like on stderr: an API error body, or `{errorMessage}`. */
export function errorBody(error: unknown): Record<string, unknown> {
  if (error instanceof CliError) return error.body;
  return { errorMessage: error instanceof Error ? error.message : String(error) };
}
