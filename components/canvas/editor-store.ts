import { createStore } from "zustand/vanilla";
import type { Execution, FormField, ValidateNodesResponseBody, Workflow, WorkflowNode } from "@/lib/contract";
import { apply, type WorkflowOperation } from "@/lib/workflow";

const HISTORY_LIMIT = 200;

/** The side panel's tabs, which other parts of the editor may bring forward (`openPanel`). */
export type EditorPanel = "inspector" | "problems" | "runs" | "form";

/** The editor's state: the graph being edited (domain nodes), selection, history and save status. */
export interface EditorState {
  workflowUuid: string;
  name: string;
  nodes: WorkflowNode[];
  /** The draft of the tool's form (what a run from a deployed release asks for); saved with the nodes. */
  formFields: FormField[];
  /** The server's `updatedAt` of the version the edits are based on (sent with the next save). */
  baseUpdatedAt: string;
  /** Bumped by every change to name, nodes or form fields; compared with `savedRevision` to know what is unsaved. */
  revision: number;
  savedRevision: number;
  selectedUuids: string[];
  /** Selected canvas edges (`<source uuid>-><handle>` ids, as `lib/workflow/to-canvas` makes them). */
  selectedEdgeIds: string[];
  past: WorkflowNode[][];
  future: WorkflowNode[][];
  clipboard: WorkflowNode[];
  /** The test run shown on the canvas (node statuses), if any. */
  runUuid: string | null;
  /** Set when a save was refused because someone else saved first; the UI offers a reload. */
  staleWorkflow: Workflow | null;
  /** The latest live validation of `nodes` (null until the first one finishes). */
  validation: ValidateNodesResponseBody | null;
  /** The shown test run's executions by node uuid, for the status on each canvas node. */
  runExecutions: Record<string, Execution>;
  /** Autosave: a save in flight, or the last one failed (`saveError` says why). */
  saveStatus: "idle" | "saving" | "failed";
  saveError: string | null;
  /** The server's message when a save was refused as stale. */
  staleMessage: string | null;
  /** A short message for the user about an edit that could not be made ("The start node can't be deleted"). */
  notice: { id: number; message: string } | null;
  /** The side panel tab last asked for (the deploy dialog's "Show problems"); `id` makes a repeat ask a change. */
  panelRequest: { id: number; panel: EditorPanel } | null;
}

export interface EditorActions {
  /**
   * Applies one `lib/workflow` operation and records it for undo. Consecutive operations with the
   * same `coalesceKey` (typing in one field, nudging one node) make one undo step.
   */
  dispatch(operation: WorkflowOperation, options?: { coalesceKey?: string; select?: string[] }): void;
  undo(): void;
  redo(): void;
  select(uuids: string[]): void;
  selectEdges(edgeIds: string[]): void;
  rename(name: string): void;
  /** Replaces the form fields (only valid ones: the autosave sends them as they are). */
  setFormFields(formFields: FormField[]): void;
  copySelection(): void;
  /** Pastes the clipboard with fresh uuids and slugs, offset from the originals, and selects the copies. */
  paste(newUuid?: () => string): void;
  /** Marks a save done: the revision it saved and the server's new `updatedAt`. */
  markSaved(revision: number, updatedAt: string): void;
  markStale(current: Workflow, message?: string): void;
  setSaveStatus(status: EditorState["saveStatus"], error?: string | null): void;
  /** Lets the autosave register how to save now; `flushSave` calls it (before a run, say). */
  registerSaver(saver: (() => Promise<void>) | null): void;
  /** Shows a short message on the canvas (null hides it). */
  notify(message: string | null): void;
  /** Brings a side panel tab forward. */
  openPanel(panel: EditorPanel): void;
  /** Saves pending changes now; resolves once saved (or at once when there is nothing to save or no saver). */
  flushSave(): Promise<void>;
  /** Replaces everything with the server's version (after a stale-write reload); history is cleared. */
  load(workflow: Workflow): void;
  showRun(runUuid: string | null): void;
  setValidation(validation: ValidateNodesResponseBody): void;
  setRunExecutions(executions: Execution[]): void;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** One store per open workflow; components read it through `useEditor` (editor-context.tsx). */
export function createEditorStore(workflow: Workflow) {
  let lastCoalesceKey: string | undefined;
  let saver: (() => Promise<void>) | null = null;
  return createStore<EditorState & EditorActions>()((set, get) => ({
    ...initialState(workflow),

    dispatch(operation, options = {}) {
      const { nodes, past, revision } = get();
      const next = apply(nodes, operation);
      const coalesce = options.coalesceKey !== undefined && options.coalesceKey === lastCoalesceKey;
      lastCoalesceKey = options.coalesceKey;
      set({
        nodes: next,
        past: coalesce ? past : [...past, nodes].slice(-HISTORY_LIMIT),
        future: [],
        revision: revision + 1,
        ...(options.select && { selectedUuids: options.select }),
      });
    },

    undo() {
      const { nodes, past, future, revision, selectedUuids } = get();
      const previous = past.at(-1);
      if (!previous) return;
      lastCoalesceKey = undefined;
      const present = new Set(previous.map((node) => node.uuid));
      set({ nodes: previous, past: past.slice(0, -1), future: [nodes, ...future], revision: revision + 1, selectedUuids: selectedUuids.filter((uuid) => present.has(uuid)) });
    },

    redo() {
      const { nodes, past, future, revision, selectedUuids } = get();
      const next = future[0];
      if (!next) return;
      lastCoalesceKey = undefined;
      const present = new Set(next.map((node) => node.uuid));
      set({ nodes: next, past: [...past, nodes], future: future.slice(1), revision: revision + 1, selectedUuids: selectedUuids.filter((uuid) => present.has(uuid)) });
    },

    select(uuids) {
      const current = get().selectedUuids;
      if (current.length === uuids.length && current.every((uuid, index) => uuid === uuids[index])) return;
      set({ selectedUuids: uuids });
    },

    selectEdges(edgeIds) {
      const current = get().selectedEdgeIds;
      if (current.length === edgeIds.length && current.every((id, index) => id === edgeIds[index])) return;
      set({ selectedEdgeIds: edgeIds });
    },

    rename(name) {
      set({ name, revision: get().revision + 1 });
    },

    setFormFields(formFields) {
      set({ formFields, revision: get().revision + 1 });
    },

    copySelection() {
      const { nodes, selectedUuids } = get();
      const selected = new Set(selectedUuids);
      // The start node is unique per graph: it is never copied.
      const copied = nodes.filter((node) => selected.has(node.uuid) && !(node.kind === "native" && node.actionSlug === "start"));
      if (copied.length > 0) set({ clipboard: structuredClone(copied) });
    },

    paste(newUuid = () => crypto.randomUUID()) {
      const { clipboard, nodes } = get();
      if (clipboard.length === 0) return;
      const uuidMap = new Map(clipboard.map((node) => [node.uuid, newUuid()]));
      const taken = new Set(nodes.map((node) => node.slug));
      const copies = clipboard.map((node) => {
        const slug = freshSlug(node.slug, taken);
        taken.add(slug);
        return {
          ...structuredClone(node),
          uuid: uuidMap.get(node.uuid)!,
          slug,
          position: { x: node.position.x + 40, y: node.position.y + 40 },
          childrenUuids: node.childrenUuids.map((child) => (child && uuidMap.get(child)) ?? null),
          fallbackChildUuid: node.fallbackChildUuid ? (uuidMap.get(node.fallbackChildUuid) ?? null) : node.fallbackChildUuid,
        } as WorkflowNode;
      });
      get().dispatch({ type: "pasteNodes", nodes: copies }, { select: copies.map((node) => node.uuid) });
      // A second paste lands further along instead of on top of the first.
      set({ clipboard: copies });
    },

    markSaved(revision, updatedAt) {
      set({ savedRevision: Math.max(get().savedRevision, revision), baseUpdatedAt: updatedAt, staleWorkflow: null, staleMessage: null });
    },

    markStale(current, message) {
      set({ staleWorkflow: current, staleMessage: message ?? null, saveStatus: "idle", saveError: null });
    },

    setSaveStatus(saveStatus, saveError = null) {
      set({ saveStatus, saveError });
    },

    notify(message) {
      set({ notice: message === null ? null : { id: (get().notice?.id ?? 0) + 1, message } });
    },

    openPanel(panel) {
      set({ panelRequest: { id: (get().panelRequest?.id ?? 0) + 1, panel } });
    },

    registerSaver(next) {
      saver = next;
    },

    flushSave() {
      return saver ? saver() : Promise.resolve();
    },

    load(next) {
      lastCoalesceKey = undefined;
      set({ ...initialState(next), clipboard: get().clipboard });
    },

    showRun(runUuid) {
      set({ runUuid, runExecutions: {} });
    },

    setValidation(validation) {
      set({ validation });
    },

    setRunExecutions(executions) {
      set({ runExecutions: Object.fromEntries(executions.map((execution) => [execution.nodeUuid, execution])) });
    },
  }));
}

function initialState(workflow: Workflow): EditorState {
  return {
    workflowUuid: workflow.uuid,
    name: workflow.name,
    nodes: workflow.nodes,
    formFields: workflow.formFields ?? [],
    baseUpdatedAt: workflow.updatedAt,
    revision: 0,
    savedRevision: 0,
    selectedUuids: [],
    selectedEdgeIds: [],
    past: [],
    future: [],
    clipboard: [],
    runUuid: null,
    staleWorkflow: null,
    validation: null,
    runExecutions: {},
    saveStatus: "idle",
    saveError: null,
    staleMessage: null,
    notice: null,
    panelRequest: null,
  };
}

/** `slug`, or `slug_2`, `slug_3`… whichever is free. */
export function freshSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  const stem = slug.replace(/_\d+$/, "");
  for (let suffix = 2; ; suffix++) if (!taken.has(`${stem}_${suffix}`)) return `${stem}_${suffix}`;
}
