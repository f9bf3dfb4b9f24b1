"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { EditorRunOnRecords } from "@/components/batches/editor-run-on-records";
import { RunPanel } from "@/components/runs/run-panel";
import type { ValidateNodesResponseBody } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { useEditor, useEditorStore } from "./editor-context";
import type { EditorPanel } from "./editor-store";
import { FormFieldsPanel } from "./form-fields/form-fields-panel";
import { InspectorPanel } from "./inspector/inspector-panel";
import { ProblemsPanel } from "./problems/problems-panel";

const TABS = ["inspector", "problems", "runs", "form"] as const satisfies readonly EditorPanel[];
type Tab = (typeof TABS)[number];

function problemCount(validation: ValidateNodesResponseBody | null): number {
  if (!validation) return 0;
  return (validation.outcome === "notValid" ? validation.invalidNodes.length : 0) + validation.warnings.length;
}

/**
 * The right-hand panel: Inspector, Problems (N), Runs and Form as tabs (arrow keys move between them).
 * Selecting a node brings the Inspector forward, except while a problem or a shown run is being
 * looked at, where the selection is part of that panel's work. Other parts of the editor bring a
 * tab forward through the store's `openPanel`.
 */
export function SidePanel({ workflowUuid }: { workflowUuid: string }) {
  const [tab, setTab] = useState<Tab>("inspector");
  const [mounted, setMounted] = useState<ReadonlySet<Tab>>(() => new Set(["inspector"]));
  const count = useEditor((state) => problemCount(state.validation));
  const store = useEditorStore();
  const idPrefix = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const panels = useRef<HTMLDivElement>(null);
  const current = useRef(tab);

  const show = useCallback((next: Tab) => {
    current.current = next;
    setTab(next);
    setMounted((previous) => (previous.has(next) ? previous : new Set([...previous, next])));
  }, []);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selectedUuids === previous.selectedUuids || state.selectedUuids.length === 0) return;
        const focusInPanel = panels.current?.contains(document.activeElement) ?? false;
        if (current.current === "problems" && focusInPanel) return;
        if (current.current === "runs" && state.runUuid) return;
        show("inspector");
      }),
    [store, show],
  );
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.panelRequest && state.panelRequest !== previous.panelRequest) show(state.panelRequest.panel);
      }),
    [store, show],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    show(target);
    tabRefs.current[target]?.focus();
  };

  const labels: Record<Tab, ReactNode> = {
    inspector: "Inspector",
    problems: (
      <>
        Problems
        <span className={cn("rounded-full px-1.5 text-[11px] leading-4 tabular-nums", count > 0 ? "bg-danger/10 text-danger" : "bg-surface-muted text-fg-muted")}>{count}</span>
      </>
    ),
    runs: "Runs",
    form: "Form",
  };
  const content: Record<Tab, ReactNode> = {
    inspector: <InspectorPanel />,
    problems: <ProblemsPanel />,
    runs: (
      <>
        <EditorRunOnRecords workflowUuid={workflowUuid} />
        <RunPanel workflowUuid={workflowUuid} />
      </>
    ),
    form: <FormFieldsPanel />,
  };

  return (
    <aside aria-label="Details" data-shortcuts="history" className="flex w-80 shrink-0 flex-col border-l border-border bg-surface">
      <div role="tablist" aria-label="Details" onKeyDown={onKeyDown} className="flex h-11 shrink-0 items-stretch gap-1 border-b border-border px-2">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${idPrefix}-panel-${name}`}
            aria-label={name === "problems" ? `Problems (${count})` : undefined}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => show(name)}
            className={cn(
              "relative flex items-center gap-1.5 px-2.5 text-sm transition-colors",
              tab === name ? "font-medium text-fg after:absolute after:inset-x-1 after:bottom-0 after:h-0.5 after:rounded-full after:bg-accent" : "text-fg-muted hover:text-fg",
            )}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <div ref={panels} className="flex min-h-0 flex-1 flex-col">
        {TABS.map((name) => (
          <div
            key={name}
            role="tabpanel"
            id={`${idPrefix}-panel-${name}`}
            aria-labelledby={`${idPrefix}-tab-${name}`}
            hidden={tab !== name}
            className="min-h-0 flex-1 overflow-y-auto"
          >
            {/* A panel mounts the first time it is shown and then stays, keeping its state. */}
            {mounted.has(name) && content[name]}
          </div>
        ))}
      </div>
    </aside>
  );
}
