"use client";

import { useQuery } from "@tanstack/react-query";
import { Zap } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/integrations/relative-time";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { playQueries } from "@/lib/api/play-queries";
import type { Play } from "@/lib/contract";
import { CreatePlayButton } from "./create-play-dialog";
import { BATCH_STATUS_TEXT, changeKindsText, scheduleText } from "./play-format";
import { PlayEnabledSwitch } from "./play-enabled-switch";
import { PlayHealthBadge } from "./play-health-badge";
import { usePlayNames } from "./use-play-names";

const HEADINGS = ["Play", "Workflow", "Model › segment", "Change kinds", "Schedule", "Health", "Enabled", "Last batch"];

/** Every play, newest first: what it watches, when it runs, its health, its switch and its last batch. */
export function PlayList() {
  const plays = useQuery(playQueries.list());
  const names = usePlayNames();

  if (plays.isPending) return <Skeleton className="h-40" aria-label="Loading plays" />;
  if (plays.error) return <QueryError title="Could not load plays" error={plays.error} onRetry={() => plays.refetch()} retrying={plays.isFetching} />;
  if (plays.data.plays.length === 0) {
    return (
      <EmptyState icon={<Zap className="size-5" />} title="No plays yet" action={<CreatePlayButton />}>
        A play watches a segment of a model. When a sync adds, updates or removes records in it, the play runs its workflow&apos;s deployed release
        once per changed record, as one batch. It pauses itself when too many of its runs fail.
      </EmptyState>
    );
  }
  return (
    <DataTable caption="Plays, newest first" columns={HEADINGS}>
      {plays.data.plays.map((play) => (
        <PlayRow key={play.uuid} play={play} names={names} />
      ))}
    </DataTable>
  );
}

function PlayRow({ play, names }: { play: Play; names: ReturnType<typeof usePlayNames> }) {
  return (
    <tr className="group relative hover:bg-surface-muted/60">
      <td className="px-4 py-3">
        {/* The link's box covers the row, so the whole row opens the play; the switch sits above it. */}
        <Link href={`/plays/${play.uuid}`} className="font-medium after:absolute after:inset-0 group-hover:underline">
          {play.name}
        </Link>
        {play.description && <p className="line-clamp-1 text-xs text-fg-muted">{play.description}</p>}
      </td>
      <td className="px-4 py-3 text-fg-muted">{names.workflow(play.workflowUuid)}</td>
      <td className="px-4 py-3 text-fg-muted">
        {names.model(play.modelUuid)} <span aria-hidden>›</span> {names.segment(play.segmentUuid)}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">{changeKindsText(play.changeKinds)}</td>
      <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{play.schedule ? scheduleText(play.schedule) : <span className="font-sans text-sm text-fg-muted">None</span>}</td>
      <td className="px-4 py-3">
        <PlayHealthBadge play={play} />
      </td>
      <td className="px-4 py-3">
        <PlayEnabledSwitch play={play} label={`${play.name} enabled`} className="relative z-10" />
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-fg-muted">
        {play.lastBatch ? (
          <Link href={`/batches/${play.lastBatch.uuid}`} className="relative z-10 hover:text-fg hover:underline">
            {BATCH_STATUS_TEXT[play.lastBatch.status]} · <RelativeTime iso={play.lastBatch.createdAt} />
          </Link>
        ) : (
          "None yet"
        )}
      </td>
    </tr>
  );
}
