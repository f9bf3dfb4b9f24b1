import type { CheckReport } from "./types";

const LABEL = { error: "ERROR", warning: "WARN ", info: "INFO " } as const;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * The report as plain text for a terminal: a heading, the counts, then each finding with its
 * code, path, message, fix and endpoint; "No problems found." when there are none.
 */
export function formatReport(report: CheckReport): string {
  const layout = report.layout ? `${report.layout} layout` : "no manifest read";
  const lines = [`Contract check of ${report.baseUrl} (${layout}; ${report.probed ? "endpoints probed" : "manifest only"})`];
  const { errors, warnings, infos } = report.summary;
  if (report.findings.length === 0) return [...lines, "No problems found."].join("\n");
  lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}`);
  for (const found of report.findings) {
    lines.push("", `${LABEL[found.severity]} ${found.code}  ${found.path}${found.endpoint ? `  (${found.endpoint})` : ""}`, `       ${found.message}`, `       Fix: ${found.fix}`);
  }
  return lines.join("\n");
}
