"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { TextInput } from "@/components/ui/text-input";
import { useCreateApiTokenMutation, useRevokeApiTokenMutation } from "@/lib/api/account-mutations";
import { accountQueries } from "@/lib/api/account-queries";
import { CopyField } from "./copy-field";
import { SettingsTable } from "./settings-table";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** API tokens of the workspace: create (shown once), see prefix and last use, revoke. */
export function TokensPanel() {
  const tokens = useQuery(accountQueries.tokens());
  const create = useCreateApiTokenMutation();
  const revoke = useRevokeApiTokenMutation();
  const [name, setName] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  };

  return (
    <div className="space-y-6">
      <Card className="space-y-4 p-4">
        <form onSubmit={submit} className="flex items-end gap-2" aria-label="Create an API token">
          <div className="flex-1">
            <label htmlFor="token-name" className="mb-1.5 block text-sm font-medium">
              Token name
            </label>
            <TextInput id="token-name" required maxLength={100} placeholder="e.g. CI pipeline" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </form>
        {create.error && <Alert title="No token was created">{create.error.message}</Alert>}
        {create.data && (
          <div className="space-y-2">
            <CopyField id="new-token" label={`Token “${create.data.apiToken.name}”`} value={create.data.token} />
            <p className="text-xs text-fg-muted">Copy it now: it is not shown again. Send it as `Authorization: Bearer &lt;token&gt;`.</p>
          </div>
        )}
      </Card>
      {revoke.error && <Alert title="The token was not revoked">{revoke.error.message}</Alert>}
      {tokens.isPending ? (
        <Skeleton className="h-32" />
      ) : tokens.error ? (
        <QueryError title="Could not load the API tokens" error={tokens.error} onRetry={() => tokens.refetch()} retrying={tokens.isFetching} />
      ) : tokens.data.apiTokens.length === 0 ? (
        <EmptyState title="No API tokens yet">Create one to call the API from scripts and other tools.</EmptyState>
      ) : (
        <SettingsTable caption="API tokens" columns={["Name", "Token", "Created", "Last used", ""]}>
          {tokens.data.apiTokens.map((token) => (
            <tr key={token.uuid} className="border-t border-border">
              <td className="px-4 py-2">{token.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-4 py-2 text-fg-muted">{when(token.createdAt)}</td>
              <td className="px-4 py-2 text-fg-muted">{when(token.lastUsedAt)}</td>
              <td className="px-4 py-2 text-right">
                {token.revokedAt ? (
                  <Badge tone="danger">revoked</Badge>
                ) : (
                  <Button variant="ghost" size="sm" aria-label={`Revoke ${token.name}`} disabled={revoke.isPending} onClick={() => revoke.mutate(token.uuid)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}
    </div>
  );
}
