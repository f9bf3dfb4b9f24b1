import type { CheckFinding } from "@/lib/contract";

/** One finding: where (path, endpoint), what an operator meets, and how to fix it. */
export function FindingItem({ finding }: { finding: CheckFinding }) {
  return (
    <li className="space-y-1.5 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs break-all text-fg" title="Where">
          {finding.path}
        </code>
        {finding.endpoint && <span className="font-mono text-xs text-fg-muted">{finding.endpoint}</span>}
        <span className="ml-auto font-mono text-[11px] text-fg-muted">{finding.code}</span>
      </div>
      <p className="break-words">{finding.message}</p>
      <p className="break-words text-fg-muted">
        <span className="font-medium text-fg">Fix: </span>
        {finding.fix}
      </p>
    </li>
  );
}
