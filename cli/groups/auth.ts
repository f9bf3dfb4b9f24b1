import type { WhoamiResponseBody } from "@/lib/contract";
import { ApiClient } from "../api-client";
import { option, type CommandSpec } from "../command-table";
import { configPath, DEFAULT_BASE_URL, normalizeBaseUrl, removeLogin, writeLogin } from "../config-store";
import { CliError } from "../output";

const WHOAMI = { method: "GET", path: "/whoami" } as const;

/** `relay login`, `logout`, `whoami`: the only commands at the top level, as in cargo-ai. */
export const authCommands: CommandSpec[] = [
  {
    name: "login",
    summary: "Check an API token against a Relay, then store both in the config folder (the file is readable by you only)",
    examples: ["relay login --token relay_… --base-url http://localhost:3000", "pass show relay | relay login --token-stdin --base-url https://relay.example.com"],
    options: [
      option.string("--token <token>", "an API token from Settings → API tokens (default: $RELAY_TOKEN)"),
      option.flag("--token-stdin", "read the token from stdin, so it shows in neither ps nor the shell's history"),
      option.string("--base-url <url>", `the Relay's address (default: $RELAY_BASE_URL, else ${DEFAULT_BASE_URL})`),
    ],
    async run(values, { env, stdin }) {
      if (values.tokenStdin && values.token) throw new CliError("Give the token with --token or --token-stdin, not both");
      const token = values.tokenStdin ? await readToken(stdin) : ((values.token as string | undefined) ?? env.RELAY_TOKEN);
      if (!token) throw new CliError("Give the API token: relay login --token-stdin, or --token <token> (Settings → API tokens creates one)");
      const baseUrl = normalizeBaseUrl((values.baseUrl as string | undefined) ?? env.RELAY_BASE_URL ?? DEFAULT_BASE_URL);
      // Verified before it is stored, so a typo never leaves a login that fails on every command.
      const identity = await new ApiClient({ baseUrl, token }).json<WhoamiResponseBody>(WHOAMI);
      const path = await writeLogin({ baseUrl, token }, env);
      return { loggedIn: true, baseUrl, configPath: path, workspace: identity.workspace, role: identity.role, apiToken: identity.apiToken };
    },
  },
  {
    name: "logout",
    summary: "Forget the stored login (the token stays valid: revoke it in Settings → API tokens)",
    examples: ["relay logout"],
    async run(_values, { env }) {
      return { loggedOut: await removeLogin(env), configPath: configPath(env) };
    },
  },
  {
    name: "whoami",
    summary: "The workspace, role and API token the CLI acts with",
    examples: ["relay whoami", "RELAY_TOKEN=relay_… RELAY_BASE_URL=https://relay.example.com relay whoami"],
    async run(_values, context) {
      const api = await context.api();
      return { baseUrl: api.session.baseUrl, ...(await api.json<WhoamiResponseBody>(WHOAMI)) };
    },
  },
];

/** The token piped in: `echo` and password managers end it with a newline, which is no part of it. */
async function readToken(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stdin) text += String(chunk);
  const token = text.trim();
  if (!token) throw new CliError("--token-stdin: stdin was empty; pipe the token in (e.g. pass show relay | relay login --token-stdin)");
  return token;
}
