"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleDot, History, Rocket } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { DeployDialog } from "@/components/releases/deploy-dialog";
import { ReleaseHistoryDialog } from "@/components/releases/release-history-dialog";
import { deployStatus, deployStatusText, nextVersion } from "@/components/releases/release-status";
import { savedWithin } from "@/components/runs/use-start-test-run";
import { Button } from "@/components/ui/button";
import type { Release } from "@/lib/contract";
import { releaseQueries } from "@/lib/api/release-queries";
import { cn } from "@/lib/utils";
import { useEditor, useEditorStore } from "../editor-context";

const SAVE_WAIT_MS = 5_000;

/**
 * The toolbar's deploy status ("Not deployed", "Deployed 1.0.2 · draft differs"), which opens the
 * release history, and the Deploy button. The status compares the graph being edited with the
 * deployed release as you edit; moving nodes does not make the draft differ.
 */
export function ReleaseControls() {
  const store = useEditorStore();
  const workflowUuid = useEditor((state) => state.workflowUuid);
  // Deferred: a diff of a large graph never holds up typing in the inspector.
  const nodes = useDeferredValue(useEditor((state) => state.nodes));
  const formFields = useDeferredValue(useEditor((state) => state.formFields));
  const releases = useQuery(releaseQueries.list(workflowUuid));
  const [dialog, setDialog] = useState<"deploy" | "history" | null>(null);

  const status = useMemo(() => releases.data && deployStatus(releases.data.releases, nodes, formFields), [releases.data, nodes, formFields]);
  const text = releases.error ? "Deploy status unknown" : status ? deployStatusText(status) : "Checking releases…";

  // A deploy takes the saved draft: pending edits are saved first (given a few seconds).
  const prepare = async () => {
    store.getState().flushSave().catch(() => {});
    const saved = await savedWithin(store, SAVE_WAIT_MS);
    if (store.getState().staleWorkflow) return "Someone else saved this workflow since you opened it. Reload it before deploying.";
    if (!saved) return "Your latest changes are not saved yet, and a deploy takes the saved draft. Try again once they are.";
    return null;
  };
  const deployed = (release: Release, verb: string) => {
    setDialog(null);
    store.getState().notify(`${verb} ${release.version}`);
  };

  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        data-testid="deploy-status"
        data-state={status?.kind === "deployed" ? (status.differs ? "differs" : "deployed") : (status?.kind ?? "unknown")}
        aria-haspopup="dialog"
        title={releases.error ? releases.error.message : "Release history"}
        onClick={() => setDialog("history")}
        className="inline-flex h-8 max-w-[18rem] items-center gap-1.5 rounded-md px-2 text-xs whitespace-nowrap text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg"
      >
        {status?.kind === "deployed" ? (
          <CircleDot aria-hidden className={cn("size-3.5 shrink-0", status.differs ? "text-amber-600 dark:text-amber-400" : "text-success")} />
        ) : (
          <History aria-hidden className="size-3.5 shrink-0" />
        )}
        <span className="truncate">{text}</span>
        <span className="sr-only">: release history</span>
      </button>
      <Button size="sm" onClick={() => setDialog("deploy")} disabled={!releases.data}>
        <Rocket aria-hidden className="size-3.5" />
        Deploy
      </Button>
      <DeployDialog
        open={dialog === "deploy"}
        onClose={() => setDialog(null)}
        workflowUuid={workflowUuid}
        nextVersion={nextVersion(releases.data?.releases ?? [])}
        prepare={prepare}
        onDeployed={(release) => deployed(release, "Deployed")}
        onShowProblems={() => {
          setDialog(null);
          store.getState().openPanel("problems");
        }}
      />
      <ReleaseHistoryDialog
        open={dialog === "history"}
        onClose={() => setDialog(null)}
        workflowUuid={workflowUuid}
        draftNodes={nodes}
        draftFormFields={formFields}
        onRolledBack={(release) => store.getState().notify(`Rolled back: deployed ${release.version}`)}
      />
    </div>
  );
}
