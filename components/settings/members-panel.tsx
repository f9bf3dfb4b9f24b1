"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryError } from "@/components/ui/query-error";
import { Label, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useChangeRoleMutation, useCreateInvitationMutation, useRemoveMemberMutation } from "@/lib/api/account-mutations";
import { accountQueries } from "@/lib/api/account-queries";
import type { WorkspaceRole } from "@/lib/contract";
import { CopyField } from "./copy-field";
import { SettingsTable } from "./settings-table";
import { NewWorkspaceCard } from "./new-workspace-card";

const ROLES: WorkspaceRole[] = ["owner", "admin", "member"];

/** The workspace's members with their roles; admins change roles, remove people and invite by link. */
export function MembersPanel() {
  const whoami = useQuery(accountQueries.whoami());
  const members = useQuery(accountQueries.members());
  const changeRole = useChangeRoleMutation();
  const remove = useRemoveMemberMutation();
  const canManage = whoami.data?.role === "owner" || whoami.data?.role === "admin";
  const failure = changeRole.error ?? remove.error;

  if (members.isPending) return <Skeleton className="h-40" />;
  if (members.error) return <QueryError title="Could not load the members" error={members.error} onRetry={() => members.refetch()} retrying={members.isFetching} />;

  return (
    <div className="space-y-6">
      {failure && <Alert title="That change was not made">{failure.message}</Alert>}
      <SettingsTable caption="Members" columns={["Name", "Email", "Role", ""]}>
        {members.data.members.map((member) => (
          <tr key={member.uuid} className="border-t border-border">
            <td className="px-4 py-2">
              {member.name} {member.uuid === whoami.data?.user?.uuid && <Badge>you</Badge>}
            </td>
            <td className="px-4 py-2 text-fg-muted">{member.email}</td>
            <td className="px-4 py-2">
              {canManage ? (
                <Select
                  aria-label={`Role of ${member.email}`}
                  className="h-8 w-32"
                  value={member.role}
                  disabled={changeRole.isPending}
                  onChange={(event) => changeRole.mutate({ userUuid: member.uuid, role: event.target.value as WorkspaceRole })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </Select>
              ) : (
                member.role
              )}
            </td>
            <td className="px-4 py-2 text-right">
              {canManage && member.uuid !== whoami.data?.user?.uuid && (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${member.email}`}
                  disabled={remove.isPending}
                  onClick={() => window.confirm(`Remove ${member.email} from this workspace?`) && remove.mutate(member.uuid)}
                >
                  Remove
                </Button>
              )}
            </td>
          </tr>
        ))}
      </SettingsTable>
      {canManage && <InviteCard />}
      <NewWorkspaceCard />
    </div>
  );
}

function InviteCard() {
  const invite = useCreateInvitationMutation();
  const [role, setRole] = useState<"admin" | "member">("member");
  return (
    <Card className="space-y-4 p-4">
      <div>
        <h2 className="text-sm font-semibold">Invite someone</h2>
        <p className="mt-1 text-sm text-fg-muted">Create a link and send it to them; it works once and for 7 days. No email is sent.</p>
      </div>
      <div className="flex items-end gap-2">
        <div className="w-40">
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as "admin" | "member")}>
            <option value="member">member</option>
            <option value="admin">admin</option>
          </Select>
        </div>
        <Button onClick={() => invite.mutate(role)} disabled={invite.isPending}>
          {invite.isPending ? "Creating…" : "Create invitation link"}
        </Button>
      </div>
      {invite.error && <Alert title="No link was created">{invite.error.message}</Alert>}
      {invite.data && <CopyField id="invitation-link" label="Invitation link" value={invite.data.url} />}
    </Card>
  );
}
