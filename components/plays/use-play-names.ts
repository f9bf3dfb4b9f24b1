"use client";

import { useQuery } from "@tanstack/react-query";
import { modelQueries } from "@/lib/api/model-queries";
import { segmentQueries } from "@/lib/api/segment-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";

/** The names a play refers to by uuid (its workflow, model and segment); `…` while they load, `Deleted …` when gone. */
export function usePlayNames() {
  const workflows = useQuery(workflowQueries.list());
  const models = useQuery(modelQueries.list());
  const segments = useQuery(segmentQueries.list());
  const lookup = (data: { uuid: string; name: string }[] | undefined, thing: string) => {
    const names = new Map(data?.map((each) => [each.uuid, each.name]));
    return (uuid: string) => (data ? (names.get(uuid) ?? `Deleted ${thing}`) : "…");
  };
  return {
    workflow: lookup(workflows.data?.workflows, "workflow"),
    model: lookup(models.data?.models, "model"),
    segment: lookup(segments.data?.segments, "segment"),
  };
}
