import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatProblemPath, toProblems } from "./problems";

describe("formatProblemPath", () => {
  it.each([
    [[], "(root)"],
    [["color"], "color"],
    [["actions", "createRecord", "config", "jsonSchema"], "actions.createRecord.config.jsonSchema"],
    [["results", 1, "label"], "results[1].label"],
    [[0, "email"], "[0].email"],
    [["actions", "create-record", "name"], 'actions["create-record"].name'],
    [["uiSchema", "ui:widget"], 'uiSchema["ui:widget"]'],
  ] as Array<[PropertyKey[], string]>)("%j → %s", (path, expected) => {
    expect(formatProblemPath(path)).toBe(expected);
  });
});

describe("toProblems", () => {
  const Schema = z.object({
    name: z.string(),
    tags: z.array(z.object({ label: z.string() })),
    value: z.union([z.string(), z.number()]),
  });

  it("reports every issue with its path and message", () => {
    const result = Schema.safeParse({ tags: [{ label: "ok" }, {}], value: "x" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error)).toEqual([
      { path: "name", message: "Required: expected string" },
      { path: "tags[1].label", message: "Required: expected string" },
    ]);
  });

  it("keeps zod's message for a value of the wrong type", () => {
    const result = Schema.safeParse({ name: 7, tags: [], value: "x" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error)).toEqual([
      { path: "name", message: "Invalid input: expected string, received number" },
    ]);
  });

  it("names the accepted types of a plain union", () => {
    const result = Schema.safeParse({ name: "n", tags: [], value: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error)).toEqual([
      { path: "value", message: "Invalid input: expected string | number" },
    ]);
  });

  it("reports a wrong root as (root)", () => {
    const result = Schema.safeParse("nope");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error).map((problem) => problem.path)).toEqual(["(root)"]);
  });
});
