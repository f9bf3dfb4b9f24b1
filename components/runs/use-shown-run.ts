"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useEditor, useEditorStore } from "@/components/canvas/editor-context";
import { runKeys, runQueries } from "@/lib/api/run-queries";
import { isActive } from "./format";

/**
 * The test run shown on the canvas (the editor store's `runUuid`), polled while it runs. Each
 * update is written to the store's `runExecutions`, so the canvas nodes show their status as the
 * run advances, and the run lists are refreshed once it finishes.
 *
 * RunPanel calls it; the editor may call it too (at its root) so statuses keep advancing while
 * the Runs tab is hidden: both read one query.
 */
export function useShownRun() {
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const runUuid = useEditor((state) => state.runUuid);
  const detail = useQuery({ ...runQueries.detail(runUuid ?? ""), enabled: runUuid !== null });
  const data = runUuid !== null && detail.data?.run.uuid === runUuid ? detail.data : undefined;

  useEffect(() => {
    if (data) store.getState().setRunExecutions(data.run.executions);
  }, [data, store]);

  const status = data?.run.status;
  const previous = useRef<{ uuid: string | null; status: typeof status }>({ uuid: null, status: undefined });
  useEffect(() => {
    const seen = previous.current;
    if (seen.uuid === runUuid && seen.status && isActive(seen.status) && status && !isActive(status)) {
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    }
    previous.current = { uuid: runUuid, status };
  }, [queryClient, runUuid, status]);

  return { runUuid, detail: data, error: runUuid !== null ? detail.error : null, isPending: runUuid !== null && detail.isPending };
}
