"use client";

import { useState } from "react";
import { useEditorStore } from "@/components/canvas/editor-context";
import type { EditorStore } from "@/components/canvas/editor-store";
import { useTestRunMutation } from "@/lib/api/run-mutations";

const SAVE_WAIT_MS = 5_000;

/**
 * Starts a test run of the saved workflow and shows it on the canvas. A run uses the workflow as
 * the server has it, so unsaved edits are given up to 5 s for the autosave to catch up first.
 */
export function useStartTestRun(workflowUuid: string) {
  const store = useEditorStore();
  const create = useTestRunMutation(workflowUuid);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  const start = async (data: Record<string, unknown>) => {
    create.reset();
    setSaveError(undefined);
    const { revision, savedRevision } = store.getState();
    if (revision !== savedRevision) setSaving(true);
    const saved = await savedWithin(store, SAVE_WAIT_MS);
    setSaving(false);
    if (store.getState().staleWorkflow) return setSaveError("Someone else saved this workflow since you opened it. Reload it before running.");
    if (!saved) return setSaveError("Your latest changes are not saved yet, and a run uses the saved workflow. Try again once they are.");
    create.mutate(data, {
      onSuccess: ({ run }) => {
        store.getState().showRun(run.uuid);
        store.getState().setRunExecutions(run.executions);
      },
    });
  };

  return { start, saving, starting: create.isPending, error: saveError ?? create.error?.message };
}

/** Resolves true once every edit is saved (`revision === savedRevision`), false after `timeoutMs` or when the workflow went stale. */
export function savedWithin(store: EditorStore, timeoutMs: number): Promise<boolean> {
  const saved = () => {
    const { revision, savedRevision, staleWorkflow } = store.getState();
    return revision === savedRevision && !staleWorkflow;
  };
  if (saved()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(saved());
    }, timeoutMs);
    const unsubscribe = store.subscribe((state) => {
      if (saved() || state.staleWorkflow) {
        clearTimeout(timer);
        unsubscribe();
        resolve(saved());
      }
    });
  });
}
