import { describe, expect, it } from "vitest";
import { chain, makeConnector, makeNative } from "@/lib/workflow/testing/factories";
import { slugProblem } from "./slug";

const start = makeNative("start", "start");
const create = makeConnector("create", "createRecord", { name: "Create contact" });
const end = makeNative("end", "end");
const end2 = makeNative("end_2", "end");
const nodes = chain(start, create, end);

describe("slugProblem", () => {
  it("accepts letters, digits and underscores not taken by another node", () => {
    expect(slugProblem("create_contact_2", create, nodes)).toBeNull();
    expect(slugProblem("create", create, nodes)).toBeNull();
  });

  it("rejects an empty slug and other characters", () => {
    expect(slugProblem("", create, nodes)).toBe("A slug is required");
    expect(slugProblem("send email", create, nodes)).toBe("Use letters, digits and _ only (no spaces)");
    expect(slugProblem("send-email", create, nodes)).toBe("Use letters, digits and _ only");
    expect(slugProblem("café", create, nodes)).toBe("Use letters, digits and _ only");
  });

  it("rejects a slug another node has, naming that node", () => {
    expect(slugProblem("create", end2, [...nodes, end2])).toBe('Another node (Create contact) already has the slug "create"');
  });

  it('keeps "start" and "end" for those nodes', () => {
    expect(slugProblem("start", create, nodes)).toBe('"start" is reserved for the start node');
    expect(slugProblem("end", create, nodes)).toBe('"end" is reserved for the end node');
    expect(slugProblem("end", end, nodes)).toBeNull();
    expect(slugProblem("start", start, nodes)).toBeNull();
    expect(slugProblem("begin", start, nodes)).toBe('The start node\'s slug is always "start"');
  });
});
