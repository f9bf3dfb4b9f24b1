import type { ElkNode } from "elkjs/lib/elk-api";
import type { NodePosition, WorkflowNode } from "@/lib/contract";
import { positionsFromElk, toElkGraph } from "./elk-graph";

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (layout: ElkNode) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./elk.worker.ts", import.meta.url));
    worker.onmessage = (event: MessageEvent<{ id: number; layout?: ElkNode; error?: string }>) => {
      const { id, layout, error } = event.data;
      const pending = waiting.get(id);
      waiting.delete(id);
      if (layout) pending?.resolve(layout);
      else pending?.reject(new Error(error ?? "Auto layout failed"));
    };
  } catch {
    worker = null;
  }
  return worker;
}

async function runElk(graph: ElkNode): Promise<ElkNode> {
  const layoutThread = typeof Worker === "undefined" ? null : layoutWorker();
  if (layoutThread) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      layoutThread.postMessage({ id, graph });
    });
  }
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  return new ELK().layout(graph);
}

/**
 * Lays the graph out top-down with ELK's layered algorithm, in a Web Worker when there is one.
 * Resolves to the positions of the nodes that move, ready for one `moveNodes` operation.
 */
export async function autoLayoutPositions(nodes: readonly WorkflowNode[]): Promise<Record<string, NodePosition>> {
  return positionsFromElk(await runElk(toElkGraph(nodes)), nodes);
}
