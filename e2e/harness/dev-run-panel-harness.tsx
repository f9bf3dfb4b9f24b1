"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { EditorProvider, useEditor, useEditorStore } from "@/components/canvas/editor-context";
import { createEditorStore } from "@/components/canvas/editor-store";
import { useValidationCatalog } from "@/components/workflows/use-validation-catalog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { workflowQueries } from "@/lib/api/workflow-queries";
import type { Workflow } from "@/lib/contract";
import { validateNodes } from "@/lib/workflow";
import { cn } from "@/lib/utils";
import { RunPanel } from "@/components/runs/run-panel";
import { RunStatusBadge } from "@/components/runs/run-status-badge";

/**
 * Test bench for the RunPanel (`/dev/run-panel?uuid=`): one workflow in an editor store, live
 * validation with the workspace's catalog, a plain node list standing in for the canvas (select a
 * node, see its run status) and the panel itself.
 */
export function DevRunPanelHarness() {
  const uuid = useSearchParams().get("uuid") ?? "";
  const workflow = useQuery({ ...workflowQueries.detail(uuid), enabled: uuid !== "" });
  if (!uuid) return <Alert title="No workflow">Open this page with ?uuid=&lt;workflow uuid&gt;.</Alert>;
  if (workflow.isPending) return <Skeleton className="h-64" />;
  if (workflow.error) return <Alert title="Could not load the workflow">{workflow.error.message}</Alert>;
  return <HarnessEditor key={workflow.data.workflow.uuid} workflow={workflow.data.workflow} />;
}

function HarnessEditor({ workflow }: { workflow: Workflow }) {
  const [store] = useState(() => createEditorStore(workflow));
  const [problemsShown, setProblemsShown] = useState(false);
  return (
    <EditorProvider store={store}>
      <LiveValidation />
      <div className="grid items-start gap-4 md:grid-cols-[1fr_380px]">
        <div className="flex flex-col gap-4">
          <NodeList />
          <UnsavedEditButton />
          {problemsShown && <p role="status">The Problems tab would open here.</p>}
        </div>
        <aside aria-label="Side panel" className="rounded-lg border border-border bg-surface shadow-xs">
          <div className="border-b border-border px-4 py-2.5 text-sm font-medium">Runs</div>
          <RunPanel workflowUuid={workflow.uuid} onShowProblems={() => setProblemsShown(true)} />
        </aside>
      </div>
    </EditorProvider>
  );
}

/** The real browser validation, as the editor runs it, written to the store. */
function LiveValidation() {
  const { catalog } = useValidationCatalog();
  const nodes = useEditor((state) => state.nodes);
  const store = useEditorStore();
  useEffect(() => {
    if (catalog) store.getState().setValidation(validateNodes(nodes, catalog));
  }, [catalog, nodes, store]);
  return null;
}

function NodeList() {
  const nodes = useEditor((state) => state.nodes);
  const selected = useEditor((state) => state.selectedUuids);
  const executions = useEditor((state) => state.runExecutions);
  const select = useEditor((state) => state.select);
  return (
    <ul aria-label="Nodes" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {nodes.map((node) => {
        const execution = executions[node.uuid];
        const isSelected = selected.includes(node.uuid);
        return (
          <li key={node.uuid} aria-label={node.slug} data-run-status={execution?.status ?? "none"}>
            <button
              type="button"
              aria-pressed={isSelected}
              onClick={() => select(isSelected ? [] : [node.uuid])}
              className={cn("flex w-full items-center gap-3 px-4 py-3 text-left text-sm", isSelected && "bg-accent/10")}
            >
              <code className="font-mono">{node.slug}</code>
              <span className="text-fg-muted">{node.kind === "connector" ? `${node.integrationSlug} · ${node.actionSlug}` : node.actionSlug}</span>
              <span className="ml-auto">{execution && <RunStatusBadge status={execution.status} />}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Makes an edit that "autosaves" 1.5 s later, to watch Run wait for the save. */
function UnsavedEditButton() {
  const store = useEditorStore();
  const unsaved = useEditor((state) => state.revision !== state.savedRevision);
  const edit = () => {
    const { name, rename } = store.getState();
    rename(name);
    const { revision, baseUpdatedAt } = store.getState();
    setTimeout(() => store.getState().markSaved(revision, baseUpdatedAt), 1500);
  };
  return (
    <div className="flex items-center gap-3 text-sm">
      <Button variant="secondary" size="sm" onClick={edit}>
        Make an unsaved edit
      </Button>
      <span className="text-fg-muted">{unsaved ? "Unsaved changes" : "All changes saved"}</span>
    </div>
  );
}
