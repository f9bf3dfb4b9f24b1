"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { accountQueries } from "@/lib/api/account-queries";
import { SettingsTable } from "./settings-table";

/** Who did what, when and from where: the newest 200 entries. */
export function AuditPanel() {
  const audit = useQuery(accountQueries.audit());
  if (audit.isPending) return <Skeleton className="h-40" />;
  if (audit.error) return <QueryError title="Could not load the audit log" error={audit.error} onRetry={() => audit.refetch()} retrying={audit.isFetching} />;
  if (audit.data.entries.length === 0) return <EmptyState title="Nothing recorded yet">Sign-ins, tokens, members, integrations, connectors, models, segments, files, batches and deploys appear here.</EmptyState>;
  return (
    <SettingsTable caption="Audit log" columns={["When", "Who", "What", "Target", "From"]}>
      {audit.data.entries.map((entry) => (
        <tr key={entry.uuid} className="border-t border-border">
          <td className="whitespace-nowrap px-4 py-2 text-fg-muted">{new Date(entry.createdAt).toLocaleString()}</td>
          <td className="px-4 py-2">{entry.actor ?? "system"}</td>
          <td className="px-4 py-2 font-mono text-xs">{entry.action}</td>
          <td className="px-4 py-2">{entry.target ?? ""}</td>
          <td className="px-4 py-2 text-fg-muted">{entry.ip ?? ""}</td>
        </tr>
      ))}
    </SettingsTable>
  );
}
