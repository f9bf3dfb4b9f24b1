"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FilterBuilder } from "@/components/records/filter/filter-builder";
import { initialDraft, type FilterDraft } from "@/components/records/filter/filter-draft";
import { useDebouncedValue } from "@/components/records/use-debounced-value";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useUploadFileMutation } from "@/lib/api/file-mutations";
import { modelQueries } from "@/lib/api/model-queries";
import { recordQueries, segmentQueries } from "@/lib/api/segment-queries";
import type { Filter, WorkspaceFile } from "@/lib/contract";
import { parseLimit } from "./batch-source";

const counts = new Intl.NumberFormat("en-US");
const plural = (count: number, word: string) => `${counts.format(count)} ${word}${count === 1 ? "" : "s"}`;

/** A CSV uploaded as soon as it is chosen, so its rows (and the rows left out) are known before running. */
export function FileSource({ fileUuid, onChange, error }: { fileUuid: string | null; onChange: (fileUuid: string | null) => void; error?: string }) {
  const id = useId();
  const upload = useUploadFileMutation();
  const [file, setFile] = useState<WorkspaceFile | null>(null);

  const choose = (chosen: File | undefined) => {
    setFile(null);
    onChange(null);
    if (!chosen) return upload.reset();
    upload.mutate(chosen, {
      onSuccess: ({ file: uploaded }) => {
        setFile(uploaded);
        onChange(uploaded.rowsCount > 0 ? uploaded.uuid : null);
      },
    });
  };

  const uploaded = fileUuid ? file : null;
  const problem = upload.error
    ? `Could not upload the file: ${upload.error.message}`
    : file && file.rowsCount === 0
      ? "The file has no good rows to run on."
      : error;
  return (
    <Field
      id={id}
      label="CSV to upload"
      error={problem}
      hint={
        upload.isPending
          ? "Uploading…"
          : uploaded
            ? `${uploaded.name}: ${plural(uploaded.rowsCount, "record")}${uploaded.rowErrorsCount ? `, ${plural(uploaded.rowErrorsCount, "row")} left out` : ""}.`
            : "A header row, then one record per row. An id column names each record."
      }
    >
      {(props) => (
        <>
          <input
            {...props}
            data-autofocus
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => choose(event.target.files?.[0])}
            className="block w-full rounded-md border border-border bg-surface text-sm text-fg-muted file:mr-3 file:h-9 file:border-0 file:border-r file:border-border file:bg-surface-muted file:px-3 file:text-sm file:font-medium file:text-fg"
          />
          {uploaded && uploaded.rowErrors.length > 0 && (
            <ul aria-label="Rows left out" className="mt-2 max-h-28 list-disc space-y-0.5 overflow-y-auto pl-5 text-xs text-fg-muted">
              {uploaded.rowErrors.slice(0, 20).map((row) => (
                <li key={row.line}>
                  Line {row.line}: {row.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Field>
  );
}

function ModelField({ value, onChange, error }: { value: string; onChange: (modelUuid: string) => void; error?: string }) {
  const id = useId();
  const models = useQuery(modelQueries.list());
  const list = models.data?.models ?? [];
  return (
    <Field
      id={id}
      label="Model"
      error={error ?? (models.error ? `Could not load the models: ${models.error.message}` : undefined)}
      hint={models.isPending ? "Loading models…" : list.length === 0 ? "There is no model yet: add one under Models." : undefined}
    >
      {(props) => (
        <Select {...props} data-autofocus value={value} onChange={(event) => onChange(event.target.value)} disabled={models.isPending}>
          <option value="">Choose a model…</option>
          {list.map((model) => (
            <option key={model.uuid} value={model.uuid}>
              {model.name} ({plural(model.recordsCount, "record")})
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** Model, then one of its segments. A segment given alone (`?segmentUuid=`) brings its model. */
export function SegmentSource({
  modelUuid,
  segmentUuid,
  onChange,
  errors,
}: {
  modelUuid: string;
  segmentUuid: string;
  onChange: (patch: { modelUuid?: string; segmentUuid?: string }) => void;
  errors: { model?: string; segment?: string };
}) {
  const id = useId();
  const given = useQuery({ ...segmentQueries.detail(segmentUuid), enabled: Boolean(segmentUuid) && !modelUuid });
  const model = modelUuid || given.data?.segment.modelUuid || "";
  const segments = useQuery({ ...segmentQueries.list(model), enabled: Boolean(model) });
  const list = segments.data?.segments ?? [];

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ModelField value={model} onChange={(next) => onChange({ modelUuid: next, segmentUuid: "" })} error={errors.model} />
      <Field
        id={id}
        label="Segment"
        error={errors.segment ?? (segments.error ? `Could not load the segments: ${segments.error.message}` : undefined)}
        hint={!model ? "Choose a model first." : segments.isPending ? "Loading segments…" : list.length === 0 ? "This model has no segment: save a filter as one on its page." : undefined}
      >
        {(props) => (
          <Select {...props} value={segmentUuid} onChange={(event) => onChange({ modelUuid: model, segmentUuid: event.target.value })} disabled={!model || segments.isPending}>
            <option value="">Choose a segment…</option>
            {list.map((segment) => (
              <option key={segment.uuid} value={segment.uuid}>
                {segment.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}

/**
 * Model, then its filter in the records browser's builder (the JSON beside it editable as there),
 * the count of records that match, and at most how many to run on.
 */
export function FilterSource({
  modelUuid,
  filter,
  limitText,
  onChange,
  errors,
}: {
  modelUuid: string;
  filter: FilterDraft;
  limitText: string;
  onChange: (patch: { modelUuid?: string; filter?: FilterDraft; limitText?: string }) => void;
  errors: { model?: string; filter?: string; limit?: string };
}) {
  const id = useId();
  const model = useQuery({ ...modelQueries.detail(modelUuid), enabled: Boolean(modelUuid) });
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        {/* Another model has other columns: its filter starts empty. */}
        <ModelField value={modelUuid} onChange={(next) => onChange({ modelUuid: next, filter: initialDraft() })} error={errors.model} />
        <Field id={`${id}-limit`} label="Limit (optional)" error={errors.limit} hint="At most this many records.">
          {(props) => <TextInput {...props} inputMode="numeric" value={limitText} onChange={(event) => onChange({ limitText: event.target.value })} placeholder="All" />}
        </Field>
      </div>
      {model.data ? (
        <div className="flex flex-col gap-2">
          <FilterBuilder columns={model.data.model.columns} state={filter} onChange={(next) => onChange({ filter: next })} />
          {errors.filter ? (
            <p role="alert" className="text-xs text-danger">
              {errors.filter}
            </p>
          ) : (
            <MatchingCount modelUuid={modelUuid} recordsCount={model.data.model.recordsCount} filter={filter.applied} limitText={limitText} />
          )}
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-border p-4 text-sm text-fg-muted">
          {model.error ? `Could not load the model: ${model.error.message}` : modelUuid ? "Loading the model's columns…" : "Choose a model, then build the filter its records must match."}
        </p>
      )}
    </div>
  );
}

/** How many of the model's records the filter matches (and, under a limit, how many the batch takes). */
function MatchingCount({ modelUuid, recordsCount, filter, limitText }: { modelUuid: string; recordsCount: number; filter: Filter; limitText: string }) {
  // Typing a value asks the server once it rests, not per key.
  const settled = useDebouncedValue(filter, 300);
  const count = useQuery({ ...recordQueries.page({ modelUuid, filter: settled, sort: [], offset: 0, limit: 0 }), placeholderData: keepPreviousData });
  const limit = parseLimit(limitText);
  const matching = count.data?.count;
  const taken = matching !== undefined && limit.ok && limit.value !== undefined && limit.value < matching ? limit.value : undefined;
  return (
    <p role="status" aria-label="Matching records" aria-busy={count.isPlaceholderData || settled !== filter} className="text-sm text-fg-muted tabular-nums">
      {matching !== undefined
        ? `${counts.format(matching)} of ${plural(recordsCount, "record")} match${taken !== undefined ? `; the batch runs on the first ${counts.format(taken)}` : ""}.`
        : count.error
          ? `Could not count the matching records: ${count.error.message}`
          : "Counting the matching records…"}
    </p>
  );
}
