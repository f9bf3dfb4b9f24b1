import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseAnswer } from "./parse-answer";
import { expectIntegrationError } from "./testing/test-server";

describe("parseAnswer", () => {
  it("names the first problems in the message, each kept short though its path holds the server's keys", async () => {
    const huge = "k".repeat(100_000);
    const error = await expectIntegrationError((async () => parseAnswer(z.record(z.string(), z.number()), { [huge]: "x", a: "y", b: "z", c: "w" }, "The answer"))());
    expect(error.kind).toBe("badResponse");
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/^The answer does not follow the contract \(4 problems\): k{20}/);
    expect(error.message).toContain("; a: ");
    expect(error.message.endsWith("; …")).toBe(true);
    expect(error.message.length).toBeLessThan(1_200);
  });
});
