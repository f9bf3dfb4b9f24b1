"use client";

import { Info, X } from "lucide-react";
import { useEffect } from "react";
import { useEditor, useEditorStore } from "./editor-context";

const SHOW_MS = 4000;

/** The latest canvas notice ("The start node can't be deleted…"), announced politely and hidden after a few seconds. */
export function CanvasNotice() {
  const notice = useEditor((state) => state.notice);
  const store = useEditorStore();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (store.getState().notice?.id === notice.id) store.getState().notify(null);
    }, SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none flex justify-center">
      {notice && (
        <p className="pointer-events-auto flex max-w-md items-center gap-2 rounded-lg border border-border bg-fg px-3 py-2 text-sm text-bg shadow-lg">
          <Info aria-hidden className="size-4 shrink-0 opacity-80" />
          <span>{notice.message}</span>
          <button type="button" onClick={() => store.getState().notify(null)} aria-label="Dismiss" className="-mr-1 rounded p-0.5 opacity-70 hover:opacity-100">
            <X aria-hidden className="size-3.5" />
          </button>
        </p>
      )}
    </div>
  );
}
