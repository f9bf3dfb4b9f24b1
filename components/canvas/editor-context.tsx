"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { EditorActions, EditorState, EditorStore } from "./editor-store";

const EditorContext = createContext<EditorStore | null>(null);

/** Provides one workflow's editor store to the canvas, palette, inspector and panels. */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The editor store itself, for event handlers that read state without subscribing. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditor must be used inside <EditorProvider>");
  return store;
}

/**
 * Subscribes to a slice of the editor state; re-renders only when the slice changes.
 * @example const nodes = useEditor((state) => state.nodes);
 */
export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorStore(), selector);
}
