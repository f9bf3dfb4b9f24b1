import { describe, expect, it, vi } from "vitest";
import type { Workflow } from "@/lib/contract";
import { makeNative } from "@/lib/workflow/testing/factories";
import { createEditorStore } from "./editor-store";

const workflow = (overrides: Partial<Workflow> = {}): Workflow => ({
  uuid: "00000000-0000-4000-8000-00000000000a",
  workspaceUuid: "00000000-0000-4000-8000-000000000001",
  name: "Flow",
  nodes: [makeNative("start", "start"), makeNative("end", "end")],
  formFields: [],
  deployedRelease: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

describe("editor store: persistence and canvas state", () => {
  it("records a stale save with the server's message; a save or a reload clears it", () => {
    const store = createEditorStore(workflow());
    const server = workflow({ name: "Theirs", updatedAt: "2026-01-02T00:00:00.000Z" });
    store.getState().setSaveStatus("saving");
    store.getState().markStale(server, "Changed by someone else");
    expect(store.getState()).toMatchObject({ staleWorkflow: server, staleMessage: "Changed by someone else", saveStatus: "idle" });
    store.getState().load(server);
    expect(store.getState()).toMatchObject({ staleWorkflow: null, staleMessage: null, name: "Theirs", revision: 0, savedRevision: 0 });
  });

  it("keeps the form fields as a saved change (not an undo step), and takes the server's on a reload", () => {
    const email = { slug: "email", name: "Email", kind: "string" as const, isRequired: true };
    const store = createEditorStore(workflow({ formFields: [email] }));
    expect(store.getState().formFields).toEqual([email]);
    store.getState().setFormFields([]);
    expect(store.getState()).toMatchObject({ formFields: [], revision: 1, past: [] });
    store.getState().load(workflow({ formFields: [email] }));
    expect(store.getState().formFields).toEqual([email]);
  });

  it("openPanel asks again for the same tab as a new request", () => {
    const store = createEditorStore(workflow());
    store.getState().openPanel("problems");
    const first = store.getState().panelRequest;
    store.getState().openPanel("problems");
    expect(first).toMatchObject({ panel: "problems" });
    expect(store.getState().panelRequest).not.toBe(first);
  });

  it("flushSave calls the registered saver, or resolves at once without one", async () => {
    const store = createEditorStore(workflow());
    await expect(store.getState().flushSave()).resolves.toBeUndefined();
    const saver = vi.fn(async () => {});
    store.getState().registerSaver(saver);
    await store.getState().flushSave();
    expect(saver).toHaveBeenCalledOnce();
    store.getState().registerSaver(null);
    await store.getState().flushSave();
    expect(saver).toHaveBeenCalledOnce();
  });

  it("keeps a failed save's reason until the next status", () => {
    const store = createEditorStore(workflow());
    store.getState().setSaveStatus("failed", "Could not reach the server.");
    expect(store.getState()).toMatchObject({ saveStatus: "failed", saveError: "Could not reach the server." });
    store.getState().setSaveStatus("saving");
    expect(store.getState()).toMatchObject({ saveStatus: "saving", saveError: null });
  });

  it("numbers notices so the same message twice still shows again", () => {
    const store = createEditorStore(workflow());
    store.getState().notify("No");
    const first = store.getState().notice!;
    store.getState().notify("No");
    expect(store.getState().notice).toEqual({ id: first.id + 1, message: "No" });
    store.getState().notify(null);
    expect(store.getState().notice).toBeNull();
  });

  it("selects edges apart from nodes and leaves state alone when nothing changes", () => {
    const store = createEditorStore(workflow());
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().selectEdges(["uuid-start->child-0"]);
    store.getState().selectEdges(["uuid-start->child-0"]);
    expect(store.getState().selectedEdgeIds).toEqual(["uuid-start->child-0"]);
    expect(store.getState().selectedUuids).toEqual([]);
    expect(listener).toHaveBeenCalledOnce();
  });
});
