"use client";

import { X } from "lucide-react";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import type { FilterCondition, ModelColumn } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { conditionValues, operatorLabel, operatorsFor, valueArity, withColumn, withOperator, withValue, type Operator } from "./conditions";
import { isComplete } from "./filter-draft";

const PLACEHOLDERS: Partial<Record<FilterCondition["kind"], string>> = { number: "A number", date: "2024-01-31 or 3 months" };

/** One condition: its column, an operator that column's type allows, and the value(s) the operator takes. */
export function ConditionRow({
  condition,
  columns,
  label,
  onChange,
  onRemove,
}: {
  condition: FilterCondition;
  columns: ModelColumn[];
  /** `Condition 2 of group 1`: the row's accessible name, which tells its identically named fields apart. */
  label: string;
  onChange: (next: FilterCondition) => void;
  onRemove: () => void;
}) {
  const column = columns.find((c) => c.slug === condition.columnSlug);
  const type = column?.type ?? condition.kind;
  const values = conditionValues(condition);
  const arity = valueArity(condition.operator);
  const incomplete = !isComplete(condition);

  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <Select
        aria-label="Column"
        value={condition.columnSlug}
        onChange={(event) => onChange(withColumn(condition, columns.find((c) => c.slug === event.target.value)!))}
        className="w-44"
      >
        {!column && <option value={condition.columnSlug}>{condition.columnSlug} (not a column)</option>}
        {columns.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.label}
          </option>
        ))}
      </Select>
      <Select aria-label="Operator" value={condition.operator} onChange={(event) => onChange(withOperator(condition, event.target.value as Operator))} className="w-40">
        {operatorsFor(type).map((operator) => (
          <option key={operator} value={operator}>
            {operatorLabel(operator, type)}
          </option>
        ))}
      </Select>
      {arity > 0 && (
        <ValueInput label={arity === 2 ? "From" : "Value"} narrow={arity === 2} kind={condition.kind} value={values[0] ?? ""} invalid={incomplete} onChange={(text) => onChange(withValue(condition, 0, text))} />
      )}
      {arity === 2 && (
        <>
          <span aria-hidden className="text-sm text-fg-muted">
            and
          </span>
          <ValueInput label="To" narrow kind={condition.kind} value={values[1] ?? ""} invalid={incomplete} onChange={(text) => onChange(withValue(condition, 1, text))} />
        </>
      )}
      <button type="button" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`} className="rounded-md p-1.5 text-fg-muted hover:bg-surface-muted hover:text-fg">
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

function ValueInput({
  label,
  kind,
  value,
  invalid,
  narrow,
  onChange,
}: {
  label: string;
  kind: FilterCondition["kind"];
  value: string;
  invalid: boolean;
  /** Between's two inputs share the room of one. */
  narrow?: boolean;
  onChange: (text: string) => void;
}) {
  return (
    <TextInput
      aria-label={label}
      aria-invalid={invalid && value.trim() === "" ? true : undefined}
      inputMode={kind === "number" ? "decimal" : undefined}
      placeholder={PLACEHOLDERS[kind] ?? "Text"}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={cn("flex-none aria-invalid:border-danger/60", narrow ? "w-36" : "w-56")}
    />
  );
}
