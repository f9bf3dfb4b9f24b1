import type { FormField, WorkflowNode } from "@/lib/contract";
import { graphDiffers, type GraphDiff } from "@/lib/workflow/release-diff";
import { changedFieldLabels, formChanges } from "./release-status";

/**
 * What changed from one graph to another, node by node: added, removed, and changed with the
 * changed fields named (positions are not changes), then the form. `to` names the newer side ("the draft", "1.0.2").
 */
export function ReleaseDiffView({
  diff,
  formBefore,
  formAfter,
  to,
}: {
  diff: GraphDiff;
  formBefore: readonly FormField[];
  formAfter: readonly FormField[];
  to: string;
}) {
  if (!graphDiffers(diff)) return <p className="text-sm text-fg-muted">No differences: the same nodes, settings and form{to === "the draft" ? " as the draft" : ""}.</p>;
  const form = formChanges(formBefore, formAfter);
  return (
    <div className="space-y-4 text-sm">
      <NodeGroup title={`Added in ${to}`} nodes={diff.added} tone="text-success" />
      <NodeGroup title={`Removed in ${to}`} nodes={diff.removed} tone="text-danger" />
      {diff.changed.length > 0 && (
        <section aria-label={`Changed in ${to}`}>
          <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-fg-muted uppercase">
            Changed in {to} ({diff.changed.length})
          </h4>
          <ul className="space-y-1.5">
            {diff.changed.map((change) => (
              <li key={change.after.uuid} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <NodeName node={change.after} />
                <span className="sr-only">changed:</span>
                {changedFieldLabels(change).map((field) => (
                  <code key={field} className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-fg-muted">
                    {field}
                  </code>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.formChanged && (
        <section aria-label="Form changes">
          <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-fg-muted uppercase">Form changed</h4>
          <ul className="list-disc space-y-0.5 pl-5 text-fg-muted">
            {form.added.length > 0 && <li>Fields added: {slugList(form.added)}</li>}
            {form.removed.length > 0 && <li>Fields removed: {slugList(form.removed)}</li>}
            {form.changed.length > 0 && <li>Fields changed: {slugList(form.changed)}</li>}
            {form.reordered && <li>Fields reordered</li>}
          </ul>
        </section>
      )}
    </div>
  );
}

function NodeGroup({ title, nodes, tone }: { title: string; nodes: readonly WorkflowNode[]; tone: string }) {
  if (nodes.length === 0) return null;
  return (
    <section aria-label={title}>
      <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-fg-muted uppercase">
        {title} ({nodes.length})
      </h4>
      <ul className="space-y-1">
        {nodes.map((node) => (
          <li key={node.uuid} className={tone}>
            <NodeName node={node} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function NodeName({ node }: { node: WorkflowNode }) {
  return (
    <span>
      <span className="font-medium text-fg">{node.name || node.slug}</span>
      {node.name && node.name !== node.slug && <span className="ml-1.5 font-mono text-xs text-fg-muted">{node.slug}</span>}
    </span>
  );
}

const slugList = (slugs: string[]) => slugs.join(", ");
