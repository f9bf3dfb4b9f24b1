import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { WhoamiResponseBody } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { E2E_DEMO_URL } from "../ports";
import { APP, createToken } from "../support/accounts";
import { uniqueName } from "../runs/support";
import { RelayCli } from "./relay-cli";

/** A loopback port nothing listens on: a Relay that is down. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe("relay CLI: login, help and the local check", () => {
  // Each command is a process of its own (about half a second).
  test.describe.configure({ timeout: 120_000 });
  test.afterAll(() => RelayCli.removeFolders());

  test("login checks and stores the token 0600 in a folder closed to 0700, without printing it; whoami, env overrides and logout", async ({ request }) => {
    const cli = await RelayCli.create();
    const { token, uuid } = await createToken(request, uniqueName("cli login"));

    expect((await cli.fails("whoami")).errorMessage).toMatch(/^Not logged in/);
    expect((await cli.fails("login", "--token", "relay_not-a-real-token", "--base-url", APP)).status).toBe(401);
    await expect(stat(cli.configDir)).rejects.toThrow(/ENOENT/);

    // A config folder others can read, as `mkdir` with the usual umask makes it: login closes it.
    await mkdir(cli.configDir);
    await chmod(cli.configDir, 0o755);
    // From stdin, as a password manager pipes it: the token shows in neither `ps` nor the history.
    const login = await cli.withStdin(`${token}\n`).run("login", "--token-stdin", "--base-url", `${APP}/api/v1/`);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).not.toContain(token);
    expect(JSON.parse(login.stdout)).toMatchObject({ loggedIn: true, baseUrl: APP, role: "owner", apiToken: { uuid } });
    const file = path.join(cli.configDir, "config.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(cli.configDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ baseUrl: APP, token });

    const owner = WhoamiResponseBody.parse(await (await request.get("/api/v1/whoami")).json());
    const whoami = await cli.json("whoami");
    expect(whoami).toMatchObject({ baseUrl: APP, workspace: owner.workspace, role: "owner", apiToken: { uuid } });
    expect(JSON.stringify(whoami)).not.toContain(token);

    // RELAY_BASE_URL wins over the file: a Relay that is down is a clear error, not a stack trace.
    const port = await deadPort();
    expect((await cli.with({ RELAY_BASE_URL: `http://127.0.0.1:${port}` }).fails("whoami")).errorMessage).toBe(
      `Could not reach Relay at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    // CI needs no file at all.
    const ci = (await RelayCli.create()).with({ RELAY_TOKEN: token, RELAY_BASE_URL: APP });
    expect(await ci.json("whoami")).toMatchObject({ workspace: owner.workspace, apiToken: { uuid } });

    expect(await cli.json("logout")).toEqual({ loggedOut: true, configPath: file });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    expect((await cli.fails("orchestration", "workflow", "list")).errorMessage).toMatch(/^Not logged in/);
  });

  test("help shows examples and exit codes; usage errors and bad JSON flags are {errorMessage} with exit code 1", async () => {
    const cli = await RelayCli.create();
    for (const args of [["--help"], ["help", "orchestration"], ["login", "--help"], ["orchestration", "run", "create", "--help"]]) {
      const help = await cli.run(...args);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/Examples?:\n {2}relay /);
      if (args[0] === "--help") expect(help.stdout).toMatch(/Exit codes:\n(.*\n){2} {2}2 {2}--wait-until-finished: the run or batch ended error or cancelled/);
      if (args[0] === "login") expect(help.stdout).toContain("--token-stdin");
      if (args[2] === "create") expect(help.stdout.replace(/\s+/g, " ")).toMatch(/--wait-until-finished wait until .* exit code 2 if error or cancelled/);
    }

    expect((await cli.fails("orchestration", "run", "get", "--bogus")).errorMessage).toBe("unknown option '--bogus'");
    expect((await cli.fails("orchestration", "runs")).errorMessage).toMatch(/^unknown command 'runs'/);
    expect((await cli.fails("orchestration", "run")).errorMessage).toBe("Missing a command: see relay orchestration run --help");
    expect((await cli.fails("connection", "connector", "exists-by-slug")).errorMessage).toBe("required option '--slug <slug>' not specified");
    // JSON flags are read before anything is sent, so these need no login.
    expect((await cli.fails("orchestration", "node", "validate", "--nodes", "[{nope")).errorMessage).toMatch(/^--nodes is not valid JSON/);
    expect((await cli.fails("orchestration", "node", "validate", "--nodes", "@/nonexistent/nodes.json")).errorMessage).toBe(
      "--nodes: cannot read /nonexistent/nodes.json (no such file)",
    );
  });

  test("custom-integration check runs locally against the demo server, with no login", async () => {
    const cli = await RelayCli.create();
    const json = await cli.run("connection", "custom-integration", "check", E2E_DEMO_URL, "--config", '{"apiKey":"demo-api-key","region":"eu"}', "--json");
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ baseUrl: E2E_DEMO_URL, layout: "seed", probed: true, summary: { errors: 0 } });
    expect(report.findings.filter((finding: { severity: string }) => finding.severity === "error")).toEqual([]);

    const text = await cli.run("connection", "custom-integration", "check", E2E_DEMO_URL);
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect(text.stdout.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text.stdout)).toThrow();

    // A server that is not there has errors: the report still prints, and the exit code says so.
    const down = await cli.run("connection", "custom-integration", "check", `http://127.0.0.1:${await deadPort()}`, "--json");
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout).summary.errors).toBeGreaterThan(0);
  });
});
