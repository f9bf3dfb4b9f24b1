import { describe, expect, it } from "vitest";
import type { FormField, WorkflowNode } from "@/lib/contract";
import { diffGraphs, graphDiffers } from "./release-diff";
import { chain, makeNative } from "./testing/factories";

const deployed: WorkflowNode[] = chain(makeNative("start", "start"), makeNative("wait", "delay", { config: { minutes: 5 } }), makeNative("end", "end"));
const form: FormField[] = [{ slug: "email", name: "Email", kind: "string", isRequired: true }];

const edit = (slug: string, change: (node: WorkflowNode) => WorkflowNode) => deployed.map((node) => (node.slug === slug ? change(node) : node));

describe("diffGraphs", () => {
  it("finds no difference between a graph and itself", () => {
    const diff = diffGraphs(deployed, form, structuredClone(deployed), structuredClone(form));
    expect(diff).toEqual({ added: [], removed: [], changed: [], formChanged: false });
    expect(graphDiffers(diff)).toBe(false);
  });

  it("ignores a node moved on the canvas", () => {
    const moved = edit("wait", (node) => ({ ...node, position: { x: node.position.x + 300, y: node.position.y - 40 } }));
    expect(graphDiffers(diffGraphs(deployed, form, moved, form))).toBe(false);
  });

  it("names the fields of a changed node, position aside", () => {
    const draft = edit("wait", (node) => ({ ...node, config: { minutes: 10 }, retry: { maximumAttempts: 3, initialInterval: 100, backoffCoefficient: 2 }, position: { x: 9, y: 9 } }));
    const diff = diffGraphs(deployed, form, draft, form);
    expect(diff.changed.map((change) => [change.after.slug, change.fields])).toEqual([["wait", ["config", "retry"]]]);
    expect(diff.changed[0]!.before.config).toEqual({ minutes: 5 });
    expect(graphDiffers(diff)).toBe(true);
  });

  it("tells added and removed nodes apart by uuid, and counts the rewired parent as changed", () => {
    const extra = makeNative("note", "variables");
    const draft = [deployed[0]!, { ...deployed[1]!, childrenUuids: [extra.uuid] }, extra];
    const diff = diffGraphs(deployed, form, draft, form);
    expect(diff.added.map((node) => node.slug)).toEqual(["note"]);
    expect(diff.removed.map((node) => node.slug)).toEqual(["end"]);
    expect(diff.changed.map((change) => [change.after.slug, change.fields])).toEqual([["wait", ["childrenUuids"]]]);
  });

  it("sees a form change (a field edited, added or reordered), not a key order", () => {
    const same = [{ isRequired: true, kind: "string", name: "Email", slug: "email" } as FormField];
    expect(diffGraphs(deployed, form, deployed, same).formChanged).toBe(false);
    expect(diffGraphs(deployed, form, deployed, [{ ...form[0]!, isRequired: false }]).formChanged).toBe(true);
    const two: FormField[] = [...form, { slug: "name", name: "Name", kind: "text", isRequired: false }];
    expect(diffGraphs(deployed, form, deployed, two).formChanged).toBe(true);
    expect(diffGraphs(deployed, two, deployed, [two[1]!, two[0]!]).formChanged).toBe(true);
  });
});
