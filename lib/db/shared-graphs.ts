import { createHash } from "node:crypto";
import type { WorkflowNode } from "@/lib/contract";

/*
 * A saved workflow's graph, parsed once and shared by every run of it. The read cache answers the
 * same row object until the workflow changes (lib/db/read-cache.ts); its graph used to be parsed
 * from JSON for every run, then turned back into JSON twice: for the validation cache's key and
 * for the run's row. Shared, it is frozen, so nothing can change what another run reads, and its
 * JSON text is the row's own.
 */

const texts = new WeakMap<readonly WorkflowNode[], string>();
const versions = new WeakMap<readonly WorkflowNode[], string>();

/**
 * `nodes` parsed from `text`, frozen all the way down, with `text` remembered as its JSON. Only
 * for text that will be parsed once and shared: freezing walks the whole graph.
 */
export function sharedGraph(text: string): WorkflowNode[] {
  const nodes = deepFreeze(JSON.parse(text) as WorkflowNode[]);
  texts.set(nodes, text);
  return nodes;
}

/** The graph as JSON: the text it was parsed from when it is a shared graph, else `JSON.stringify`. */
export function graphText(nodes: readonly WorkflowNode[]): string {
  return texts.get(nodes) ?? JSON.stringify(nodes);
}

/**
 * A short hash of the graph's JSON, standing for its content (the validation cache's key); worked
 * out once for a shared graph.
 */
export function graphVersion(nodes: readonly WorkflowNode[]): string {
  let version = versions.get(nodes);
  if (!version) {
    version = createHash("sha1").update(graphText(nodes)).digest("base64");
    if (texts.has(nodes)) versions.set(nodes, version);
  }
  return version;
}

/** `value` frozen all the way down (what every run shares must not change under another). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
