"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import { Field, textareaClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { ApiError } from "@/lib/api/api-fetch";
import { modelQueries } from "@/lib/api/model-queries";
import { segmentQueries } from "@/lib/api/segment-queries";
import { PLAY_HEALTH_WINDOW, type PlayChangeKind } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { CHANGE_KINDS, RUN_CREATION_RULES } from "./play-format";
import { problemField, type PlayFormValues } from "./play-form-values";

/**
 * The fields of a play, for Create and for Edit: name, model then one of its segments, the change
 * kinds, the run creation rule, a cron schedule and the health threshold. The server's problems
 * show under their fields, its message above the buttons. `workflowField` is Create's workflow select.
 */
export function PlayForm({
  initial,
  workflowField,
  submitLabel,
  pendingLabel,
  errorTitle,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: PlayFormValues;
  workflowField?: (field: { id: string; value: string; onChange: (workflowUuid: string, workflowName: string) => void; error?: string }) => ReactNode;
  submitLabel: string;
  pendingLabel: string;
  errorTitle: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (values: PlayFormValues) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof PlayFormValues>(key: K, value: PlayFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const models = useQuery(modelQueries.list());
  const segments = useQuery({ ...segmentQueries.list(values.modelUuid), enabled: values.modelUuid !== "" });
  const errors = fieldErrorsOf(error);

  const toggleKind = (kind: PlayChangeKind, on: boolean) =>
    set("changeKinds", on ? CHANGE_KINDS.map((each) => each.kind).filter((each) => each === kind || values.changeKinds.includes(each)) : values.changeKinds.filter((each) => each !== kind));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      {workflowField?.({
        id: `${id}-workflow`,
        value: values.workflowUuid,
        error: errors.workflowUuid,
        onChange: (workflowUuid, workflowName) => setValues((current) => ({ ...current, workflowUuid, name: current.name || workflowName })),
      })}
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        {(props) => <TextInput {...props} data-autofocus={workflowField ? undefined : true} value={values.name} onChange={(event) => set("name", event.target.value)} maxLength={120} required />}
      </Field>
      <Field id={`${id}-description`} label="Description" hint="Optional: what the play is for." error={errors.description}>
        {(props) => <textarea {...props} rows={2} className={cn(textareaClass, "font-sans text-sm")} value={values.description} onChange={(event) => set("description", event.target.value)} maxLength={2000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-model`} label="Model" error={errors.modelUuid}>
          {(props) => (
            <Select {...props} value={values.modelUuid} onChange={(event) => setValues((current) => ({ ...current, modelUuid: event.target.value, segmentUuid: "" }))} disabled={models.isPending} required>
              <option value="">{models.isPending ? "Loading…" : "Choose a model"}</option>
              {models.data?.models.map((model) => (
                <option key={model.uuid} value={model.uuid}>
                  {model.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id={`${id}-segment`}
          label="Segment"
          error={errors.segmentUuid ?? (segments.data?.segments.length === 0 ? "This model has no segment yet: create one from the model's page." : undefined)}
        >
          {(props) => (
            <Select {...props} value={values.segmentUuid} onChange={(event) => set("segmentUuid", event.target.value)} disabled={!values.modelUuid || segments.isPending} required>
              <option value="">{!values.modelUuid ? "Choose a model first" : segments.isPending ? "Loading…" : "Choose a segment"}</option>
              {segments.data?.segments.map((segment) => (
                <option key={segment.uuid} value={segment.uuid}>
                  {segment.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={errors.changeKinds ? `${id}-kinds-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium">Run when a record is</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {CHANGE_KINDS.map(({ kind, label, hint }) => (
            <label key={kind} className="inline-flex items-center gap-2 text-sm" title={hint}>
              <input type="checkbox" className="size-4 accent-accent" checked={values.changeKinds.includes(kind)} onChange={(event) => toggleKind(kind, event.target.checked)} />
              {label}
            </label>
          ))}
        </div>
        <FieldNote id={`${id}-kinds-error`} error={errors.changeKinds} hint="Added: enters the segment. Updated: changes inside it. Removed: leaves it." />
      </fieldset>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Run creation</legend>
        <div className="flex flex-col gap-1.5">
          {RUN_CREATION_RULES.map(({ rule, label, hint }) => (
            <label key={rule} className="flex items-start gap-2 text-sm">
              <input type="radio" name={`${id}-rule`} className="mt-0.5 size-4 accent-accent" checked={values.runCreationRule === rule} onChange={() => set("runCreationRule", rule)} />
              <span>
                {label} <span className="text-fg-muted">· {hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-cron`} label="Schedule (cron, optional)" hint={<><code className="font-mono">0 * * * *</code> — every hour, UTC. Each tick runs the whole segment.</>} error={errors.cron}>
          {(props) => <TextInput {...props} className="font-mono" value={values.cron} onChange={(event) => set("cron", event.target.value)} placeholder="0 * * * *" spellCheck={false} />}
        </Field>
        <Field
          id={`${id}-health`}
          label="Health threshold (%)"
          hint={`Pauses the play when more of its last ${PLAY_HEALTH_WINDOW} runs failed. Empty: never.`}
          error={errors.healthPercent}
        >
          {(props) => <TextInput {...props} type="number" inputMode="numeric" min={0} max={100} step={1} value={values.healthPercent} onChange={(event) => set("healthPercent", event.target.value)} />}
        </Field>
      </div>
      {error && <FormError title={errorTitle} error={error} />}
      <DialogActions>
        <Button variant="secondary" type="button" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" disabled={pending || (workflowField && !values.workflowUuid)}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}

function FieldNote({ id, error, hint }: { id: string; error?: string; hint: string }) {
  return (
    <p id={id} role={error ? "alert" : undefined} className={cn("mt-1.5 text-xs", error ? "text-danger" : "text-fg-muted")}>
      {error ?? hint}
    </p>
  );
}

/** The server's message (or, when every problem shows under its field, a pointer to them), and the problems no field shows. */
function FormError({ title, error }: { title: string; error: Error }) {
  const problems = error instanceof ApiError ? (error.problems ?? []) : [];
  const unplaced = problems.filter((problem) => !problemField(problem.path));
  // Problems under their fields are not repeated here: the server's message lists them all, as paths.
  const placedOnly = problems.length > 0 && unplaced.length === 0;
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-1 text-fg-muted">{placedOnly ? "Correct the fields marked above." : error.message}</p>
      {unplaced.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-fg-muted">
          {unplaced.map((problem, index) => (
            <li key={index}>
              <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function fieldErrorsOf(error: Error | null): Partial<Record<keyof PlayFormValues, string>> {
  const out: Partial<Record<keyof PlayFormValues, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const problem of error.problems ?? []) {
    const field = problemField(problem.path);
    if (field) out[field] ??= problem.message;
  }
  return out;
}
