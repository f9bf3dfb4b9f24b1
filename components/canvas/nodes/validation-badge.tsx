import { TriangleAlert } from "lucide-react";
import { cn } from "@/lib/utils";
import type { NodeFindings } from "./node-findings";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The count of a node's validation errors (or, without errors, warnings); its accessible name lists them. */
export function ValidationBadge({ findings }: { findings: NodeFindings }) {
  const { errors, warnings } = findings;
  if (errors.length === 0 && warnings.length === 0) return null;
  const isError = errors.length > 0;
  const count = isError ? errors.length : warnings.length;
  const parts = [
    errors.length > 0 && `${plural(errors.length, "error")}: ${errors.join("; ")}`,
    warnings.length > 0 && `${plural(warnings.length, "warning")}: ${warnings.join("; ")}`,
  ].filter(Boolean);
  const label = parts.join(". ");
  return (
    <span
      role="img"
      aria-label={label}
      title={[...errors, ...warnings].join("\n")}
      data-testid="validation-badge"
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full px-1.5 text-[11px] font-semibold tabular-nums shadow-sm ring-2 ring-surface",
        isError ? "bg-danger text-white" : "bg-amber-400 text-amber-950",
      )}
    >
      <TriangleAlert aria-hidden className="size-3" />
      {count}
    </span>
  );
}
