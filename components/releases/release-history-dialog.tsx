"use client";

import { useQuery } from "@tanstack/react-query";
import { History, RotateCcw } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { FormField, Release, WorkflowNode } from "@/lib/contract";
import { accountQueries } from "@/lib/api/account-queries";
import { useRedeployReleaseMutation } from "@/lib/api/release-mutations";
import { releaseQueries } from "@/lib/api/release-queries";
import { cn } from "@/lib/utils";
import { diffGraphs } from "@/lib/workflow/release-diff";
import { ReleaseDiffView } from "./release-diff-view";
import { nextVersion } from "./release-status";

type Compare = "draft" | "previous";

/**
 * A workflow's releases, newest first. Choosing one shows how the current draft differs from it
 * (or what it changed from the release before it), and offers to roll back to it: deploying its
 * graph and form again as a new release, after a confirmation.
 */
export function ReleaseHistoryDialog({
  open,
  onClose,
  workflowUuid,
  draftNodes,
  draftFormFields,
  onRolledBack,
}: {
  open: boolean;
  onClose: () => void;
  workflowUuid: string;
  draftNodes: readonly WorkflowNode[];
  draftFormFields: readonly FormField[];
  onRolledBack: (release: Release) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Release history" description="Every deploy of this workflow. Choose one to compare it or roll back to it." width="3xl">
      <ReleaseHistory workflowUuid={workflowUuid} draftNodes={draftNodes} draftFormFields={draftFormFields} onRolledBack={onRolledBack} />
    </Dialog>
  );
}

function ReleaseHistory({
  workflowUuid,
  draftNodes,
  draftFormFields,
  onRolledBack,
}: {
  workflowUuid: string;
  draftNodes: readonly WorkflowNode[];
  draftFormFields: readonly FormField[];
  onRolledBack: (release: Release) => void;
}) {
  const query = useQuery(releaseQueries.list(workflowUuid));
  const members = useQuery(accountQueries.members());
  const [selectedUuid, setSelectedUuid] = useState<string | null>(null);

  if (query.error) return <QueryError title="Could not load the releases" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (!query.data)
    return (
      <div aria-busy="true" aria-label="Loading the releases" className="space-y-2">
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  const releases = query.data.releases;
  if (releases.length === 0)
    return (
      <EmptyState icon={<History className="size-5" />} title="Nothing deployed yet">
        Deploy the workflow to make its first release; each deploy after that is kept here.
      </EmptyState>
    );

  const selected = releases.find((release) => release.uuid === selectedUuid) ?? releases[0]!;
  const deployerName = (userUuid: string | null) =>
    userUuid === null ? "an API token" : (members.data?.members.find((member) => member.uuid === userUuid)?.name ?? "a former member");

  return (
    <div className="grid min-h-[22rem] grid-cols-[15rem_1fr] gap-4">
      <ul aria-label="Releases" className="-my-1 max-h-[60vh] space-y-1 overflow-y-auto py-1 pr-1">
        {releases.map((release) => (
          <li key={release.uuid}>
            <button
              type="button"
              aria-pressed={release.uuid === selected.uuid}
              aria-label={`${release.version}, ${release.status}`}
              onClick={() => setSelectedUuid(release.uuid)}
              className={cn(
                "w-full rounded-md border px-3 py-2 text-left transition-colors",
                release.uuid === selected.uuid ? "border-accent bg-accent/5" : "border-transparent hover:bg-surface-muted",
              )}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-mono text-sm font-medium">{release.version}</span>
                {release.status === "deployed" && <Badge tone="success">Deployed</Badge>}
              </span>
              <span className="mt-0.5 block truncate text-xs text-fg-muted">{release.description || "No description"}</span>
            </button>
          </li>
        ))}
      </ul>
      <ReleaseDetail
        key={selected.uuid}
        release={selected}
        previous={releases[releases.indexOf(selected) + 1] ?? null}
        deployer={deployerName(selected.userUuid)}
        nextVersion={nextVersion(releases)}
        draftNodes={draftNodes}
        draftFormFields={draftFormFields}
        onRolledBack={(release) => {
          setSelectedUuid(release.uuid);
          onRolledBack(release);
        }}
      />
    </div>
  );
}

function ReleaseDetail({
  release,
  previous,
  deployer,
  nextVersion,
  draftNodes,
  draftFormFields,
  onRolledBack,
}: {
  release: Release;
  previous: Release | null;
  deployer: string;
  nextVersion: string;
  draftNodes: readonly WorkflowNode[];
  draftFormFields: readonly FormField[];
  onRolledBack: (release: Release) => void;
}) {
  const [compare, setCompare] = useState<Compare>("draft");
  const [confirming, setConfirming] = useState(false);
  const redeploy = useRedeployReleaseMutation();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const base = compare === "previous" && previous ? previous : release;
  const diff = useMemo(
    () => (compare === "previous" && previous ? diffGraphs(previous.nodes, previous.formFields, release.nodes, release.formFields) : diffGraphs(release.nodes, release.formFields, draftNodes, draftFormFields)),
    [compare, previous, release, draftNodes, draftFormFields],
  );

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const rollBack = () =>
    redeploy.mutate(
      { uuid: release.uuid },
      {
        onSuccess: ({ release: made }) => {
          setConfirming(false);
          onRolledBack(made);
        },
      },
    );

  return (
    <section aria-label={`Release ${release.version}`} className="min-w-0 space-y-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            <span className="font-mono">{release.version}</span>
            <Badge tone={release.status === "deployed" ? "success" : "neutral"}>{release.status === "deployed" ? "Deployed" : "Superseded"}</Badge>
          </h3>
          <p className="mt-0.5 text-xs text-fg-muted">
            Deployed by {deployer} <RelativeTime iso={release.deployedAt} />
          </p>
          {release.description && <p className="mt-1.5 text-sm whitespace-pre-wrap">{release.description}</p>}
        </div>
        {release.status !== "deployed" && !confirming && (
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            <RotateCcw aria-hidden className="size-3.5" />
            Roll back to this
          </Button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label="Confirm the rollback" className="rounded-lg border border-border bg-surface-muted/50 p-3 text-sm">
          <p>
            Deploy {release.version}&apos;s graph and form again, as release <span className="font-mono">{nextVersion}</span>? Tools and plays run it from then on; your draft is
            not changed.
          </p>
          {redeploy.error && <p className="mt-2 text-danger">{redeploy.error.message}</p>}
          <div className="mt-3 flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button ref={confirmButton} size="sm" onClick={rollBack} disabled={redeploy.isPending}>
              {redeploy.isPending ? "Rolling back…" : `Roll back to ${release.version}`}
            </Button>
          </div>
        </div>
      )}
      <div>
        <div
          role="radiogroup"
          aria-label="Compare"
          onKeyDown={(event) => {
            if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key) || !previous) return;
            event.preventDefault();
            const next = compare === "draft" ? "previous" : "draft";
            setCompare(next);
            event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')[next === "draft" ? 0 : 1]?.focus();
          }}
          className="mb-3 inline-flex rounded-md border border-border p-0.5 text-xs"
        >
          <CompareOption checked={compare === "draft"} onSelect={() => setCompare("draft")} label="With the current draft" />
          <CompareOption
            checked={compare === "previous"}
            onSelect={() => setCompare("previous")}
            label={previous ? `With ${previous.version}, before it` : "No earlier release"}
            disabled={!previous}
          />
        </div>
        {compare === "previous" && previous ? (
          <ReleaseDiffView diff={diff} formBefore={previous.formFields} formAfter={release.formFields} to={release.version} />
        ) : (
          <ReleaseDiffView diff={diff} formBefore={base.formFields} formAfter={draftFormFields} to="the draft" />
        )}
      </div>
      {redeploy.error && !confirming && <Alert title="Not rolled back">{redeploy.error.message}</Alert>}
    </section>
  );
}

function CompareOption({ checked, onSelect, label, disabled }: { checked: boolean; onSelect: () => void; label: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      tabIndex={checked ? 0 : -1}
      disabled={disabled}
      onClick={onSelect}
      className={cn("rounded px-2.5 py-1 transition-colors disabled:opacity-50", checked ? "bg-accent/10 font-medium text-accent" : "text-fg-muted hover:text-fg")}
    >
      {label}
    </button>
  );
}
