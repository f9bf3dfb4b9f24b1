import type { WorkflowNode } from "@/lib/contract";
import { stronglyConnectedComponents } from "../cycles";
import { childrenCount, findStartNode, isStartNode, reachableFromStart } from "../graph";
import type { FindingList } from "./findings";
import type { GraphLevel } from "./graph-level";

const SLUG = /^[A-Za-z0-9_]+$/;

/** Start node, duplicates, slugs, children, missing references, cycles and unreachable nodes. */
export function checkStructure(level: GraphLevel, findings: FindingList): void {
  const { nodes } = level;
  if (!findStartNode(nodes)) {
    findings.add(-1, { uuid: "", slug: "start" }, "startNodeNotFound", 'No start node: add a built-in start node with slug "start"');
  }
  checkDuplicates(nodes, findings);
  const uuids = new Set(nodes.map((node) => node.uuid));
  nodes.forEach((node, index) => {
    checkSlug(node, index, findings);
    checkChildren(level, uuids, node, index, findings);
  });
  checkCycles(level, findings);
  checkReachability(nodes, findings);
}

function checkDuplicates(nodes: readonly WorkflowNode[], findings: FindingList): void {
  const uuids = new Map<string, WorkflowNode>();
  const slugs = new Map<string, WorkflowNode>();
  nodes.forEach((node, index) => {
    const sameUuid = uuids.get(node.uuid);
    if (sameUuid) {
      findings.add(index, node, "uuidDuplicated", `Uuid "${node.uuid}" is also used by node "${sameUuid.slug}"; give each node its own uuid`);
    } else uuids.set(node.uuid, node);
    const sameSlug = slugs.get(node.slug);
    if (!sameSlug) slugs.set(node.slug, node);
    else if (isStartNode(node) && isStartNode(sameSlug)) {
      findings.add(index, node, "slugDuplicated", "There is more than one start node; a graph has exactly one");
    } else {
      findings.add(index, node, "slugDuplicated", `Slug "${node.slug}" is also used by another node, so nodes.${node.slug} is ambiguous; rename one of them`);
    }
  });
}

function checkSlug(node: WorkflowNode, index: number, findings: FindingList): void {
  const actionSlug = node.kind === "native" ? node.actionSlug : undefined;
  if (node.slug === "") findings.add(index, node, "slugInvalid", "The slug is empty; name the node with letters, digits and underscores");
  else if (!SLUG.test(node.slug)) {
    findings.add(index, node, "slugInvalid", `Slug "${node.slug}" may contain only letters, digits and underscores`);
  } else if ((node.slug === "start" || node.slug === "end") && actionSlug !== node.slug) {
    findings.add(index, node, "slugInvalid", `Slug "${node.slug}" is reserved for the ${node.slug} node; rename this node`);
  } else if (actionSlug === "start" && node.slug !== "start") {
    findings.add(index, node, "slugInvalid", 'The start node\'s slug must be "start"');
  }
}

function checkChildren(level: GraphLevel, known: ReadonlySet<string>, node: WorkflowNode, index: number, findings: FindingList): void {
  const missing = node.childrenUuids.flatMap((uuid, slot) => (uuid !== null && !known.has(uuid) ? [`child ${slot} → "${uuid}"`] : []));
  if (node.fallbackChildUuid && !known.has(node.fallbackChildUuid)) missing.push(`fallback → "${node.fallbackChildUuid}"`);
  if (missing.length > 0) {
    findings.add(index, node, "nodesNotFound", `Points to nodes that are not in the graph (${missing.join(", ")}); reconnect or clear them`);
  }
  const resolved = level.actions[index]!;
  if (!resolved.known) return;
  const expected = childrenCount(node, level.catalog);
  if (node.childrenUuids.length === expected) return;
  const labels = resolved.action?.children?.map((child) => child.text);
  const what =
    node.kind === "native" && node.actionSlug === "switch"
      ? `one child per route (${expected})`
      : `${expected} ${expected === 1 ? "child" : "children"}${labels?.length ? ` (${labels.join(", ")})` : ""}`;
  findings.add(
    index,
    node,
    "childrenUuidsInvalid",
    `Needs ${what} but childrenUuids has ${node.childrenUuids.length}; use null for a child left unconnected`,
  );
}

function checkCycles(level: GraphLevel, findings: FindingList): void {
  for (const component of stronglyConnectedComponents(level.successors)) {
    const first = component[0]!;
    if (component.length === 1 && !level.successors[first]!.includes(first)) continue;
    const members = component.slice().sort((a, b) => a - b);
    for (const index of members) {
      const node = level.nodes[index]!;
      const others = members.filter((other) => other !== index).map((other) => `"${level.nodes[other]!.slug}"`);
      const message =
        others.length === 0
          ? `Node "${node.slug}" leads back to itself; a run must not loop`
          : `Node "${node.slug}" is on a cycle with ${others.join(", ")}; a run must not loop back`;
      findings.add(index, node, "cycleDetected", message);
    }
  }
}

function checkReachability(nodes: readonly WorkflowNode[], findings: FindingList): void {
  if (!findStartNode(nodes)) return;
  const reached = reachableFromStart(nodes);
  nodes.forEach((node, index) => {
    if (!reached.has(node.uuid)) {
      findings.add(index, node, "nodeUnreachable", `Node "${node.slug}" cannot be reached from start; connect it or remove it`, { severity: "warning" });
    }
  });
}
