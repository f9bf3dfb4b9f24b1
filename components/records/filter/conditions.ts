import type { Filter, FilterCondition, ModelColumn } from "@/lib/contract";

/** The condition kinds of Cargo's filter syntax; `other` covers object, array, vector and any. */
type Family = "string" | "number" | "date" | "boolean" | "other";

export type Operator = FilterCondition["operator"];

const STRING_OPERATORS = ["is", "isNot", "contains", "doesNotContain", "startsWith", "endsWith", "isEmpty", "isNotEmpty", "isNull", "isNotNull"] as const;
const COMPARISON_OPERATORS = ["is", "isNot", "greaterThan", "lowerThan", "between", "isNull", "isNotNull"] as const;

const OPERATORS: Record<Family, readonly Operator[]> = {
  string: STRING_OPERATORS,
  number: COMPARISON_OPERATORS,
  date: COMPARISON_OPERATORS,
  boolean: ["isTrue", "isFalse", "isNull", "isNotNull"],
  other: ["isNull", "isNotNull"],
};

const LABELS: Record<Operator, string> = {
  is: "is",
  isNot: "is not",
  contains: "contains",
  doesNotContain: "does not contain",
  startsWith: "starts with",
  endsWith: "ends with",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
  isNull: "is null",
  isNotNull: "is not null",
  greaterThan: "greater than",
  lowerThan: "lower than",
  between: "between",
  isTrue: "is true",
  isFalse: "is false",
};

const DATE_LABELS: Partial<Record<Operator, string>> = { greaterThan: "after", lowerThan: "before" };

/** Operators that take no value. */
const PRESENCE: ReadonlySet<Operator> = new Set(["isEmpty", "isNotEmpty", "isNull", "isNotNull", "isTrue", "isFalse"]);

function family(kind: FilterCondition["kind"] | ModelColumn["type"]): Family {
  return kind === "string" || kind === "number" || kind === "date" || kind === "boolean" ? kind : "other";
}

/** The operators a column of this type offers, in menu order. */
export function operatorsFor(type: ModelColumn["type"]): readonly Operator[] {
  return OPERATORS[family(type)];
}

/** An operator as the menu says it: "does not contain"; for dates "after" and "before". */
export function operatorLabel(operator: Operator, type: ModelColumn["type"]): string {
  return (type === "date" && DATE_LABELS[operator]) || LABELS[operator];
}

/** How many value inputs an operator needs: none, one, or two (between). */
export function valueArity(operator: Operator): 0 | 1 | 2 {
  return PRESENCE.has(operator) ? 0 : operator === "between" ? 2 : 1;
}

/** A fresh condition on a column, with its type's most common operator and no value yet. */
export function newCondition(column: ModelColumn): FilterCondition {
  return withOperator({ kind: column.type, columnSlug: column.slug, operator: "isNotNull" } as FilterCondition, defaultOperator(column.type));
}

function defaultOperator(type: ModelColumn["type"]): Operator {
  const f = family(type);
  return f === "string" ? "contains" : f === "number" || f === "date" ? "is" : f === "boolean" ? "isTrue" : "isNotNull";
}

/** The text of a condition's value(s): `[value]`, `[firstValue, lastValue]`, or `[]`. */
export function conditionValues(condition: FilterCondition): string[] {
  if ("values" in condition) return [Array.isArray(condition.values) ? condition.values.join(", ") : condition.values];
  if ("value" in condition) return [String(condition.value)];
  if ("firstValue" in condition) return [String(condition.firstValue), String(condition.lastValue)];
  return [];
}

/** The condition with another operator, keeping what it can of the value. */
export function withOperator(condition: FilterCondition, operator: Operator): FilterCondition {
  const base = { kind: condition.kind, columnSlug: condition.columnSlug, operator };
  const [first = "", second = ""] = conditionValues(condition);
  const arity = valueArity(operator);
  if (arity === 0) return base as FilterCondition;
  if (family(condition.kind) === "string") {
    return { ...base, values: "values" in condition ? condition.values : first } as FilterCondition;
  }
  const kept = (text: string, original: unknown) => (typeof original === "number" ? original : text);
  if (arity === 2) {
    return { ...base, firstValue: kept(first, "value" in condition ? condition.value : undefined), lastValue: second } as FilterCondition;
  }
  return { ...base, value: kept(first, "value" in condition ? condition.value : "firstValue" in condition ? condition.firstValue : undefined) } as FilterCondition;
}

/** The condition on another column: the same operator and value when the type allows, a fresh one otherwise. */
export function withColumn(condition: FilterCondition, column: ModelColumn): FilterCondition {
  // A condition carries its column's type as its kind (object, array, vector and any too).
  if (column.type === condition.kind) return { ...condition, columnSlug: column.slug };
  return newCondition(column);
}

/**
 * The condition with value `index` (0, or 1 for between's last value) typed as `text`. Numbers
 * are sent as numbers once the text reads as one; dates stay text (ISO, or a span like `3 months`).
 */
export function withValue(condition: FilterCondition, index: 0 | 1, text: string): FilterCondition {
  const typed = condition.kind === "number" && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
  if ("values" in condition) return { ...condition, values: text };
  if ("value" in condition) return { ...condition, value: typed };
  if ("firstValue" in condition) return index === 0 ? { ...condition, firstValue: typed } : { ...condition, lastValue: typed };
  return condition;
}

/** Whether a filter has at least one condition (an empty one matches every record). */
export function hasConditions(filter: Filter): boolean {
  return filter.groups.some((group) => group.conditions.length > 0);
}
