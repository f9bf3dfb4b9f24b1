import { describe, expect, it, vi } from "vitest";
import type { ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { validateNodes } from "@/lib/workflow";
import { chain, makeConnector, makeNative } from "@/lib/workflow/testing/factories";
import { makeTestCatalog } from "@/lib/workflow/testing/test-catalog";
import { createIdleBackend, LiveValidator, onlyPositionsChanged, type ValidationBackend } from "./use-live-validation";
import type { ValidationReply } from "./validation.worker";

const catalog = makeTestCatalog();
const graph = (slug: string) => chain(makeNative("start", "start"), makeConnector(slug, "createRecord"), makeNative("end", "end"));

/** A backend that answers only when told to, to control the order of answers. */
function manualBackend() {
  const sent: Array<{ sequence: number; nodes: WorkflowNode[] }> = [];
  let reply!: (reply: ValidationReply) => void;
  let fail!: () => void;
  const create = (onReply: (reply: ValidationReply) => void, onFailure: () => void): ValidationBackend => {
    reply = onReply;
    fail = onFailure;
    return { setCatalog: vi.fn(), validate: (sequence, nodes) => sent.push({ sequence, nodes }), dispose: vi.fn() };
  };
  const answer = (index: number) => reply({ sequence: sent[index]!.sequence, result: validateNodes(sent[index]!.nodes, catalog) });
  return { sent, create, answer, fail: () => fail() };
}

const noFallback = () => {
  throw new Error("no fallback expected");
};

describe("LiveValidator", () => {
  it("waits for the catalog, then validates the latest graph and publishes the answer", () => {
    const backend = manualBackend();
    const published: ValidateNodesResponseBody[] = [];
    const validator = new LiveValidator(backend.create, noFallback, (result) => published.push(result));
    validator.request(graph("a"));
    expect(backend.sent).toEqual([]);
    validator.setCatalog(catalog);
    expect(backend.sent).toHaveLength(1);
    backend.answer(0);
    expect(published).toEqual([validateNodes(graph("a"), catalog)]);
  });

  it("keeps one graph in flight: edits meanwhile collapse into the latest, and the stale answer is dropped", () => {
    const backend = manualBackend();
    const published: ValidateNodesResponseBody[] = [];
    const validator = new LiveValidator(backend.create, noFallback, (result) => published.push(result));
    validator.setCatalog(catalog);
    validator.request(graph("first"));
    validator.request(graph("second"));
    validator.request(graph("third"));
    expect(backend.sent.map((request) => request.nodes[1]!.slug)).toEqual(["first"]);

    backend.answer(0);
    expect(published).toEqual([]);
    expect(backend.sent.map((request) => request.nodes[1]!.slug)).toEqual(["first", "third"]);

    backend.answer(1);
    expect(published).toEqual([validateNodes(graph("third"), catalog)]);
  });

  it("ignores an answer it did not ask for", () => {
    const backend = manualBackend();
    const publish = vi.fn();
    const validator = new LiveValidator(backend.create, noFallback, publish);
    validator.setCatalog(catalog);
    validator.request(graph("a"));
    backend.answer(0);
    backend.answer(0);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it("moves to the fallback when the worker fails, and resends the latest graph there", async () => {
    const backend = manualBackend();
    const published: ValidateNodesResponseBody[] = [];
    const validator = new LiveValidator(backend.create, createIdleBackend, (result) => published.push(result));
    validator.setCatalog(catalog);
    validator.request(graph("a"));
    backend.fail();
    await vi.waitFor(() => expect(published).toEqual([validateNodes(graph("a"), catalog)]));
  });
});

describe("createIdleBackend", () => {
  it("answers with exactly validateNodes' result, on a later task", async () => {
    const replies: ValidationReply[] = [];
    const backend = createIdleBackend((reply) => replies.push(reply));
    const nodes = graph("a");
    backend.setCatalog(catalog);
    backend.validate(7, nodes);
    expect(replies).toEqual([]);
    await vi.waitFor(() => expect(replies).toEqual([{ sequence: 7, result: validateNodes(nodes, catalog) }]));
  });
});

describe("onlyPositionsChanged", () => {
  it("is true when nodes only moved, false for any other edit", () => {
    const nodes = graph("a");
    const moved = nodes.map((node) => ({ ...node, position: { x: node.position.x + 10, y: 0 } }));
    expect(onlyPositionsChanged(nodes, moved)).toBe(true);
    expect(onlyPositionsChanged(nodes, nodes)).toBe(true);
    expect(onlyPositionsChanged(nodes, [...moved.slice(0, 1), { ...moved[1]!, slug: "b" }, moved[2]!])).toBe(false);
    expect(onlyPositionsChanged(nodes, nodes.slice(1))).toBe(false);
    expect(onlyPositionsChanged(nodes, [{ ...nodes[0]!, name: "x" }, ...nodes.slice(1)])).toBe(false);
  });
});
