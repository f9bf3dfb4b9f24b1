import { describe, expect, it } from "vitest";
import { parseRetry, retryDraft, type RetryDraft } from "./retry-policy";

const draft = (overrides: Partial<RetryDraft>): RetryDraft => ({ maximumAttempts: "3", initialInterval: "1000", backoffCoefficient: "2", ...overrides });

describe("parseRetry", () => {
  it("reads a policy within the contract's ranges", () => {
    expect(parseRetry(draft({}))).toEqual({ policy: { maximumAttempts: 3, initialInterval: 1000, backoffCoefficient: 2 } });
    expect(parseRetry(draft({ maximumAttempts: "100", initialInterval: "0", backoffCoefficient: "1.5" }))).toEqual({
      policy: { maximumAttempts: 100, initialInterval: 0, backoffCoefficient: 1.5 },
    });
  });

  it.each([
    ["maximumAttempts", "0"],
    ["maximumAttempts", "101"],
    ["maximumAttempts", "2.5"],
    ["maximumAttempts", ""],
    ["initialInterval", "-1"],
    ["initialInterval", "0.5"],
    ["initialInterval", "soon"],
    ["backoffCoefficient", "0.9"],
    ["backoffCoefficient", ""],
  ] as const)("rejects %s = %j with a message for that input only", (key, text) => {
    const result = parseRetry(draft({ [key]: text }));
    expect("errors" in result && Object.keys(result.errors)).toEqual([key]);
  });

  it("round-trips a policy through the draft", () => {
    const policy = { maximumAttempts: 5, initialInterval: 250, backoffCoefficient: 3 };
    expect(parseRetry(retryDraft(policy))).toEqual({ policy });
  });
});
