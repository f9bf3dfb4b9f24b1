import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { writeFileAtomically } from "./atomic-file";
import { CliError } from "./output";

/** What `relay login` keeps: where the Relay is and the API token to send it. */
export interface StoredLogin {
  baseUrl: string;
  token: string;
}

/** The Relay a command talks to, and where that came from (for `whoami` and error messages). */
export interface Session extends StoredLogin {
  source: "env" | "config" | "env+config";
}

type Env = Record<string, string | undefined>;

/** Where `relay login` points when neither `--base-url` nor `RELAY_BASE_URL` says: `npm start`'s default. */
export const DEFAULT_BASE_URL = "http://localhost:3000";

/** `$RELAY_CONFIG_DIR`, else `$XDG_CONFIG_HOME/relay`, else `~/.config/relay`. */
export function configDir(env: Env = process.env): string {
  if (env.RELAY_CONFIG_DIR) return env.RELAY_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "relay");
}

/** The file holding the token: `config.json` in {@link configDir}. */
export function configPath(env: Env = process.env): string {
  return join(configDir(env), "config.json");
}

/** The stored login, or null when there is none (a broken file is an error, not "logged out"). */
export async function readLogin(env: Env = process.env): Promise<StoredLogin | null> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return null;
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<StoredLogin>;
    if (typeof parsed.baseUrl === "string" && typeof parsed.token === "string") return { baseUrl: parsed.baseUrl, token: parsed.token };
  } catch {
    // Reported below, with the way out.
  }
  throw new CliError(`${path} is not a Relay login; run relay logout, then relay login again`);
}

/**
 * Stores the login with the token readable by its owner only. The folder is created 0700, or
 * tightened to 0700 if it is the user's and open to others (refused if it is someone else's):
 * in a folder others can write, they could swap files under the CLI. The file is written 0600
 * under a fresh random name, created exclusively, and renamed, so no moment exists where another
 * user could read it and a crash never leaves half a file.
 */
export async function writeLogin(login: StoredLogin, env: Env = process.env): Promise<string> {
  const dir = configDir(env);
  const path = configPath(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await ensurePrivateFolder(dir);
  await writeFileAtomically(path, `${JSON.stringify(login, null, 2)}\n`, 0o600);
  return path;
}

/**
 * Makes `dir` 0700 if it is the user's. Refuses a folder others can open that is someone else's,
 * or shared on purpose (sticky, like /tmp): closing it would break it for everyone.
 */
async function ensurePrivateFolder(dir: string): Promise<void> {
  const folder = await stat(dir);
  if ((folder.mode & 0o077) === 0) return;
  const uid = process.getuid?.();
  const mode = (folder.mode & 0o7777).toString(8);
  if ((uid !== undefined && folder.uid !== uid) || folder.mode & 0o1000) {
    throw new CliError(`${dir} is open to other users (mode ${mode}, owner uid ${folder.uid}) and not a folder of yours to close: set RELAY_CONFIG_DIR to a folder of your own`);
  }
  await chmod(dir, 0o700);
}

/** Forgets the stored login; true when there was one. */
export async function removeLogin(env: Env = process.env): Promise<boolean> {
  const path = configPath(env);
  const existed = (await readLogin(env).catch(() => "broken")) !== null;
  await rm(path, { force: true });
  return existed;
}

/**
 * The Relay and token a command uses: `RELAY_TOKEN` and `RELAY_BASE_URL` each win over the stored
 * login, so CI can run the CLI without `relay login` and without writing a file.
 */
export async function resolveSession(env: Env = process.env): Promise<Session> {
  const stored = env.RELAY_TOKEN && env.RELAY_BASE_URL ? null : await readLogin(env);
  const token = env.RELAY_TOKEN || stored?.token;
  if (!token) throw new CliError("Not logged in: run relay login --token <token> --base-url <url>, or set RELAY_TOKEN");
  const baseUrl = env.RELAY_BASE_URL || stored?.baseUrl || DEFAULT_BASE_URL;
  const fromEnv = Boolean(env.RELAY_TOKEN || env.RELAY_BASE_URL);
  return { baseUrl: normalizeBaseUrl(baseUrl), token, source: !stored ? "env" : fromEnv ? "env+config" : "config" };
}

/**
 * The app's origin without a trailing slash or `/api/v1`, whichever way it was typed, since the
 * client adds `/api/v1` itself.
 */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`Base URL ${JSON.stringify(value)} is not a URL (e.g. http://localhost:3000)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliError(`Base URL must be http(s): ${value}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/api\/v1$/, "")}`;
}
