"use client";

import { AlertTriangle, ExternalLink, Play, Square } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useEditor, useEditorStore } from "@/components/canvas/editor-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCancelRunsMutation } from "@/lib/api/run-mutations";
import type { InvalidNode } from "@/lib/contract";
import { elapsedMs, formatDuration, isActive, shortId } from "./format";
import { JsonBlock } from "./json-block";
import { NodeResult } from "./node-result";
import { RunHistory } from "./run-history";
import { defaultRunInput, loadRunInput, parseRunInput, saveRunInput, startFieldsUsed, startInputSchema } from "./run-input";
import { RunInputEditor, type RunInputMode } from "./run-input-editor";
import { RunStatusBadge } from "./run-status-badge";
import { useNow } from "./use-now";
import { useShownRun } from "./use-shown-run";
import { useStartTestRun } from "./use-start-test-run";

/**
 * The editor's "Runs" tab: test-run input for the start node, Run (blocked while the graph has
 * problems), the shown run's status and output, the selected node's result, and the history.
 * `onShowProblems`, when given, adds a button that opens the Problems tab.
 */
export function RunPanel({ workflowUuid, onShowProblems }: { workflowUuid: string; onShowProblems?: () => void }) {
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  const validation = useEditor((state) => state.validation);
  const selectedUuids = useEditor((state) => state.selectedUuids);
  const shown = useShownRun();
  const testRun = useStartTestRun(workflowUuid);
  const cancel = useCancelRunsMutation();

  const [text, setText] = useState(() => loadRunInput(workflowUuid) ?? defaultRunInput(nodes));
  const [mode, setMode] = useState<RunInputMode>("form");
  const parsed = useMemo(() => parseRunInput(text), [text]);
  const schema = useMemo(() => startInputSchema(nodes), [nodes]);
  const fieldsUsed = useMemo(() => startFieldsUsed(nodes), [nodes]);

  const problems = validation?.outcome === "notValid" ? validation.invalidNodes : [];
  const run = shown.detail?.run;
  const running = run !== undefined && isActive(run.status);
  const busy = testRun.saving || testRun.starting;
  const canRun = problems.length === 0 && parsed.ok && !busy && !running;
  const runLabel = testRun.saving ? "Saving…" : testRun.starting ? "Starting…" : running ? "Running…" : "Run";
  const selectedNode = selectedUuids.length === 1 ? nodes.find((node) => node.uuid === selectedUuids[0]) : undefined;

  const changeInput = (next: string) => {
    setText(next);
    if (parseRunInput(next).ok) saveRunInput(workflowUuid, next);
  };
  const startRun = () => {
    if (canRun && parsed.ok) void testRun.start(parsed.data);
  };
  const cancelButton = running && run && (
    <Button variant="secondary" onClick={() => cancel.mutate([run.uuid])} disabled={cancel.isPending}>
      <Square aria-hidden className="size-3.5" />
      {cancel.isPending ? "Cancelling…" : "Cancel"}
    </Button>
  );

  return (
    <div className="flex flex-col divide-y divide-border text-sm">
      <section aria-label="Test run" className="flex flex-col gap-3 p-4">
        <h3 className="text-sm font-semibold">Test run</h3>
        {problems.length > 0 && <BlockedMessage problems={problems} onShowProblems={onShowProblems} />}
        <RunInputEditor
          text={text}
          parsed={parsed}
          onChange={changeInput}
          schema={schema}
          fieldsUsed={fieldsUsed}
          disabled={!canRun}
          onSubmitForm={startRun}
          submitLabel={runLabel}
          mode={mode}
          onModeChange={setMode}
          formActions={cancelButton}
        />
        {!(schema && mode === "form") && (
          <div className="flex items-center gap-2">
            <Button onClick={startRun} disabled={!canRun}>
              <Play aria-hidden className="size-3.5" />
              {runLabel}
            </Button>
            {cancelButton}
          </div>
        )}
        {testRun.error && <Alert title="The run could not start">{testRun.error}</Alert>}
        {cancel.error && <Alert title="Could not cancel the run">{cancel.error.message}</Alert>}
      </section>

      {shown.runUuid && (
        <section aria-label="Shown run" className="flex flex-col gap-3 p-4">
          {shown.error ? (
            <Alert title="Could not load the run">{shown.error.message}</Alert>
          ) : !run ? (
            <p className="text-fg-muted">Loading the run…</p>
          ) : (
            <ShownRun run={run} onHide={() => store.getState().showRun(null)} />
          )}
        </section>
      )}

      {shown.detail && (
        <div className="p-4">
          {selectedNode ? (
            <NodeResult detail={shown.detail} node={selectedNode} />
          ) : (
            <p className="text-fg-muted">Select a node on the canvas to see its computed config, output, title, error and duration in this run.</p>
          )}
        </div>
      )}

      <div className="p-4">
        <RunHistory workflowUuid={workflowUuid} shownUuid={shown.runUuid} onShow={(uuid) => store.getState().showRun(uuid)} />
      </div>
    </div>
  );
}

function BlockedMessage({ problems, onShowProblems }: { problems: InvalidNode[]; onShowProblems?: () => void }) {
  // As the server words it: `slug (field path): message`.
  const listed = problems.slice(0, 2).map((problem) => `${problem.node.slug || "graph"}${problem.path ? ` (${problem.path})` : ""}: ${problem.message}`);
  const more = problems.length > listed.length ? "…" : "";
  return (
    <div role="status" className="flex gap-2.5 rounded-md border border-danger/30 bg-danger/5 p-3">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0">
        <p data-testid="run-blocked">
          Fix {problems.length} problem{problems.length === 1 ? "" : "s"} before running: {listed.join("; ")}
          {more}
        </p>
        {onShowProblems && (
          <button type="button" onClick={onShowProblems} className="mt-1 font-medium text-danger underline-offset-2 hover:underline">
            Show problems
          </button>
        )}
      </div>
    </div>
  );
}

function ShownRun({ run, onHide }: { run: NonNullable<ReturnType<typeof useShownRun>["detail"]>["run"]; onHide: () => void }) {
  const now = useNow(isActive(run.status));
  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Run <code className="font-mono text-xs font-normal text-fg-muted">{shortId(run.uuid)}</code>
        </h3>
        <div className="flex items-center gap-1">
          <Link
            href={`/runs/${run.uuid}`}
            className="inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs text-fg-muted hover:bg-surface-muted hover:text-fg"
          >
            Run page <ExternalLink aria-hidden className="size-3" />
          </Link>
          <button type="button" onClick={onHide} className="rounded px-1.5 py-1 text-xs text-fg-muted hover:bg-surface-muted hover:text-fg">
            Hide from canvas
          </button>
        </div>
      </div>
      <div className="flex items-center gap-3" data-testid="shown-run-status">
        <RunStatusBadge status={run.status} />
        <span className="text-fg-muted tabular-nums">{formatDuration(elapsedMs(run.createdAt, run.finishedAt, now))}</span>
        <span className="text-fg-muted">
          {run.executions.length} node{run.executions.length === 1 ? "" : "s"} run
        </span>
      </div>
      {run.errorMessage && (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger/5 p-2.5 text-danger">
          {run.errorMessage}
        </p>
      )}
      {run.output ? (
        <JsonBlock label="Workflow output" value={run.output} />
      ) : (
        !isActive(run.status) && <p className="text-fg-muted">No output: the run did not reach an end node.</p>
      )}
    </>
  );
}
