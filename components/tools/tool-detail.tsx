"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Rocket, Rows3 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { RunOnRecordsDialog } from "@/components/batches/run-on-records-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { toolQueries } from "@/lib/api/tool-queries";
import { ToolForm } from "./tool-form";
import { ToolWebhookSection } from "./tool-webhook-section";

/** A tool's page (`/tools/[uuid]`): its form, which runs the deployed release, "Run on many", and its webhook. */
export function ToolDetail({ uuid }: { uuid: string }) {
  const query = useQuery(toolQueries.detail(uuid));
  const [many, setMany] = useState(false);

  if (query.isPending || query.error) {
    return (
      <PageState load={query} thing="tool" missing={isNotFound(query.error)} back={{ href: "/tools", label: "See all tools" }} id={uuid}>
        <Skeleton className="h-14 w-72" />
        <Skeleton className="h-48" />
      </PageState>
    );
  }
  const { tool } = query.data;
  const release = tool.deployedRelease;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/tools" className="inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ArrowLeft aria-hidden className="size-3.5" /> Tools
        </Link>
        <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight">
              <span className="truncate">{tool.name}</span>
              {release ? <Badge tone="success">v{release.version}</Badge> : <Badge>Not deployed</Badge>}
            </h1>
            <p className="mt-1 text-sm text-fg-muted">
              {tool.description || "Runs the deployed release of"} <Link href={`/workflows/${tool.workflowUuid}`} className="underline">{tool.workflowName}</Link>
            </p>
          </div>
          {release && (
            <Button variant="secondary" onClick={() => setMany(true)} aria-haspopup="dialog">
              <Rows3 aria-hidden className="size-3.5" />
              Run on many…
            </Button>
          )}
        </div>
      </div>

      {release ? (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-label="Form" className="rounded-lg border border-border bg-surface p-4">
            <ToolForm toolUuid={tool.uuid} fields={tool.formFields} />
          </section>
          <ToolWebhookSection tool={tool} />
        </div>
      ) : (
        <EmptyState
          icon={<Rocket className="size-5" />}
          title="Not deployed yet"
          action={
            <ButtonLink href={`/workflows/${tool.workflowUuid}`} variant="primary">
              Open the editor
            </ButtonLink>
          }
        >
          A tool runs its workflow&apos;s deployed release, never the draft. Deploy {tool.workflowName} from the editor, and its form appears here.
        </EmptyState>
      )}

      {release && (
        <RunOnRecordsDialog
          open={many}
          onClose={() => setMany(false)}
          workflowUuid={tool.workflowUuid}
          releaseUuid={release.uuid}
          description={`Runs v${release.version} once per record, each record as the run's data.`}
        />
      )}
    </div>
  );
}
