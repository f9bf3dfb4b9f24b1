import type { WorkflowNode } from "@/lib/contract";
import { successorUuids } from "./graph";

/** The graph as index lists: `successors[i]` are the indexes node `i` leads to (missing uuids left out). */
export function successorIndexes(nodes: readonly WorkflowNode[]): number[][] {
  const indexByUuid = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!indexByUuid.has(node.uuid)) indexByUuid.set(node.uuid, index);
  });
  return nodes.map((node) => successorUuids(node).flatMap((uuid) => indexByUuid.get(uuid) ?? []));
}

/**
 * Strongly connected components (Tarjan, iterative so deep chains cannot overflow the stack),
 * returned in reverse topological order: every component comes after the ones it leads to.
 */
export function stronglyConnectedComponents(successors: readonly number[][]): number[][] {
  const count = successors.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    const work: Array<[node: number, next: number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      const children = successors[node]!;
      if (next < children.length) {
        frame[1] = next + 1;
        const child = children[next]!;
        if (order[child] === -1) {
          order[child] = low[child] = counter++;
          stack.push(child);
          onStack[child] = 1;
          work.push([child, 0]);
        } else if (onStack[child]) {
          low[node] = Math.min(low[node]!, order[child]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] !== order[node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  }
  return components;
}

/** Indexes of the nodes that lie on a cycle (a component of several nodes, or a node that is its own child). */
export function cycleIndexes(successors: readonly number[][]): Set<number> {
  const onCycle = new Set<number>();
  for (const component of stronglyConnectedComponents(successors)) {
    if (component.length > 1 || successors[component[0]!]!.includes(component[0]!)) component.forEach((index) => onCycle.add(index));
  }
  return onCycle;
}

/** Uuids of the nodes that lie on a cycle; empty for a DAG. */
export function nodesOnCycles(nodes: readonly WorkflowNode[]): Set<string> {
  return new Set([...cycleIndexes(successorIndexes(nodes))].map((index) => nodes[index]!.uuid));
}
