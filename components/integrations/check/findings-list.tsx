import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import type { CheckFinding, CheckSeverity } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { FindingItem } from "./finding-item";

const GROUPS: Record<CheckSeverity, { title: string; icon: typeof Info; tone: string }> = {
  error: { title: "Errors", icon: CircleAlert, tone: "text-danger" },
  warning: { title: "Warnings", icon: TriangleAlert, tone: "text-amber-700 dark:text-amber-400" },
  info: { title: "Notes", icon: Info, tone: "text-fg-muted" },
};

/** Findings grouped by severity, errors first; each group a labelled list. */
export function FindingsList({ findings, heading: Heading = "h3" }: { findings: CheckFinding[]; heading?: "h3" | "h4" }) {
  return (
    <div className="space-y-4">
      {(Object.keys(GROUPS) as CheckSeverity[]).map((severity) => {
        const inGroup = findings.filter((finding) => finding.severity === severity);
        if (inGroup.length === 0) return null;
        const { title, icon: Icon, tone } = GROUPS[severity];
        return (
          <section key={severity} aria-label={`${title} (${inGroup.length})`}>
            <Heading className={cn("mb-2 flex items-center gap-1.5 text-sm font-semibold", tone)}>
              <Icon aria-hidden className="size-4" />
              {title} ({inGroup.length})
            </Heading>
            <ul aria-label={title} className="divide-y divide-border rounded-lg border border-border bg-surface">
              {inGroup.map((finding, index) => (
                <FindingItem key={`${finding.code}-${finding.path}-${index}`} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
