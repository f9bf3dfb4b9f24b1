"use client";

import { useEffect, useRef } from "react";
import { Workflow, type FormField, type WorkflowNode } from "@/lib/contract";
import { ApiError } from "@/lib/api/api-fetch";
import { useUpdateWorkflowMutation } from "@/lib/api/workflow-mutations";
import type { EditorStore } from "../editor-store";
import { createSaveQueue } from "./save-queue";

const SAVE_DELAY_MS = 800;

interface SaveRequest {
  revision: number;
  name: string;
  nodes: WorkflowNode[];
  formFields: FormField[];
  updatedAt: string;
}

/**
 * Saves the editor's workflow ~800 ms after the last change, one save at a time, and flushes on
 * leaving (unmount, tab close). A stale save (409 `workflowStale`) pauses saving and records the
 * server's version for the reload prompt; nothing is ever overwritten silently.
 */
export function useAutosave(store: EditorStore) {
  const { mutateAsync } = useUpdateWorkflowMutation();
  const put = useRef(mutateAsync);
  useEffect(() => {
    put.current = mutateAsync;
  });

  useEffect(() => {
    const queue = createSaveQueue<SaveRequest>({
      delayMs: SAVE_DELAY_MS,
      next: () => {
        const state = store.getState();
        if (state.staleWorkflow || state.revision <= state.savedRevision) return null;
        return { revision: state.revision, name: state.name, nodes: state.nodes, formFields: state.formFields, updatedAt: state.baseUpdatedAt };
      },
      save: async (request) => {
        const name = request.name.trim();
        try {
          const { workflow } = await put.current({
            uuid: store.getState().workflowUuid,
            ...(name && { name }),
            nodes: request.nodes,
            formFields: request.formFields,
            updatedAt: request.updatedAt,
          });
          store.getState().markSaved(request.revision, workflow.updatedAt);
        } catch (error) {
          const current = staleVersion(error);
          if (!current) throw error;
          store.getState().markStale(current, (error as Error).message);
        }
      },
      onSaving: () => store.getState().setSaveStatus("saving"),
      onIdle: () => store.getState().setSaveStatus("idle"),
      onFailed: (error) => store.getState().setSaveStatus("failed", error instanceof Error ? error.message : String(error)),
    });

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) queue.changed();
    });
    const save = () => queue.flush();
    store.getState().registerSaver(save);

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = store.getState();
      if (state.revision <= state.savedRevision) return;
      queue.flush().catch(() => {});
      // Asks the browser to confirm leaving while a save is still needed.
      event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);

    return () => {
      unsubscribe();
      window.removeEventListener("beforeunload", onBeforeUnload);
      store.getState().registerSaver(null);
      queue.dispose();
      // Leaving the editor (a route change) still saves what is pending.
      queue.flush().catch(() => {});
    };
  }, [store]);
}

/** The server's current workflow from a stale-write 409, if that is what `error` is. */
function staleVersion(error: unknown): Workflow | null {
  if (!(error instanceof ApiError) || error.reason !== "workflowStale") return null;
  const parsed = Workflow.safeParse((error.body as { workflow?: unknown } | undefined)?.workflow);
  return parsed.success ? parsed.data : null;
}
