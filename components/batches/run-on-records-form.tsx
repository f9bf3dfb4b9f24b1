"use client";

import { useQuery } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent } from "react";
import { initialDraft } from "@/components/records/filter/filter-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, textareaClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ApiError } from "@/lib/api/api-fetch";
import { useCreateBatchMutation } from "@/lib/api/batch-mutations";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { cn } from "@/lib/utils";
import { batchDataOf, parsePastedRecords, SOURCE_LABELS, type DraftErrors, type SourceDraft, type SourceKind } from "./batch-source";
import { FileSource, FilterSource, SegmentSource } from "./source-fields";

const EXAMPLE = '[\n  { "id": "p1", "name": "Ada Lovelace", "email": "ada@example.com" }\n]';

/**
 * "Run on records": the records (pasted, a CSV file, a segment or a filter over a model) and,
 * when `workflowUuid` is not given, the workflow. Starting creates the batch and opens its page.
 * With `releaseUuid` (a tool's page) the batch runs that release of the workflow, not its draft.
 * `beforeStart` may hold the start back (the editor waits for its autosave) with a message.
 */
export function RunOnRecordsForm({
  workflowUuid,
  releaseUuid,
  initialWorkflowUuid = "",
  initialSegmentUuid,
  beforeStart,
  onCancel,
}: {
  workflowUuid?: string;
  releaseUuid?: string;
  initialWorkflowUuid?: string;
  initialSegmentUuid?: string;
  beforeStart?: () => Promise<string | undefined>;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const create = useCreateBatchMutation();
  const id = useId();
  const [chosenWorkflow, setChosenWorkflow] = useState(initialWorkflowUuid);
  const [draft, setDraft] = useState<SourceDraft>(() => ({
    kind: initialSegmentUuid ? "segment" : "records",
    pasted: "",
    fileUuid: null,
    modelUuid: "",
    segmentUuid: initialSegmentUuid ?? "",
    filter: initialDraft(),
    limitText: "",
  }));
  const [errors, setErrors] = useState<DraftErrors & { workflow?: string }>({});
  const [holding, setHolding] = useState<string>();
  const [checking, setChecking] = useState(false);
  // Once created, the form stays busy until the batch's page has replaced this one.
  const busy = checking || create.isPending || create.isSuccess;

  const change = (patch: Partial<SourceDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setErrors({});
    setHolding(undefined);
    create.reset();
  };
  const target = workflowUuid ?? chosenWorkflow;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const built = batchDataOf(draft);
    const workflowError = target ? undefined : "Choose the workflow to run.";
    if ("errors" in built || workflowError) {
      setErrors({ ...("errors" in built ? built.errors : {}), workflow: workflowError });
      return;
    }
    setChecking(true);
    const held = await beforeStart?.();
    setChecking(false);
    if (held) return setHolding(held);
    create.mutate({ workflowUuid: target, ...(releaseUuid && { releaseUuid }), data: built.data }, { onSuccess: ({ batch }) => router.push(`/batches/${batch.uuid}`) });
  };

  const pastedCount = useMemo(() => {
    const parsed = draft.pasted.trim() ? parsePastedRecords(draft.pasted) : null;
    return parsed?.ok ? parsed.value.length : null;
  }, [draft.pasted]);

  return (
    <form onSubmit={submit} noValidate aria-label="Run on records" className="flex flex-col gap-4">
      {!workflowUuid && <WorkflowField value={chosenWorkflow} onChange={setChosenWorkflow} error={errors.workflow} />}

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Records from</legend>
        <div className="grid grid-cols-2 gap-1 rounded-lg border border-border bg-surface-muted/50 p-1 sm:grid-cols-4">
          {(Object.keys(SOURCE_LABELS) as SourceKind[]).map((kind) => (
            <label
              key={kind}
              className={cn(
                "flex cursor-pointer items-center justify-center rounded-md px-2 py-1.5 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent/40",
                draft.kind === kind ? "bg-surface font-medium text-fg shadow-xs" : "text-fg-muted hover:text-fg",
              )}
            >
              <input type="radio" name={`${id}-source`} value={kind} checked={draft.kind === kind} onChange={() => change({ kind })} className="sr-only" />
              {SOURCE_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>

      {draft.kind === "records" && (
        <Field
          id={`${id}-pasted`}
          label="Records"
          error={errors.pasted}
          hint={
            pastedCount !== null
              ? `${pastedCount} record${pastedCount === 1 ? "" : "s"}: one run each.`
              : "A JSON array of objects, or CSV with a header row. A record's id field names it; name or title titles it."
          }
        >
          {(props) => (
            <textarea
              {...props}
              data-autofocus
              value={draft.pasted}
              onChange={(event) => change({ pasted: event.target.value })}
              placeholder={EXAMPLE}
              spellCheck={false}
              rows={8}
              className={cn(textareaClass, errors.pasted && "border-danger")}
            />
          )}
        </Field>
      )}
      {draft.kind === "file" && <FileSource fileUuid={draft.fileUuid} onChange={(fileUuid) => change({ fileUuid })} error={errors.file} />}
      {draft.kind === "segment" && (
        <SegmentSource
          modelUuid={draft.modelUuid}
          segmentUuid={draft.segmentUuid}
          onChange={(patch) => change(patch)}
          errors={{ model: errors.model, segment: errors.segment }}
        />
      )}
      {draft.kind === "filter" && (
        <FilterSource
          modelUuid={draft.modelUuid}
          filter={draft.filter}
          limitText={draft.limitText}
          onChange={(patch) => change(patch)}
          errors={{ model: errors.model, filter: errors.filter, limit: errors.limit }}
        />
      )}

      {holding && <Alert title="The batch did not start">{holding}</Alert>}
      {create.error && <CreateError error={create.error} />}

      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={busy}>
          <Play aria-hidden className="size-3.5" />
          {busy ? "Starting…" : draft.kind === "records" && pastedCount ? `Run on ${pastedCount} record${pastedCount === 1 ? "" : "s"}` : "Run batch"}
        </Button>
      </div>
    </form>
  );
}

function WorkflowField({ value, onChange, error }: { value: string; onChange: (uuid: string) => void; error?: string }) {
  const id = useId();
  const workflows = useQuery(workflowQueries.list());
  const list = workflows.data?.workflows ?? [];
  return (
    <Field
      id={id}
      label="Workflow"
      error={error ?? (workflows.error ? `Could not load the workflows: ${workflows.error.message}` : undefined)}
      hint={workflows.isPending ? "Loading workflows…" : list.length === 0 ? "There is no workflow yet: create one first." : undefined}
    >
      {(props) => (
        <Select {...props} data-autofocus value={value} onChange={(event) => onChange(event.target.value)} disabled={workflows.isPending}>
          <option value="">Choose a workflow…</option>
          {list.map((workflow) => (
            <option key={workflow.uuid} value={workflow.uuid}>
              {workflow.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The server's refusal, in the words that help: no records, an unknown source, a graph with problems. */
function CreateError({ error }: { error: Error }) {
  const reason = error instanceof ApiError ? error.reason : undefined;
  const title =
    reason === "noRecords"
      ? "There are no records to run on"
      : error instanceof ApiError && error.status === 422
        ? "The workflow has problems to fix first"
        : "The batch could not start";
  return <Alert title={title}>{error.message}</Alert>;
}
