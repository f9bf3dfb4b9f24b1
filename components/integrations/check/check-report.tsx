import { CircleCheck } from "lucide-react";
import type { IntegrationCheckResponseBody } from "@/lib/contract";
import { plural } from "../format";
import { FindingsList } from "./findings-list";

/** A report: what was checked and the counts, then the findings, or "No problems found". */
export function CheckReport({ report, label, heading = "h3" }: { report: IntegrationCheckResponseBody; label: string; heading?: "h3" | "h4" }) {
  const { errors, warnings, infos } = report.summary;
  const scope = report.probed ? "manifest and endpoints" : "manifest only";
  return (
    <div role="region" aria-label={label} className="space-y-4">
      {report.findings.length === 0 ? (
        <div className="flex items-start gap-3 rounded-lg border border-success/30 bg-success/5 p-4 text-sm">
          <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-success" />
          <div>
            <p className="font-medium text-success">No problems found</p>
            <p className="mt-0.5 text-fg-muted">
              Checked the {scope} of <code className="font-mono text-xs break-all">{report.baseUrl}</code>
              {report.layout && ` (${report.layout} layout)`}.
            </p>
          </div>
        </div>
      ) : (
        <>
          <p className="text-sm text-fg-muted">
            <span className="font-medium text-fg">
              {plural(errors, "error")}, {plural(warnings, "warning")}, {plural(infos, "note")}
            </span>{" "}
            · {scope}
            {report.layout && ` · ${report.layout} layout`}
          </p>
          <FindingsList findings={report.findings} heading={heading} />
        </>
      )}
    </div>
  );
}
