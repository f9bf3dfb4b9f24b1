"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { FileQuestion } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useAutosave } from "@/components/canvas/autosave/use-autosave";
import { StaleDialog } from "@/components/canvas/autosave/stale-dialog";
import { CanvasIntegrationsProvider } from "@/components/canvas/canvas-integrations";
import { EditorProvider, useEditor, useEditorStore } from "@/components/canvas/editor-context";
import { createEditorStore } from "@/components/canvas/editor-store";
import { Palette } from "@/components/canvas/palette/palette";
import { SidePanel } from "@/components/canvas/side-panel";
import { EditorToolbar } from "@/components/canvas/toolbar/editor-toolbar";
import { useCanvasShortcuts } from "@/components/canvas/use-canvas-shortcuts";
import { useEditorCommands } from "@/components/canvas/use-editor-commands";
import { useLiveValidation } from "@/components/canvas/use-live-validation";
import { WorkflowCanvas } from "@/components/canvas/workflow-canvas";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { Workflow } from "@/lib/contract";
import { ApiError } from "@/lib/api/api-fetch";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { useValidationCatalog } from "./use-validation-catalog";

/**
 * The workflow editor: loads the workflow fresh from the server, then gives it one editor store
 * with the toolbar, palette, canvas and the Inspector / Problems / Runs panel around it.
 */
export function WorkflowEditor({ uuid }: { uuid: string }) {
  // Always the server's latest version on opening, never a cached copy that would go stale on the first save.
  const query = useQuery({ ...workflowQueries.detail(uuid), refetchOnMount: "always" });

  if (query.error) {
    return (
      <EditorFrame>
        <div className="mx-auto w-full max-w-xl p-8">
          {query.error instanceof ApiError && query.error.status === 404 ? (
            <EmptyState
              icon={<FileQuestion className="size-5" />}
              title="This workflow does not exist"
              action={<ButtonLink href="/workflows">Back to workflows</ButtonLink>}
            >
              It may have been deleted, or the link is wrong.
            </EmptyState>
          ) : (
            <QueryError title="Could not load the workflow" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          )}
        </div>
      </EditorFrame>
    );
  }
  if (!query.data || !query.isFetchedAfterMount) return <EditorSkeleton />;
  return <LoadedEditor key={uuid} workflow={query.data.workflow} />;
}

function LoadedEditor({ workflow }: { workflow: Workflow }) {
  const [store] = useState(() => createEditorStore(workflow));
  return (
    <ReactFlowProvider>
      <EditorProvider store={store}>
        <CanvasIntegrationsProvider>
          <EditorLayout />
        </CanvasIntegrationsProvider>
      </EditorProvider>
    </ReactFlowProvider>
  );
}

function EditorLayout() {
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const { catalog } = useValidationCatalog();
  useLiveValidation(catalog);
  useAutosave(store);
  const { commands, layingOut } = useEditorCommands();
  const [helpOpen, setHelpOpen] = useState(false);
  useCanvasShortcuts({ ...commands, help: () => setHelpOpen((open) => !open) });

  const workflowUuid = useEditor((state) => state.workflowUuid);
  const staleWorkflow = useEditor((state) => state.staleWorkflow);
  const staleMessage = useEditor((state) => state.staleMessage);
  const [keptEditing, setKeptEditing] = useState<Workflow | null>(null);

  const reload = () => {
    const server = store.getState().staleWorkflow;
    if (!server) return;
    store.getState().load(server);
    queryClient.setQueryData(workflowQueries.detail(server.uuid).queryKey, { workflow: server });
  };

  return (
    <EditorFrame>
      <EditorToolbar commands={commands} layingOut={layingOut} helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} onReload={reload} />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <section aria-label="Canvas" className="relative min-w-0 flex-1">
          <WorkflowCanvas catalog={catalog} />
        </section>
        <SidePanel workflowUuid={workflowUuid} />
      </div>
      <StaleDialog
        open={staleWorkflow !== null && staleWorkflow !== keptEditing}
        message={staleMessage ?? "Someone else saved this workflow since you opened it."}
        onReload={reload}
        onKeepEditing={() => setKeptEditing(staleWorkflow)}
      />
    </EditorFrame>
  );
}

/** The editor fills the app's content area edge to edge, under the header and beside the sidebar. */
function EditorFrame({ children }: { children: ReactNode }) {
  return <div className="fixed inset-x-0 top-14 bottom-0 z-10 flex flex-col bg-bg md:left-56">{children}</div>;
}

function EditorSkeleton() {
  return (
    <EditorFrame>
      <div aria-busy="true" aria-label="Loading the workflow" className="flex min-h-0 flex-1 flex-col">
        <div className="flex h-12 items-center gap-3 border-b border-border bg-surface px-3">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-5 w-56" />
          <Skeleton className="ml-auto h-7 w-64" />
        </div>
        <div className="flex min-h-0 flex-1">
          <div className="w-60 space-y-3 border-r border-border bg-surface p-3">
            <Skeleton className="h-9 w-full" />
            {Array.from({ length: 8 }, (_, index) => (
              <Skeleton key={index} className="h-8 w-full" />
            ))}
          </div>
          <div className="flex flex-1 flex-col items-center gap-16 pt-24">
            <Skeleton className="h-[72px] w-60 rounded-xl" />
            <Skeleton className="h-[72px] w-60 rounded-xl" />
            <Skeleton className="h-[72px] w-60 rounded-xl" />
          </div>
          <div className="w-80 border-l border-border bg-surface p-3">
            <Skeleton className="h-7 w-48" />
          </div>
        </div>
      </div>
    </EditorFrame>
  );
}
