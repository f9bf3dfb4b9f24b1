import { describe, expect, it } from "vitest";
import type { ValidateNodesResponseBody } from "@/lib/contract";
import { nodeFindingsKey, parseFindingsKey } from "./node-findings";

const finding = (uuid: string, message: string, severity: "error" | "warning" = "error", path?: string) => ({
  node: { uuid, slug: uuid },
  reason: "configInvalid" as const,
  severity,
  message,
  ...(path && { path }),
});

describe("nodeFindingsKey", () => {
  const validation: ValidateNodesResponseBody = {
    outcome: "notValid",
    invalidNodes: [finding("a", "Condition is required"), finding("a", "Unknown node nodes.x"), finding("b", "Slug is taken")],
    warnings: [finding("c", "Never reached", "warning")],
  };

  it("groups each node's errors and warnings", () => {
    expect(parseFindingsKey(nodeFindingsKey(validation, "a"))).toEqual({ errors: ["Condition is required", "Unknown node nodes.x"], warnings: [] });
    expect(parseFindingsKey(nodeFindingsKey(validation, "c"))).toEqual({ errors: [], warnings: ["Never reached"] });
    expect(parseFindingsKey(nodeFindingsKey(validation, "zzz"))).toEqual({ errors: [], warnings: [] });
    expect(nodeFindingsKey(null, "a")).toBe("");
  });

  it("names the field a finding is about, unless its message already does", () => {
    const withPaths: ValidateNodesResponseBody = {
      outcome: "notValid",
      invalidNodes: [finding("a", "Required", "error", "fields.email"), finding("a", "No node named zzz (nodes.zzz)", "error", "condition")],
      warnings: [finding("a", "Unknown field nodes.start.x in condition", "warning", "condition")],
    };
    expect(parseFindingsKey(nodeFindingsKey(withPaths, "a"))).toEqual({
      errors: ["fields.email: Required", "condition: No node named zzz (nodes.zzz)"],
      warnings: ["Unknown field nodes.start.x in condition"],
    });
  });

  it("gives equal strings for equal findings across validations, so selectors do not re-render", () => {
    const again: ValidateNodesResponseBody = { ...validation, invalidNodes: [...validation.invalidNodes] };
    expect(nodeFindingsKey(again, "a")).toBe(nodeFindingsKey(validation, "a"));
    expect(nodeFindingsKey({ outcome: "valid", warnings: [] }, "a")).toBe("");
  });
});
