import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configDir, configPath, normalizeBaseUrl, readLogin, removeLogin, resolveSession, writeLogin } from "./config-store";

let root: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "relay-cli-config-"));
  env = { RELAY_CONFIG_DIR: join(root, "nested", "relay") };
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("config folder", () => {
  it("is $RELAY_CONFIG_DIR, else $XDG_CONFIG_HOME/relay, else ~/.config/relay", () => {
    expect(configDir({ RELAY_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/b" })).toBe("/a");
    expect(configDir({ XDG_CONFIG_HOME: "/b" })).toBe("/b/relay");
    expect(configDir({})).toMatch(/\/\.config\/relay$/);
  });
});

describe("writeLogin", () => {
  it("creates the folder 0700 and the file 0600, readable back", async () => {
    const path = await writeLogin({ baseUrl: "http://localhost:3000", token: "relay_secret" }, env);
    expect(path).toBe(configPath(env));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(configDir(env))).mode & 0o777).toBe(0o700);
    expect(await readLogin(env)).toEqual({ baseUrl: "http://localhost:3000", token: "relay_secret" });
  });

  it("tightens a file that was readable by others", async () => {
    await writeLogin({ baseUrl: "http://a", token: "one" }, env);
    await writeFile(configPath(env), "{}", { mode: 0o644 });
    await writeLogin({ baseUrl: "http://b", token: "two" }, env);
    expect((await stat(configPath(env))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(configPath(env), "utf8"))).toEqual({ baseUrl: "http://b", token: "two" });
  });
});

describe("writeLogin in a folder others could reach", () => {
  it("closes an existing folder of the user's that is open to others to 0700", async () => {
    await mkdir(configDir(env), { recursive: true });
    await chmod(configDir(env), 0o775);
    await writeLogin({ baseUrl: "http://a", token: "t" }, env);
    expect((await stat(configDir(env))).mode & 0o777).toBe(0o700);
    expect(await readdir(configDir(env))).toEqual(["config.json"]);
  });

  it("never writes the token through a file or symlink planted at a temporary name", async () => {
    await mkdir(configDir(env), { recursive: true, mode: 0o777 });
    const victim = join(root, "victim");
    await writeFile(victim, "");
    // The name the CLI used to write to: config.json.<pid>.tmp.
    await symlink(victim, `${configPath(env)}.${process.pid}.tmp`);
    await writeLogin({ baseUrl: "http://a", token: "relay_secret" }, env);
    expect(await readFile(victim, "utf8")).toBe("");
    expect((await stat(victim)).mode & 0o777).not.toBe(0o600);
    expect(await readLogin(env)).toEqual({ baseUrl: "http://a", token: "relay_secret" });
  });

  it("refuses a shared folder (sticky, like /tmp) rather than closing it for everyone", async () => {
    await mkdir(configDir(env), { recursive: true });
    await chmod(configDir(env), 0o1777);
    await expect(writeLogin({ baseUrl: "http://a", token: "t" }, env)).rejects.toThrow(/is open to other users \(mode 1777, owner uid \d+\) and not a folder of yours to close/);
    expect(await readdir(configDir(env))).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)("refuses a folder of another user that is open to others", async () => {
    await mkdir(configDir(env), { recursive: true });
    await chmod(configDir(env), 0o775);
    await chown(configDir(env), 65534, 65534);
    await expect(writeLogin({ baseUrl: "http://a", token: "t" }, env)).rejects.toThrow(/mode 775, owner uid 65534\) and not a folder of yours/);
    expect((await stat(configDir(env))).mode & 0o777).toBe(0o775);
  });
});

describe("removeLogin and readLogin", () => {
  it("says whether there was a login", async () => {
    expect(await removeLogin(env)).toBe(false);
    await writeLogin({ baseUrl: "http://a", token: "t" }, env);
    expect(await removeLogin(env)).toBe(true);
    expect(await readLogin(env)).toBeNull();
  });

  it("refuses a file that is not a login rather than treating it as logged out", async () => {
    await writeLogin({ baseUrl: "http://a", token: "t" }, env);
    await writeFile(configPath(env), "not json");
    await expect(readLogin(env)).rejects.toThrow(/is not a Relay login/);
  });
});

describe("resolveSession", () => {
  it("asks to log in when there is neither a file nor RELAY_TOKEN", async () => {
    await expect(resolveSession(env)).rejects.toThrow(/^Not logged in/);
  });

  it("lets RELAY_TOKEN and RELAY_BASE_URL each win over the file", async () => {
    await writeLogin({ baseUrl: "http://stored:3000", token: "stored" }, env);
    expect(await resolveSession(env)).toEqual({ baseUrl: "http://stored:3000", token: "stored", source: "config" });
    expect(await resolveSession({ ...env, RELAY_TOKEN: "from-env" })).toMatchObject({ baseUrl: "http://stored:3000", token: "from-env", source: "env+config" });
    expect(await resolveSession({ ...env, RELAY_TOKEN: "t", RELAY_BASE_URL: "https://relay.example.com/" })).toEqual({
      baseUrl: "https://relay.example.com",
      token: "t",
      source: "env",
    });
  });
});

describe("normalizeBaseUrl", () => {
  it("drops trailing slashes and /api/v1, and refuses what is not http(s)", () => {
    expect(normalizeBaseUrl("http://localhost:3000/")).toBe("http://localhost:3000");
    expect(normalizeBaseUrl("https://example.com/relay/api/v1/")).toBe("https://example.com/relay");
    expect(() => normalizeBaseUrl("localhost:3000")).toThrow(/must be http\(s\)|is not a URL/);
    expect(() => normalizeBaseUrl("not a url")).toThrow(/is not a URL/);
  });
});
