import { describe, expect, it } from "vitest";
import type { InvalidNode, ValidateNodesResponseBody } from "@/lib/contract";
import { configErrors, nodeFindings } from "./node-findings";

const finding = (overrides: Partial<InvalidNode>): InvalidNode => ({
  node: { uuid: "a", slug: "a" },
  reason: "configInvalid",
  severity: "error",
  message: "Required",
  ...overrides,
});

describe("nodeFindings", () => {
  it("lists one node's errors, then its warnings", () => {
    const unreachable = finding({ reason: "nodeUnreachable", severity: "warning", message: "unreachable" });
    const validation: ValidateNodesResponseBody = {
      outcome: "notValid",
      invalidNodes: [finding({ path: "objectType" }), finding({ node: { uuid: "b", slug: "b" } })],
      warnings: [unreachable],
    };
    expect(nodeFindings(validation, "a").map((item) => item.message)).toEqual(["Required", "unreachable"]);
    expect(nodeFindings(null, "a")).toEqual([]);
  });
});

describe("configErrors", () => {
  const properties = { objectType: {}, fields: {}, routes: {} };

  it("puts findings with a field path under that field, nested and list paths included", () => {
    const { errorSchema, unplaced } = configErrors(
      [finding({ path: "objectType" }), finding({ path: "fields.email", message: "must be text" }), finding({ path: "routes.0.name" })],
      properties,
    );
    expect(errorSchema).toEqual({
      objectType: { __errors: ["Required"] },
      fields: { email: { __errors: ["must be text"] } },
      routes: { 0: { name: { __errors: ["Required"] } } },
    });
    expect(unplaced).toEqual([]);
  });

  it("keeps findings without a field of the form apart", () => {
    const connector = finding({ reason: "connectorNotFound", message: "No connector chosen" });
    const unknownField = finding({ path: "extra", message: "Unknown field" });
    expect(configErrors([connector, unknownField], properties).unplaced).toEqual([connector, unknownField]);
  });

  it("leaves expression findings on a field to its expression editor", () => {
    const { errorSchema, unplaced } = configErrors([finding({ reason: "expressionReferenceInvalid", path: "fields.email", message: "not upstream" })], properties);
    expect(errorSchema).toEqual({});
    expect(unplaced).toEqual([]);
  });
});
