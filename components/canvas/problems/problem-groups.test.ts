import { describe, expect, it } from "vitest";
import type { InvalidNode } from "@/lib/contract";
import { makeConnector, makeNative } from "@/lib/workflow/testing/factories";
import { groupProblems, problemCountText } from "./problem-groups";

const create = makeConnector("create", "createRecord", { name: "Create contact" });
const end = makeNative("end", "end");
const orphan = makeNative("orphan", "delay");
const nodes = [create, end, orphan];
const finding = (node: { uuid: string; slug: string }, message: string, severity: "error" | "warning" = "error"): InvalidNode => ({
  node,
  reason: "configInvalid",
  severity,
  message,
});

describe("groupProblems", () => {
  it("groups by node, nodes with errors first, each group's errors before its warnings", () => {
    const summary = groupProblems(
      {
        outcome: "notValid",
        invalidNodes: [finding(create, "No connector"), finding(end, "Bad variables"), finding(create, "Required")],
        warnings: [finding(orphan, "Unreachable", "warning"), finding(create, "Old field", "warning")],
      },
      nodes,
    );
    expect(summary.groups.map((group) => [group.title, group.slug, group.findings.map((item) => item.message)])).toEqual([
      ["Create contact", "create", ["No connector", "Required", "Old field"]],
      ["end", "end", ["Bad variables"]],
      ["orphan", "orphan", ["Unreachable"]],
    ]);
    expect([summary.errors, summary.warnings]).toEqual([3, 2]);
  });

  it("lists graph-level findings (no node) under the workflow", () => {
    const summary = groupProblems({ outcome: "notValid", invalidNodes: [finding({ uuid: "", slug: "start" }, "No start node")], warnings: [] }, nodes);
    expect(summary.groups).toEqual([{ uuid: "", title: "Workflow", slug: null, findings: [expect.objectContaining({ message: "No start node" })] }]);
  });

  it("has no groups before the first validation or for a valid graph", () => {
    expect(groupProblems(null, nodes).groups).toEqual([]);
    expect(groupProblems({ outcome: "valid", warnings: [] }, nodes).groups).toEqual([]);
  });
});

describe("problemCountText", () => {
  it("counts errors and warnings", () => {
    expect(problemCountText({ errors: 2, warnings: 1 })).toBe("2 errors · 1 warning");
    expect(problemCountText({ errors: 1, warnings: 0 })).toBe("1 error");
    expect(problemCountText({ errors: 0, warnings: 0 })).toBe("No problems");
  });
});
