import { afterEach, describe, expect, it } from "vitest";
import { fakeRelay, json, runCli, type FakeRelay, type Handler } from "./testing/fake-relay";

const run = (status: string) => ({ run: { uuid: "r1", status } });
const batch = (status: string, failedRunsCount = 0) => ({ batch: { uuid: "b1", status, runsCount: 2, failedRunsCount } });

let relay: FakeRelay | undefined;
afterEach(() => relay?.close());

async function cli(routes: Record<string, Handler>, ...argv: string[]) {
  relay = await fakeRelay(routes);
  return runCli(argv, { RELAY_TOKEN: "relay_test", RELAY_BASE_URL: relay.baseUrl });
}

describe("exit codes with --wait-until-finished", () => {
  it("is 2 for a run that ended in error, with the run still printed on stdout", async () => {
    const result = await cli({ "POST /orchestration/runs": (response) => json(response, 200, run("error")) }, "orchestration", "run", "create", "--workflow-uuid", "w1", "--wait-until-finished");
    expect(result).toEqual({ code: 2, stdout: `${JSON.stringify(run("error"), null, 2)}\n`, stderr: "" });
    expect(relay!.requests).toEqual(["POST /orchestration/runs?waitUntilFinished=true"]);
  });

  it("is 2 for a run that was cancelled while polled, and 0 for one that succeeded", async () => {
    const cancelled = await cli(
      { "POST /orchestration/tools/t1/run": (response) => json(response, 200, run("running")), "GET /orchestration/runs/r1": (response) => json(response, 200, run("cancelled")) },
      ...["orchestration", "tool", "run", "t1", "--wait-until-finished", "--polling-interval", "100"],
    );
    expect(cancelled.code).toBe(2);
    expect(JSON.parse(cancelled.stdout)).toEqual(run("cancelled"));
    relay!.close();
    const done = await cli({ "POST /orchestration/actions/execute": (response) => json(response, 200, run("success")) }, "orchestration", "action", "execute", "--action", "{}", "--wait-until-finished");
    expect(done.code).toBe(0);
  });

  it("is 0 without --wait-until-finished, whatever the run's status: it was started, as asked", async () => {
    const result = await cli({ "POST /orchestration/runs": (response) => json(response, 200, run("error")) }, "orchestration", "run", "create", "--workflow-uuid", "w1");
    expect(result.code).toBe(0);
  });

  it("follows the batch's own status: 0 for success even with failed runs, 2 for error or cancelled", async () => {
    const routes = (ended: object): Record<string, Handler> => ({
      "POST /orchestration/batches": (response) => json(response, 200, batch("pending")),
      "GET /orchestration/batches/b1": (response, calls) => json(response, 200, calls < 2 ? batch("running") : ended),
    });
    const args = ["orchestration", "batch", "create", "--workflow-uuid", "w1", "--data", '{"kind":"records","records":[]}', "--wait-until-finished", "--polling-interval", "100"];
    const partly = await cli(routes(batch("success", 1)), ...args);
    expect(partly.code).toBe(0);
    expect(JSON.parse(partly.stdout)).toEqual(batch("success", 1));
    relay!.close();
    const failed = await cli(routes(batch("cancelled")), ...args);
    expect(failed.code).toBe(2);
    expect(JSON.parse(failed.stdout)).toEqual(batch("cancelled"));
  });

  it("keeps polling through 503s (a redeploy) and ends with the batch", async () => {
    const result = await cli(
      {
        "POST /orchestration/actions/executeBatch": (response) => json(response, 200, batch("pending")),
        "GET /orchestration/batches/b1": (response, calls) => (calls < 3 ? json(response, 503, { errorMessage: "Service restarting" }) : json(response, 200, batch("error"))),
      },
      ...["orchestration", "action", "execute-batch", "--action", "{}", "--records", "[]", "--wait-until-finished", "--polling-interval", "100"],
    );
    expect(result).toMatchObject({ code: 2, stderr: "" });
    expect(relay!.requests.filter((line) => line.startsWith("GET"))).toHaveLength(3);
  });

  it("is 1 with {errorMessage} on stderr when the command itself fails", async () => {
    const result = await cli({}, "orchestration", "run", "create", "--workflow-uuid", "w1", "--wait-until-finished");
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(JSON.parse(result.stderr)).toMatchObject({ errorMessage: "No route POST /orchestration/runs", status: 404 });
  });
});
