"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useValidationCatalog } from "@/components/workflows/use-validation-catalog";
import { useUpdateWorkflowMutation } from "@/lib/api/workflow-mutations";
import { workflowQueries } from "@/lib/api/workflow-queries";
import type { Workflow } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { EditorProvider, useEditor, useEditorStore } from "@/components/canvas/editor-context";
import { createEditorStore } from "@/components/canvas/editor-store";
import { ProblemsPanel } from "@/components/canvas/problems";
import { useLiveValidation } from "@/components/canvas/use-live-validation";
import { InspectorPanel } from "@/components/canvas/inspector/inspector-panel";

/**
 * Test bench for the inspector and problems panel without the canvas (`/dev/editor?uuid=…`, and
 * `&run=<run uuid>` to complete from that run's outputs): a list of node buttons to select with
 * (Shift adds to the selection), the two panels, and Save.
 */
export function DevEditorHarness() {
  const params = useSearchParams();
  const uuid = params.get("uuid") ?? "";
  const runUuid = params.get("run");
  const workflow = useQuery({ ...workflowQueries.detail(uuid), enabled: uuid !== "" });
  if (!uuid) return <Alert title="No workflow">Open this page with ?uuid=&lt;workflow uuid&gt;.</Alert>;
  if (workflow.error) return <Alert title="Could not load the workflow">{workflow.error.message}</Alert>;
  if (!workflow.data) return <Skeleton className="h-96 w-full" />;
  return <Bench workflow={workflow.data.workflow} runUuid={runUuid} />;
}

function Bench({ workflow, runUuid }: { workflow: Workflow; runUuid: string | null }) {
  const [store] = useState(() => {
    const created = createEditorStore(workflow);
    if (runUuid) created.getState().showRun(runUuid);
    return created;
  });
  return (
    <ReactFlowProvider>
      <EditorProvider store={store}>
        <Layout />
      </EditorProvider>
    </ReactFlowProvider>
  );
}

function Layout() {
  const { catalog, error } = useValidationCatalog();
  useLiveValidation(catalog);
  return (
    <div className="flex flex-col gap-4">
      {error && <Alert title="Could not load the catalog">{error.message}</Alert>}
      <div className="grid grid-cols-[220px_minmax(0,1fr)_400px] items-start gap-4">
        <Card className="flex flex-col gap-3 p-3">
          <NodeButtons />
          <SaveButton />
        </Card>
        <Card className="max-h-[80vh] overflow-hidden">
          <ProblemsPanel />
        </Card>
        <Card className="flex h-[80vh] flex-col overflow-hidden">
          <InspectorPanel />
        </Card>
      </div>
    </div>
  );
}

function NodeButtons() {
  const nodes = useEditor((state) => state.nodes);
  const selected = useEditor((state) => state.selectedUuids);
  const select = useEditor((state) => state.select);
  return (
    <nav aria-label="Nodes" className="flex flex-col gap-1">
      {nodes.map((node) => (
        <button
          key={node.uuid}
          type="button"
          aria-pressed={selected.includes(node.uuid)}
          onClick={(event) => select(event.shiftKey ? [...selected.filter((uuid) => uuid !== node.uuid), node.uuid] : [node.uuid])}
          className={cn("rounded-md px-2.5 py-1.5 text-left text-sm hover:bg-surface-muted", selected.includes(node.uuid) && "bg-accent/10 text-accent")}
        >
          {node.name?.trim() || node.slug}
        </button>
      ))}
    </nav>
  );
}

function SaveButton() {
  const store = useEditorStore();
  const dirty = useEditor((state) => state.revision !== state.savedRevision);
  const save = useUpdateWorkflowMutation();
  const onSave = () => {
    const { workflowUuid, nodes, baseUpdatedAt, revision, markSaved } = store.getState();
    save.mutate({ uuid: workflowUuid, nodes, updatedAt: baseUpdatedAt }, { onSuccess: ({ workflow }) => markSaved(revision, workflow.updatedAt) });
  };
  return (
    <div className="flex flex-col gap-2 border-t border-border pt-3">
      <Button onClick={onSave} disabled={save.isPending}>
        Save
      </Button>
      <p role="status" data-testid="save-status" className="text-xs text-fg-muted">
        {save.error ? `Not saved: ${save.error.message}` : save.isPending ? "Saving…" : dirty ? "Unsaved changes" : "Saved"}
      </p>
    </div>
  );
}
