"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FormField } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { useEditorStore } from "../editor-context";
import { FORM_FIELD_KINDS, KIND_LABELS, fieldsOf, moveRow, rowProblems, rowsOf, sameFields, slugFromName, type FormFieldRow, type RowProblems } from "./form-field-rows";

const newKey = () => crypto.randomUUID();

const inputClass =
  "h-8 w-full min-w-0 rounded-md border border-border bg-surface px-2 text-sm text-fg placeholder:text-fg-muted/70 focus-visible:border-accent focus-visible:outline-none aria-[invalid=true]:border-danger";

/**
 * The tool's form: the fields a run from a deployed release asks for (slug, name, kind,
 * description, required), in order. Edits are saved with the workflow as soon as every field is
 * valid; until then the problems show beside the fields and nothing of the form is saved.
 */
export function FormFieldsPanel() {
  const store = useEditorStore();
  const [rows, setRows] = useState<FormFieldRow[]>(() => rowsOf(store.getState().formFields, newKey));
  const committed = useRef<FormField[]>(store.getState().formFields);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const problems = useMemo(() => rowProblems(rows), [rows]);

  // The form replaced from elsewhere (reloading after a stale save) starts the rows afresh.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.formFields === previous.formFields || state.formFields === committed.current) return;
        committed.current = state.formFields;
        setRows(rowsOf(state.formFields, newKey));
      }),
    [store],
  );

  const change = (next: FormFieldRow[]) => {
    setRows(next);
    const fields = fieldsOf(next);
    if (!fields || sameFields(fields, store.getState().formFields)) return;
    committed.current = fields;
    store.getState().setFormFields(fields);
  };
  const update = (key: string, patch: Partial<FormFieldRow>) => change(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    const row: FormFieldRow = { key: newKey(), slug: "", name: "", kind: "string", description: "", isRequired: false, slugEdited: false };
    setFocusKey(row.key);
    change([...rows, row]);
  };

  return (
    <section aria-label="Form fields" className="flex flex-col gap-3 p-4 text-sm">
      <div>
        <h3 className="text-sm font-semibold">Form fields</h3>
        <p className="mt-1 text-xs text-fg-muted">
          What the tool asks for before a run. Each answer reaches the workflow as <code className="font-mono">{"{{nodes.start.<slug>}}"}</code>.
        </p>
      </div>
      {rows.length === 0 && <p className="rounded-md border border-dashed border-border px-3 py-4 text-center text-xs text-fg-muted">No fields yet: a run starts with no input.</p>}
      {problems.size > 0 && (
        <p role="status" className="text-xs text-danger">
          The form is not saved until the fields marked below are fixed.
        </p>
      )}
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <FormFieldEditor
            key={row.key}
            row={row}
            index={index}
            count={rows.length}
            problems={problems.get(row.key)}
            autoFocus={focusKey === row.key}
            onChange={(patch) => update(row.key, patch)}
            onMove={(by) => change(moveRow(rows, index, by))}
            onRemove={() => change(rows.filter((other) => other.key !== row.key))}
          />
        ))}
      </ol>
      <Button variant="secondary" size="sm" onClick={add} disabled={rows.length >= 50} className="self-start">
        <Plus aria-hidden className="size-3.5" />
        Add field
      </Button>
    </section>
  );
}

function FormFieldEditor({
  row,
  index,
  count,
  problems = {},
  autoFocus,
  onChange,
  onMove,
  onRemove,
}: {
  row: FormFieldRow;
  index: number;
  count: number;
  problems?: RowProblems;
  autoFocus: boolean;
  onChange: (patch: Partial<FormFieldRow>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const label = row.name.trim() || row.slug || `field ${index + 1}`;
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus]);

  return (
    <li>
      <fieldset aria-label={`Field ${index + 1}`} className="rounded-lg border border-border bg-bg/40 p-2.5">
        <div className="mb-2 flex items-center justify-between gap-2">
          <span aria-hidden className="truncate text-xs font-medium text-fg-muted">
            {index + 1}. {label}
          </span>
          <div className="flex shrink-0 items-center">
            <IconButton label={`Move ${label} up`} onClick={() => onMove(-1)} disabled={index === 0} icon={ArrowUp} />
            <IconButton label={`Move ${label} down`} onClick={() => onMove(1)} disabled={index === count - 1} icon={ArrowDown} />
            <IconButton label={`Remove ${label}`} onClick={onRemove} icon={Trash2} danger />
          </div>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <LabelledInput id={`${id}-name`} label="Name" error={problems.name}>
            {(props) => (
              <input
                {...props}
                ref={nameRef}
                value={row.name}
                maxLength={120}
                placeholder="Work email"
                onChange={(event) => onChange({ name: event.target.value, ...(!row.slugEdited && { slug: slugFromName(event.target.value) }) })}
              />
            )}
          </LabelledInput>
          <LabelledInput id={`${id}-slug`} label="Slug" error={problems.slug}>
            {(props) => (
              <input
                {...props}
                value={row.slug}
                maxLength={64}
                spellCheck={false}
                autoComplete="off"
                placeholder="work_email"
                onChange={(event) => onChange({ slug: event.target.value.trim(), slugEdited: true })}
                className={cn(props.className, "font-mono text-xs")}
              />
            )}
          </LabelledInput>
          <LabelledInput id={`${id}-kind`} label="Kind">
            {(props) => (
              <select {...props} value={row.kind} onChange={(event) => onChange({ kind: event.target.value as FormFieldRow["kind"] })}>
                {FORM_FIELD_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </LabelledInput>
          <label className="flex items-end gap-2 pb-1.5 text-xs">
            <input type="checkbox" checked={row.isRequired} onChange={(event) => onChange({ isRequired: event.target.checked })} className="size-4 accent-accent" />
            Required
          </label>
          <div className="col-span-2">
            <LabelledInput id={`${id}-description`} label="Description" error={problems.description}>
              {(props) => <input {...props} value={row.description} maxLength={500} placeholder="Optional hint shown under the field" onChange={(event) => onChange({ description: event.target.value })} />}
            </LabelledInput>
          </div>
        </div>
      </fieldset>
    </li>
  );
}

function LabelledInput({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (props: { id: string; className: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium">
        {label}
      </label>
      {children({ id, className: inputClass, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function IconButton({ label, onClick, disabled, icon: Icon, danger }: { label: string; onClick: () => void; disabled?: boolean; icon: typeof Plus; danger?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={cn(
        "inline-flex size-7 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-surface-muted disabled:pointer-events-none disabled:opacity-30",
        danger ? "hover:text-danger" : "hover:text-fg",
      )}
    >
      <Icon aria-hidden className="size-3.5" />
    </button>
  );
}
