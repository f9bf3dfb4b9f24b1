"use client";

import { useEffect, useRef } from "react";
import type { ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { validateNodes, type ValidationCatalog } from "@/lib/workflow";
import { useEditorStore } from "./editor-context";
import type { ValidationReply, ValidationRequest } from "./validation.worker";

/** Where validations run: a Web Worker, or idle time on the main thread. Answers come through `onReply`. */
export interface ValidationBackend {
  setCatalog(catalog: ValidationCatalog): void;
  validate(sequence: number, nodes: WorkflowNode[]): void;
  dispose(): void;
}

type Reply = (reply: ValidationReply) => void;

/**
 * Live validation with at most one graph in flight: edits made meanwhile collapse into the latest
 * graph, sent once the running one answers, and an answer for anything but the latest graph is
 * dropped. A backend that fails (a worker that does not load) is replaced by the fallback.
 */
export class LiveValidator {
  private backend: ValidationBackend;
  private catalog: ValidationCatalog | undefined;
  private latest: { sequence: number; nodes: WorkflowNode[] } | undefined;
  private sequence = 0;
  private inFlight: number | undefined;

  constructor(
    createBackend: (onReply: Reply, onFailure: () => void) => ValidationBackend,
    private readonly createFallback: (onReply: Reply) => ValidationBackend,
    private readonly publish: (result: ValidateNodesResponseBody) => void,
  ) {
    this.backend = createBackend(this.onReply, this.onFailure);
  }

  setCatalog(catalog: ValidationCatalog): void {
    if (catalog === this.catalog) return;
    this.catalog = catalog;
    this.backend.setCatalog(catalog);
    if (this.latest) this.request(this.latest.nodes);
  }

  request(nodes: WorkflowNode[]): void {
    this.latest = { sequence: ++this.sequence, nodes };
    if (this.inFlight === undefined) this.sendLatest();
  }

  dispose(): void {
    this.backend.dispose();
    this.latest = undefined;
  }

  private sendLatest(): void {
    if (!this.latest || !this.catalog) return;
    this.inFlight = this.latest.sequence;
    this.backend.validate(this.latest.sequence, this.latest.nodes);
  }

  private readonly onReply = (reply: ValidationReply): void => {
    if (reply.sequence !== this.inFlight) return;
    this.inFlight = undefined;
    if (reply.sequence !== this.latest?.sequence) return this.sendLatest();
    if ("result" in reply) this.publish(reply.result);
  };

  private readonly onFailure = (): void => {
    this.backend.dispose();
    this.backend = this.createFallback(this.onReply);
    if (this.catalog) this.backend.setCatalog(this.catalog);
    this.inFlight = undefined;
    this.sendLatest();
  };
}

/** The worker backend (validation.worker.ts), or the main-thread one where Worker is unavailable. */
function createWorkerBackend(onReply: Reply, onFailure: () => void): ValidationBackend {
  if (typeof Worker === "undefined") return createIdleBackend(onReply);
  let worker: Worker;
  try {
    worker = new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return createIdleBackend(onReply);
  }
  const post = (request: ValidationRequest) => worker.postMessage(request);
  worker.onmessage = (event: MessageEvent<ValidationReply>) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure();
  };
  return {
    setCatalog: (catalog) => post({ type: "catalog", catalog }),
    validate: (sequence, nodes) => post({ type: "validate", sequence, nodes }),
    dispose: () => worker.terminate(),
  };
}

/** Validates on the main thread when it is idle (or on the next task where requestIdleCallback is missing). */
export function createIdleBackend(onReply: Reply): ValidationBackend {
  let catalog: ValidationCatalog | undefined;
  let cancel: (() => void) | undefined;
  return {
    setCatalog(next) {
      catalog = next;
    },
    validate(sequence, nodes) {
      const run = () => {
        cancel = undefined;
        try {
          onReply({ sequence, result: validateNodes(nodes, catalog!) });
        } catch (error) {
          onReply({ sequence, error: (error as Error).message });
        }
      };
      if (typeof requestIdleCallback === "function") {
        const handle = requestIdleCallback(run, { timeout: 250 });
        cancel = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(run, 0);
        cancel = () => clearTimeout(handle);
      }
    },
    dispose() {
      cancel?.();
    },
  };
}

/**
 * Whether two graphs differ only in where nodes sit, which validation ignores: dragging a node
 * then starts no validation per frame.
 */
export function onlyPositionsChanged(previous: readonly WorkflowNode[], next: readonly WorkflowNode[]): boolean {
  if (previous.length !== next.length) return false;
  return next.every((node, index) => {
    const before = previous[index]!;
    if (node === before) return true;
    const keys = Object.keys(node) as Array<keyof WorkflowNode>;
    if (keys.length !== Object.keys(before).length) return false;
    return keys.every((key) => key === "position" || node[key] === before[key]);
  });
}

/**
 * Validates the editor's nodes with `validateNodes` (the server's check) on every change of the
 * graph or the catalog, in a Web Worker, and writes the answer with `setValidation`. Call it once
 * per editor, inside `<EditorProvider>`.
 * @example const { catalog } = useValidationCatalog(); useLiveValidation(catalog);
 */
export function useLiveValidation(catalog: ValidationCatalog | undefined): void {
  const store = useEditorStore();
  const validatorRef = useRef<LiveValidator | null>(null);

  useEffect(() => {
    const validator = new LiveValidator(createWorkerBackend, createIdleBackend, (result) => store.getState().setValidation(result));
    validatorRef.current = validator;
    validator.request(store.getState().nodes);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.nodes !== previous.nodes && !onlyPositionsChanged(previous.nodes, state.nodes)) validator.request(state.nodes);
    });
    return () => {
      unsubscribe();
      validator.dispose();
      validatorRef.current = null;
    };
  }, [store]);

  useEffect(() => {
    if (catalog) validatorRef.current?.setCatalog(catalog);
  }, [catalog]);
}
