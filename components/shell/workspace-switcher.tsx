"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/select";
import { useSwitchWorkspaceMutation } from "@/lib/api/account-mutations";
import { accountQueries } from "@/lib/api/account-queries";

/** The workspace this session acts in; switching drops every cached answer and re-renders the page. */
export function WorkspaceSwitcher() {
  const whoami = useQuery(accountQueries.whoami());
  const switchTo = useSwitchWorkspaceMutation();
  const router = useRouter();
  if (!whoami.data) return <span className="hidden text-fg-muted sm:inline">{whoami.isError ? "Workspace unavailable" : ""}</span>;
  const { workspace, workspaces } = whoami.data;
  if (workspaces.length <= 1) return <span className="hidden text-fg-muted sm:inline">{workspace.name}</span>;
  return (
    <Select
      aria-label="Workspace"
      className="h-8 w-auto max-w-48"
      value={workspace.uuid}
      disabled={switchTo.isPending}
      onChange={(event) => switchTo.mutate(event.target.value, { onSuccess: () => { router.push("/integrations"); router.refresh(); } })}
    >
      {workspaces.map((w) => (
        <option key={w.uuid} value={w.uuid}>
          {w.name}
        </option>
      ))}
    </Select>
  );
}
