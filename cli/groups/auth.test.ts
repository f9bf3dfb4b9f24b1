import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeRelay, json, runCli, type FakeRelay } from "../testing/fake-relay";

let relay: FakeRelay;
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "relay-cli-login-"));
  relay = await fakeRelay({
    "GET /whoami": (response, _calls, request) =>
      request.headers.authorization === "Bearer relay_piped" ? json(response, 200, { role: "owner" }) : json(response, 401, { errorMessage: "Unknown API token" }),
  });
});
afterEach(async () => {
  relay.close();
  await rm(folder, { recursive: true, force: true });
});

const login = (stdin: string[], ...flags: string[]) => runCli(["login", "--base-url", relay.baseUrl, ...flags], { RELAY_CONFIG_DIR: folder }, Readable.from(stdin));

describe("login --token-stdin", () => {
  it("reads the token from stdin, without its trailing newline, and stores it", async () => {
    const result = await login(["relay_pi", "ped\n"], "--token-stdin");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("relay_piped");
    expect(JSON.parse(await readFile(join(folder, "config.json"), "utf8"))).toEqual({ baseUrl: relay.baseUrl, token: "relay_piped" });
  });

  it("refuses an empty stdin, and a token given both ways", async () => {
    expect(JSON.parse((await login([], "--token-stdin")).stderr).errorMessage).toMatch(/^--token-stdin: stdin was empty/);
    const both = await login(["relay_piped"], "--token-stdin", "--token", "relay_other");
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stderr).errorMessage).toBe("Give the token with --token or --token-stdin, not both");
    expect(relay.requests).toEqual([]);
  });
});
