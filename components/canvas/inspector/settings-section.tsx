"use client";

import { useState } from "react";
import { inputClass } from "@/components/forms/input-class";
import type { NodeRetryPolicy, WorkflowNode } from "@/lib/contract";
import { cn } from "@/lib/utils";
import type { NodePatch } from "@/lib/workflow";
import { useEditor } from "../editor-context";
import { InspectorSection } from "./inspector-section";
import { DEFAULT_RETRY, parseRetry, retryDraft, type RetryDraft } from "./retry-policy";

/** What happens when the node fails: continue anyway, and retries before that (where it goes instead is under Next steps). */
export function SettingsSection({ node }: { node: WorkflowNode }) {
  const dispatch = useEditor((state) => state.dispatch);
  const update = (patch: NodePatch, coalesceKey?: string) => dispatch({ type: "updateNode", uuid: node.uuid, patch }, { coalesceKey });

  return (
    <InspectorSection id="inspector-settings" title="Settings">
      <Checkbox
        id="inspector-continue"
        label="Continue on failure"
        hint="When this node fails, the run goes on to its next node anyway."
        checked={node.fallbackOnFailure}
        onChange={(checked) => update({ fallbackOnFailure: checked })}
      />
      <Checkbox
        id="inspector-retry"
        label="Retry on failure"
        hint="Calls the action again, waiting longer each time."
        checked={node.retry !== undefined}
        onChange={(checked) => update({ retry: checked ? DEFAULT_RETRY : null })}
      />
      {node.retry && <RetryInputs key={node.uuid} policy={node.retry} onChange={(retry) => update({ retry }, `retry:${node.uuid}`)} />}
    </InspectorSection>
  );
}

const RETRY_FIELDS: Array<{ key: keyof RetryDraft; label: string; step: string; min: string; max?: string }> = [
  { key: "maximumAttempts", label: "Attempts", step: "1", min: "1", max: "100" },
  { key: "initialInterval", label: "Initial interval (ms)", step: "100", min: "0" },
  { key: "backoffCoefficient", label: "Backoff coefficient", step: "0.5", min: "1" },
];

/** The retry policy's numbers, kept as typed; only a valid policy is dispatched. */
function RetryInputs({ policy, onChange }: { policy: NodeRetryPolicy; onChange(policy: NodeRetryPolicy): void }) {
  const [draft, setDraft] = useState(() => retryDraft(policy));
  // Undo and redo replace what is typed with the policy they restore.
  const [seen, setSeen] = useState(policy);
  if (policy !== seen) {
    setSeen(policy);
    const parsed = parseRetry(draft);
    if (!("policy" in parsed) || JSON.stringify(parsed.policy) !== JSON.stringify(policy)) setDraft(retryDraft(policy));
  }
  const parsed = parseRetry(draft);
  const errors = "errors" in parsed ? parsed.errors : {};

  const change = (key: keyof RetryDraft, text: string) => {
    const next = { ...draft, [key]: text };
    setDraft(next);
    const result = parseRetry(next);
    if ("policy" in result) onChange(result.policy);
  };

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface-muted/40 p-3">
      {RETRY_FIELDS.map(({ key, label, step, min, max }) => (
        <div key={key} className="flex flex-col gap-1">
          <div className="flex items-center justify-between gap-3">
            <label htmlFor={`inspector-retry-${key}`} className="text-sm text-fg">
              {label}
            </label>
            <input
              id={`inspector-retry-${key}`}
              type="number"
              inputMode="decimal"
              step={step}
              min={min}
              max={max}
              className={cn(inputClass, "h-8 w-28 text-right tabular-nums")}
              value={draft[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? `inspector-retry-${key}-error` : undefined}
              onChange={(event) => change(key, event.target.value)}
            />
          </div>
          {errors[key] && (
            <p id={`inspector-retry-${key}-error`} className="text-right text-xs text-danger">
              {errors[key]}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}

function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
