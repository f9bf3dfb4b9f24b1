"use client";

import { useEffect, useRef } from "react";
import { shortcutFor, targetOwnsShortcut, type ShortcutAction } from "./shortcuts";

/**
 * Runs the canvas's keyboard shortcuts from anywhere in the editor, except while typing (inputs,
 * textareas, selects, editable text; a select lets undo and redo through) or inside a modal
 * dialog. Within an element marked `data-shortcuts="history"` (the side panel) only undo and redo
 * apply. Copy leaves selected text to the browser.
 */
export function useCanvasShortcuts(handlers: Record<ShortcutAction, () => void>) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      if (!action || targetOwnsShortcut(event.target, action)) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("dialog[open], [aria-modal='true']")) return;
      if (target?.closest("[data-shortcuts='history']") && action !== "undo" && action !== "redo") return;
      if (action === "copy" && !(window.getSelection()?.isCollapsed ?? true)) return;
      event.preventDefault();
      current.current[action]();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
