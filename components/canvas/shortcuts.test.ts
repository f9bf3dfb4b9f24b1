import { describe, expect, it } from "vitest";
import { shortcutFor, targetOwnsShortcut } from "./shortcuts";

const press = (key: string, modifiers: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe("shortcutFor", () => {
  it.each([
    ["z", { ctrlKey: true }, "undo"],
    ["z", { metaKey: true }, "undo"],
    ["Z", { ctrlKey: true, shiftKey: true }, "redo"],
    ["z", { metaKey: true, shiftKey: true }, "redo"],
    ["y", { ctrlKey: true }, "redo"],
    ["c", { ctrlKey: true }, "copy"],
    ["v", { metaKey: true }, "paste"],
    ["a", { ctrlKey: true }, "selectAll"],
    ["Delete", {}, "delete"],
    ["Backspace", {}, "delete"],
    ["Escape", {}, "deselect"],
    ["1", {}, "fitView"],
    ["+", { shiftKey: true }, "zoomIn"],
    ["-", {}, "zoomOut"],
    ["L", { shiftKey: true }, "autoLayout"],
    ["?", { shiftKey: true }, "help"],
  ] as const)("%s %o → %s", (key, modifiers, action) => {
    expect(press(key, modifiers)).toBe(action);
  });

  it.each([
    ["l", {}],
    ["x", { ctrlKey: true }],
    ["c", { ctrlKey: true, shiftKey: true }],
    ["z", { ctrlKey: true, altKey: true }],
    ["a", {}],
  ] as const)("ignores %s %o", (key, modifiers) => {
    expect(press(key, modifiers)).toBeNull();
  });
});

describe("targetOwnsShortcut", () => {
  const element = (tagName: string) => ({ tagName, isContentEditable: false, closest: (selector: string) => (selector.split(", ").includes(tagName.toLowerCase()) ? {} : null) }) as unknown as EventTarget;

  it("lets undo and redo through a select, and nothing else", () => {
    expect(targetOwnsShortcut(element("SELECT"), "undo")).toBe(false);
    expect(targetOwnsShortcut(element("SELECT"), "redo")).toBe(false);
    expect(targetOwnsShortcut(element("SELECT"), "delete")).toBe(true);
  });

  it("keeps every key in a text field and none on other elements", () => {
    expect(targetOwnsShortcut(element("INPUT"), "undo")).toBe(true);
    expect(targetOwnsShortcut(element("TEXTAREA"), "redo")).toBe(true);
    expect(targetOwnsShortcut(element("DIV"), "undo")).toBe(false);
    expect(targetOwnsShortcut(null, "undo")).toBe(false);
  });
});
