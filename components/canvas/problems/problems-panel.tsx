"use client";

import { CircleCheck, CircleX, TriangleAlert } from "lucide-react";
import { useMemo } from "react";
import type { InvalidNode } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { useEditor } from "../editor-context";
import { groupProblems, problemCountText, type ProblemGroup } from "./problem-groups";
import { useFocusNode } from "./use-focus-node";

/**
 * Every finding of the live validation, grouped by node, errors first. Each entry is a button
 * that selects its node and centers it on the canvas; graph-level findings have no node to show.
 */
export function ProblemsPanel() {
  const validation = useEditor((state) => state.validation);
  const nodes = useEditor((state) => state.nodes);
  const summary = useMemo(() => groupProblems(validation, nodes), [validation, nodes]);
  const focusNode = useFocusNode();

  return (
    <section aria-labelledby="problems-heading" className="flex min-h-0 flex-col">
      <header className="flex items-center justify-between gap-3 border-b border-border px-4 py-2.5">
        <h2 id="problems-heading" className="text-sm font-semibold">
          Problems
        </h2>
        <span
          data-testid="problems-count"
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-medium",
            summary.errors > 0 ? "bg-danger/10 text-danger" : summary.warnings > 0 ? "bg-amber-500/10 text-amber-700 dark:text-amber-400" : "bg-surface-muted text-fg-muted",
          )}
        >
          {validation ? problemCountText(summary) : "Checking…"}
        </span>
      </header>
      <div className="min-h-0 flex-1 overflow-auto py-1">
        {!validation && <p className="px-4 py-3 text-sm text-fg-muted">Checking the workflow…</p>}
        {validation && summary.groups.length === 0 && (
          <p role="status" className="flex items-center gap-2 px-4 py-3 text-sm text-fg-muted">
            <CircleCheck aria-hidden className="size-4 text-success" />
            No problems: this workflow can run
          </p>
        )}
        {summary.groups.map((group) => (
          <Group key={group.uuid || "graph"} group={group} onFocus={focusNode} />
        ))}
      </div>
    </section>
  );
}

function Group({ group, onFocus }: { group: ProblemGroup; onFocus(uuid: string): void }) {
  const headingId = `problems-${group.uuid || "graph"}`;
  return (
    <div role="group" aria-labelledby={headingId} className="py-1">
      <h3 id={headingId} className="flex items-baseline gap-2 px-4 pt-1.5 pb-1 text-xs font-medium text-fg">
        <span className="truncate">{group.title}</span>
        {group.slug && group.slug !== group.title && <code className="truncate font-mono text-[11px] font-normal text-fg-muted">{group.slug}</code>}
      </h3>
      <ul className="px-2">
        {group.findings.map((finding, index) => (
          <li key={index}>
            {group.uuid ? (
              <button
                type="button"
                title={`Show ${group.title} on the canvas`}
                onClick={() => onFocus(group.uuid)}
                className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left transition-colors hover:bg-surface-muted focus-visible:bg-surface-muted"
              >
                <Finding finding={finding} />
              </button>
            ) : (
              <div className="flex items-start gap-2 px-2 py-1.5">
                <Finding finding={finding} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Finding({ finding }: { finding: InvalidNode }) {
  const Icon = finding.severity === "error" ? CircleX : TriangleAlert;
  return (
    <>
      <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", finding.severity === "error" ? "text-danger" : "text-amber-600 dark:text-amber-400")} />
      <span className="min-w-0 text-sm">
        <span className="sr-only">{finding.severity === "error" ? "Error: " : "Warning: "}</span>
        <span className="block break-words text-fg">{finding.message}</span>
        {finding.path && (
          <span className="mt-0.5 block text-xs text-fg-muted">
            Field <code className="font-mono">{finding.path}</code>
          </span>
        )}
        {finding.invalidNodes?.map((inner, index) => (
          <span key={index} className="mt-0.5 block text-xs text-fg-muted">
            <code className="font-mono">{inner.node.slug}</code>: {inner.message}
            {inner.path && <> ({inner.path})</>}
          </span>
        ))}
      </span>
    </>
  );
}
