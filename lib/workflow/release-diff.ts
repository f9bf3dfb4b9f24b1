import { stableStringify, type FormField, type WorkflowNode } from "@/lib/contract";

/** How a graph differs from a deployed one, node by node (matched by uuid). */
export interface GraphDiff {
  added: WorkflowNode[];
  removed: WorkflowNode[];
  /** Nodes in both whose behaviour differs: anything but their position on the canvas. */
  changed: Array<{ before: WorkflowNode; after: WorkflowNode; fields: string[] }>;
  /** The form fields differ (a tool's form). */
  formChanged: boolean;
}

/** A node as it behaves: its position is layout, not behaviour. */
const behaviour = ({ position: _position, ...rest }: WorkflowNode) => rest as Record<string, unknown>;

/**
 * What changed from `deployed` to `draft`. Moving a node is not a change, so a draft only
 * rearranged on the canvas is not worth a deploy; everything else (config, children, kind,
 * connector, retry) is, and `fields` says which keys differ.
 * @example diffGraphs(release.nodes, release.formFields, workflow.nodes, workflow.formFields).changed.map((c) => c.after.slug)
 */
export function diffGraphs(deployed: readonly WorkflowNode[], deployedForm: readonly FormField[], draft: readonly WorkflowNode[], draftForm: readonly FormField[]): GraphDiff {
  const before = new Map(deployed.map((node) => [node.uuid, node]));
  const after = new Map(draft.map((node) => [node.uuid, node]));
  const changed: GraphDiff["changed"] = [];
  for (const node of draft) {
    const old = before.get(node.uuid);
    if (!old) continue;
    const a = behaviour(old);
    const b = behaviour(node);
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => stableStringify(a[key]) !== stableStringify(b[key])).sort();
    if (fields.length > 0) changed.push({ before: old, after: node, fields });
  }
  return {
    added: draft.filter((node) => !before.has(node.uuid)),
    removed: deployed.filter((node) => !after.has(node.uuid)),
    changed,
    formChanged: stableStringify(deployedForm) !== stableStringify(draftForm),
  };
}

/** Whether deploying `draft` would change what runs. */
export function graphDiffers(diff: GraphDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0 || diff.formChanged;
}
