import { CircleX, TriangleAlert } from "lucide-react";
import type { InvalidNode } from "@/lib/contract";
import { cn } from "@/lib/utils";

/** The node's findings that belong to no config field (no connector, a bad slug, unreachable, …). */
export function NodeProblems({ findings }: { findings: readonly InvalidNode[] }) {
  if (findings.length === 0) return null;
  const errors = findings.some((finding) => finding.severity === "error");
  return (
    <div
      role="group"
      aria-label="Problems with this node"
      className={cn("mx-4 mt-4 rounded-lg border p-3", errors ? "border-danger/30 bg-danger/5" : "border-amber-500/30 bg-amber-500/5")}
    >
      <ul className="flex flex-col gap-1.5 text-sm">
        {findings.map((finding, index) => (
          <li key={index} className="flex items-start gap-2">
            {finding.severity === "error" ? (
              <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
            ) : (
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
            )}
            <span className="min-w-0 break-words">
              {finding.message}
              {finding.path && <code className="ml-1 font-mono text-xs text-fg-muted">{finding.path}</code>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
