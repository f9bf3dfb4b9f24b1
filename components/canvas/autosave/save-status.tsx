"use client";

import { CircleAlert, CircleCheck, CloudUpload, LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useEditor, useEditorStore } from "../editor-context";
import type { EditorState } from "../editor-store";

type SaveState = "saved" | "saving" | "unsaved" | "failed" | "stale";

function saveState(state: EditorState): SaveState {
  if (state.staleWorkflow) return "stale";
  if (state.saveStatus === "saving") return "saving";
  if (state.saveStatus === "failed" && state.revision > state.savedRevision) return "failed";
  return state.revision > state.savedRevision ? "unsaved" : "saved";
}

/** "Saved", "Saving…", "Unsaved changes" or why it is not saved, with Retry or Reload when they help. */
export function SaveStatus({ onReload }: { onReload: () => void }) {
  const state = useEditor(saveState);
  const error = useEditor((current) => current.saveError);
  const store = useEditorStore();
  const text = {
    saved: "Saved",
    saving: "Saving…",
    unsaved: "Unsaved changes",
    failed: `Not saved: ${error ?? "the save failed"}`,
    stale: "Not saved: changed elsewhere",
  }[state];
  const Icon = { saved: CircleCheck, saving: LoaderCircle, unsaved: CloudUpload, failed: CircleAlert, stale: CircleAlert }[state];

  return (
    <div className="flex min-w-0 items-center gap-2">
      <p
        role="status"
        data-testid="save-status"
        data-state={state}
        className={cn("flex min-w-0 items-center gap-1.5 text-xs whitespace-nowrap", state === "failed" || state === "stale" ? "text-danger" : "text-fg-muted")}
      >
        <Icon aria-hidden className={cn("size-3.5 shrink-0", state === "saving" && "animate-spin", state === "saved" && "text-success")} />
        <span className="truncate" title={text}>
          {text}
        </span>
      </p>
      {state === "failed" && (
        <Button variant="secondary" size="sm" className="h-7 px-2 text-xs" onClick={() => void store.getState().flushSave().catch(() => {})}>
          Retry
        </Button>
      )}
      {state === "stale" && (
        <Button variant="secondary" size="sm" className="h-7 px-2 text-xs" onClick={onReload}>
          Reload
        </Button>
      )}
    </div>
  );
}
