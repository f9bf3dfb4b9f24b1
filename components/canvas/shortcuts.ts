/** Everything the canvas does from the keyboard. */
export type ShortcutAction =
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "selectAll"
  | "delete"
  | "deselect"
  | "fitView"
  | "zoomIn"
  | "zoomOut"
  | "autoLayout"
  | "help";

/** The list the "Keyboard shortcuts" help shows; `Mod` is ⌘ on a Mac and Ctrl elsewhere. */
export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; label: string; keys: string[][] }> = [
  { action: "undo", label: "Undo", keys: [["Mod", "Z"]] },
  { action: "redo", label: "Redo", keys: [["Mod", "Shift", "Z"], ["Ctrl", "Y"]] },
  { action: "copy", label: "Copy selected nodes", keys: [["Mod", "C"]] },
  { action: "paste", label: "Paste", keys: [["Mod", "V"]] },
  { action: "selectAll", label: "Select all nodes", keys: [["Mod", "A"]] },
  { action: "delete", label: "Delete selection", keys: [["Delete"], ["Backspace"]] },
  { action: "deselect", label: "Clear selection", keys: [["Esc"]] },
  { action: "fitView", label: "Fit view", keys: [["1"]] },
  { action: "zoomIn", label: "Zoom in", keys: [["+"]] },
  { action: "zoomOut", label: "Zoom out", keys: [["-"]] },
  { action: "autoLayout", label: "Auto layout", keys: [["Shift", "L"]] },
  { action: "help", label: "Show keyboard shortcuts", keys: [["?"]] },
];

type KeyEvent = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** The canvas action a key press means, if any. */
export function shortcutFor(event: KeyEvent): ShortcutAction | null {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  if (mod) {
    if (key === "z") return event.shiftKey ? "redo" : "undo";
    if (key === "y" && !event.shiftKey) return "redo";
    if (event.shiftKey) return null;
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "a") return "selectAll";
    return null;
  }
  switch (key) {
    case "Delete":
    case "Backspace":
      return "delete";
    case "Escape":
      return "deselect";
    case "1":
      return "fitView";
    case "+":
    case "=":
      return "zoomIn";
    case "-":
      return "zoomOut";
    case "?":
      return "help";
    case "l":
      return event.shiftKey ? "autoLayout" : null;
    default:
      return null;
  }
}

/** Whether key presses on this element belong to it (typing), not to the canvas. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='textbox'], [role='combobox']") !== null;
}

/**
 * Whether the focused element keeps a key press that means `action` to itself. Editable elements
 * keep every key, except that a select, which has no edit history of its own, lets undo and redo
 * through: a connection chosen from the keyboard is undone from the keyboard.
 */
export function targetOwnsShortcut(target: EventTarget | null, action: ShortcutAction): boolean {
  if (!isEditableTarget(target)) return false;
  return !((action === "undo" || action === "redo") && (target as Element).tagName === "SELECT");
}
