"use client";

import { useQuery } from "@tanstack/react-query";
import { runQueries } from "@/lib/api/run-queries";
import { useEditor } from "../editor-context";

/** The outputs (by node slug) of the test run shown in the editor, once loaded; undefined without one. */
export function useRunContext(): Record<string, unknown> | undefined {
  const runUuid = useEditor((state) => state.runUuid);
  const run = useQuery({ ...runQueries.detail(runUuid ?? ""), enabled: runUuid !== null });
  return runUuid ? run.data?.runContext : undefined;
}
