"use client";

import { Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { Conjonction, Filter, FilterCondition, FilterGroup, ModelColumn } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { newCondition } from "./conditions";
import { ConditionRow } from "./condition-row";
import { editFilter, editJson, incompleteCount, type FilterDraft } from "./filter-draft";

/**
 * Builds Cargo's filter JSON: groups joined by `conjonction` (and/or), each holding conditions
 * joined by its own. The JSON beside it is the same filter, editable: what parses applies, what
 * does not is explained and the last good filter stays.
 */
export function FilterBuilder({ columns, state, onChange }: { columns: ModelColumn[]; state: FilterDraft; onChange: (next: FilterDraft) => void }) {
  const jsonId = useId();
  const { draft } = state;
  const edit = (next: Filter) => onChange(editFilter(next));
  const editGroup = (index: number, group: FilterGroup) => edit({ ...draft, groups: draft.groups.map((g, i) => (i === index ? group : g)) });
  const firstColumn = columns[0];
  const addGroup = () => firstColumn && edit({ ...draft, groups: [...draft.groups, { conjonction: "and", conditions: [newCondition(firstColumn)] }] });
  const incomplete = incompleteCount(draft);

  return (
    <section aria-label="Filter" className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-4">
      <div className="min-w-0 space-y-3">
        {draft.groups.length === 0 && <p className="text-sm text-fg-muted">No conditions: every record matches.</p>}
        {draft.groups.map((group, groupIndex) => (
          <div key={groupIndex} className="space-y-3">
            {groupIndex > 0 && (
              <Joiner label="Join groups with" value={draft.conjonction} onChange={(conjonction) => edit({ ...draft, conjonction })} showSelect={groupIndex === 1} />
            )}
            <GroupEditor
              group={group}
              index={groupIndex}
              columns={columns}
              onChange={(next) => editGroup(groupIndex, next)}
              onRemove={() => edit({ ...draft, groups: draft.groups.filter((_, i) => i !== groupIndex) })}
            />
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" onClick={addGroup} disabled={!firstColumn}>
            <Plus aria-hidden className="size-4" />
            {draft.groups.length === 0 ? "Add condition" : "Add group"}
          </Button>
          {draft.groups.length > 0 && (
            <Button variant="ghost" size="sm" onClick={() => edit({ ...draft, groups: [] })}>
              Clear filter
            </Button>
          )}
          {incomplete > 0 && (
            <p role="status" className="text-sm text-fg-muted">
              {incomplete === 1 ? "1 condition has no value yet and is" : `${incomplete} conditions have no value yet and are`} not applied.
            </p>
          )}
        </div>
      </div>
      <div className="min-w-0 border-t border-border pt-4">
        <label htmlFor={jsonId} className="mb-1.5 block text-sm font-medium">
          Filter JSON
        </label>
        <textarea
          id={jsonId}
          value={state.json}
          onChange={(event) => onChange(editJson(state, event.target.value))}
          aria-invalid={state.jsonError ? true : undefined}
          aria-describedby={`${jsonId}-status`}
          spellCheck={false}
          rows={Math.min(10, Math.max(4, state.json.split("\n").length))}
          className={cn(
            "block w-full resize-y rounded-md border border-border bg-surface-muted/40 p-2.5 font-mono text-xs leading-relaxed",
            state.jsonError && "border-danger/60",
          )}
        />
        <p id={`${jsonId}-status`} aria-live="polite" className={cn("mt-1.5 text-xs", state.jsonError ? "text-danger" : "text-fg-muted")}>
          {state.jsonError ? `${state.jsonError}. The last valid filter still applies.` : "Cargo's filter syntax; edits apply as soon as they are valid."}
        </p>
      </div>
    </section>
  );
}

function GroupEditor({
  group,
  index,
  columns,
  onChange,
  onRemove,
}: {
  group: FilterGroup;
  index: number;
  columns: ModelColumn[];
  onChange: (group: FilterGroup) => void;
  onRemove: () => void;
}) {
  const name = `Group ${index + 1}`;
  const setCondition = (at: number, condition: FilterCondition) => onChange({ ...group, conditions: group.conditions.map((c, i) => (i === at ? condition : c)) });
  const removeCondition = (at: number) => onChange({ ...group, conditions: group.conditions.filter((_, i) => i !== at) });
  return (
    <fieldset className="space-y-2 rounded-md border border-border bg-surface-muted/30 p-3">
      <legend className="sr-only">{name}</legend>
      <div className="flex items-center justify-between gap-2">
        <span aria-hidden className="text-xs font-medium tracking-wide text-fg-muted uppercase">
          {name}
        </span>
        <button type="button" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`} className="rounded-md p-1 text-fg-muted hover:bg-surface-muted hover:text-fg">
          <Trash2 aria-hidden className="size-3.5" />
        </button>
      </div>
      {group.conditions.length === 0 && <p className="text-sm text-fg-muted">An empty group matches every record.</p>}
      {group.conditions.map((condition, at) => (
        <div key={at} className="space-y-2">
          {at > 0 && (
            <Joiner label={`Join conditions of ${name.toLowerCase()} with`} value={group.conjonction} onChange={(conjonction) => onChange({ ...group, conjonction })} showSelect={at === 1} />
          )}
          <ConditionRow
            condition={condition}
            columns={columns}
            label={`Condition ${at + 1} of ${name.toLowerCase()}`}
            onChange={(next) => setCondition(at, next)}
            onRemove={() => removeCondition(at)}
          />
        </div>
      ))}
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Add condition to ${name.toLowerCase()}`}
        onClick={() => columns[0] && onChange({ ...group, conditions: [...group.conditions, newCondition(columns[0])] })}
      >
        <Plus aria-hidden className="size-4" />
        Add condition
      </Button>
    </fieldset>
  );
}

/** The word between two parts: a select the first time (it sets the join of them all), plain text after. */
function Joiner({ label, value, onChange, showSelect }: { label: string; value: Conjonction; onChange: (value: Conjonction) => void; showSelect: boolean }) {
  if (!showSelect) return <p className="pl-1 text-xs font-medium text-fg-muted uppercase">{value}</p>;
  return (
    <Select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as Conjonction)} className="h-7 w-20 px-2 text-xs font-medium uppercase">
      <option value="and">and</option>
      <option value="or">or</option>
    </Select>
  );
}
