"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Badge } from "@/components/ui/badge";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { playQueries } from "@/lib/api/play-queries";
import type { Play } from "@/lib/contract";
import { DeletePlayButton } from "./delete-play-button";
import { EditPlayButton } from "./edit-play-dialog";
import { PlayBatches } from "./play-batches";
import { PlayEnabledSwitch } from "./play-enabled-switch";
import { changeKindsText, ruleText, scheduleText, thresholdText } from "./play-format";
import { PlayHealthBadge } from "./play-health-badge";
import { PlayHealthPanel } from "./play-health-panel";
import { usePlayNames } from "./use-play-names";

/** A play's page (`/plays/[uuid]`): its switch, deployed release, health, what it watches and how it runs, and its batches. */
export function PlayDetail({ uuid }: { uuid: string }) {
  const query = useQuery(playQueries.detail(uuid));

  if (query.isPending || query.error) {
    return (
      <PageState load={query} thing="play" missing={isNotFound(query.error)} back={{ href: "/plays", label: "See all plays" }} id={uuid}>
        <Skeleton className="h-14 w-72" />
        <Skeleton className="h-20" />
        <Skeleton className="h-48" />
      </PageState>
    );
  }
  const { play } = query.data;

  return (
    <div className="flex flex-col gap-6">
      <PlayHeader play={play} />
      {!play.deployedRelease && <NotDeployed workflowUuid={play.workflowUuid} />}
      <PlayHealthPanel play={play} />
      <PlaySettings play={play} />
      <PlayBatches workflowUuid={play.workflowUuid} />
    </div>
  );
}

function PlayHeader({ play }: { play: Play }) {
  const names = usePlayNames();
  return (
    <div>
      <Link href="/plays" className="inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
        <ArrowLeft aria-hidden className="size-3.5" /> Plays
      </Link>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
            <span className="truncate">{play.name}</span>
            {play.deployedRelease ? <Badge tone="success">v{play.deployedRelease.version}</Badge> : <Badge>Not deployed</Badge>}
            <PlayHealthBadge play={play} />
          </h1>
          <p className="mt-1 text-sm text-fg-muted">
            {play.description || "Runs the deployed release of"}{" "}
            <Link href={`/workflows/${play.workflowUuid}`} className="underline">
              {names.workflow(play.workflowUuid)}
            </Link>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <PlayEnabledSwitch play={play} label="Enabled" visibleLabel />
          <EditPlayButton play={play} />
          <DeletePlayButton play={play} />
        </div>
      </div>
    </div>
  );
}

function NotDeployed({ workflowUuid }: { workflowUuid: string }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-danger/30 bg-danger/5 p-4 text-sm">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <p>
        <span className="font-medium text-danger">Not deployed:</span>{" "}
        <Link href={`/workflows/${workflowUuid}`} className="underline">
          deploy the workflow in the editor
        </Link>
        <span className="text-fg-muted">. A play runs the deployed release, never the draft; until then syncs start no batch for it.</span>
      </p>
    </div>
  );
}

function PlaySettings({ play }: { play: Play }) {
  const names = usePlayNames();
  const release = play.deployedRelease;
  return (
    <section aria-labelledby="play-settings" className="rounded-lg border border-border bg-surface p-4">
      <h2 id="play-settings" className="sr-only">
        Settings
      </h2>
      <dl className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Setting term="Model">
          <Link href={`/models/${play.modelUuid}`} className="underline">
            {names.model(play.modelUuid)}
          </Link>
        </Setting>
        <Setting term="Segment">
          <Link href={`/segments/${play.segmentUuid}`} className="underline">
            {names.segment(play.segmentUuid)}
          </Link>
        </Setting>
        <Setting term="Change kinds">{changeKindsText(play.changeKinds)}</Setting>
        <Setting term="Run creation">{ruleText(play.runCreationRule)}</Setting>
        <Setting term="Schedule">{play.schedule ? <code className="font-mono text-xs">{scheduleText(play.schedule)}</code> : "None"}</Setting>
        <Setting term="Health threshold">{thresholdText(play.healthThreshold)}</Setting>
        <Setting term="Deployed release">
          {release ? (
            <>
              v{release.version} · <RelativeTime iso={release.deployedAt} />
            </>
          ) : (
            "None"
          )}
        </Setting>
        <Setting term="Updated">
          <RelativeTime iso={play.updatedAt} />
        </Setting>
      </dl>
    </section>
  );
}

function Setting({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-fg-muted uppercase">{term}</dt>
      <dd className="mt-1 truncate">{children}</dd>
    </div>
  );
}
