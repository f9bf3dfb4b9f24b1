import { describe, expect, it, vi } from "vitest";
import { AppError, errorToResponse, isAppError, MAX_ECHOED_CHARS } from "./errors";

describe("errorToResponse", () => {
  it.each([
    ["bad_request:input", 400],
    ["not_found:connector", 404],
    ["conflict:workflow", 409],
    ["unprocessable:manifest", 422],
    ["bad_gateway:integration", 502],
    ["unavailable:integration", 503],
    ["gateway_timeout:integration", 504],
  ] as const)("maps %s to HTTP %i with the message", async (code, status) => {
    const response = errorToResponse(new AppError(code, "Readable message"));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ errorMessage: "Readable message" });
  });

  it("carries reason and problems when present", async () => {
    const problems = [{ path: "actions.x.name", message: "Required" }];
    const response = errorToResponse(new AppError("unprocessable:manifest", "Invalid", { reason: "invalidManifest", problems }));
    expect(await response.json()).toEqual({ errorMessage: "Invalid", reason: "invalidManifest", problems });
  });

  it("leaves the middle out of a long message, keeping its start and the advice at its end, never splitting a character", async () => {
    const quoted = `${"a".repeat(690)}😀${"b".repeat(5_000)}`;
    const body = await errorToResponse(new AppError("conflict:segment", `Segment "${quoted}" is used by plays: remove it or pick another segment first`)).json();
    const message = body.errorMessage as string;
    expect(message.length).toBeLessThan(MAX_ECHOED_CHARS + 60);
    expect(message.startsWith('Segment "aaa')).toBe(true);
    expect(message.endsWith("remove it or pick another segment first")).toBe(true);
    expect(message).toMatch(/… \(\d+ characters left out\) …/);
    // A lone half of a surrogate pair would be invalid UTF-16.
    expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("counts the problems past the first 100, and passes details on whole (a 409's workflow is loaded by the editor as it is)", async () => {
    const problems = Array.from({ length: 250 }, (_, index) => ({ path: `uuids[${index}]`, message: "Invalid UUID" }));
    const workflow = { uuid: "w", nodes: [{ slug: "ask", config: { prompt: "x".repeat(50_000) } }] };
    const body = await errorToResponse(new AppError("conflict:workflow_stale", "Stale", { problems, details: { workflow } })).json();
    expect(body.problems).toHaveLength(100);
    expect(body.problemsLeftOff).toBe(150);
    expect(body.workflow).toEqual(workflow);
  });

  it("hides the internals of an unexpected error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorToResponse(new Error("SQLITE_CORRUPT at /secret/path"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("/secret/path");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("AppError across module copies", () => {
  it("an error thrown by another copy of the module is recognised and maps to its status", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.AppError).not.toBe(AppError);
    const foreign = new other.AppError("not_found:workflow", "Gone");
    expect(foreign instanceof AppError).toBe(true);
    expect(isAppError(foreign)).toBe(true);
    const response = errorToResponse(foreign);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errorMessage: "Gone" });
  });

  it("is not fooled by a plain Error, and a subclass keeps the ordinary check", () => {
    class Narrower extends AppError {}
    expect(new Error("x") instanceof AppError).toBe(false);
    expect(isAppError({ code: "not_found:workflow" })).toBe(false);
    expect(new AppError("conflict", "x") instanceof Narrower).toBe(false);
    expect(new Narrower("conflict", "x") instanceof AppError).toBe(true);
  });
});
