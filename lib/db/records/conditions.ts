import type { FilterCondition } from "@/lib/contract";
import { resolveDateValue, type DateValue } from "./date-value";
import type { FieldReader } from "./field-reader";
import { FilterError } from "./filter-error";
import { join, sql, type CompiledSql } from "./sql-fragment";

type Path = (string | number)[];
type ConditionOf<Kind extends FilterCondition["kind"]> = Extract<FilterCondition, { kind: Kind }>;

/**
 * The SQL of one condition whose column exists and fits its kind (see `compileFilter` for the
 * semantics); `path` locates the condition for a `FilterError` on its value.
 */
export function compileCondition(condition: FilterCondition, read: FieldReader, now: Date, path: Path): CompiledSql {
  switch (condition.kind) {
    case "string":
      return stringCondition(condition, read);
    case "number":
      return numberCondition(condition, read, path);
    case "date":
      return dateCondition(condition, read, now, path);
    case "boolean":
      return condition.operator === "isTrue" || condition.operator === "isFalse"
        ? sql`${read.boolean(condition.columnSlug)} = ${condition.operator === "isTrue" ? "true" : "false"}`
        : presence(condition.operator, condition.columnSlug, read);
    default:
      return presence(condition.operator, condition.columnSlug, read);
  }
}

/** isNull: the key is missing or holds JSON null; isNotNull the opposite. Any kind has both. */
function presence(operator: "isNull" | "isNotNull", slug: string, read: FieldReader): CompiledSql {
  return operator === "isNull" ? sql`NOT ${read.present(slug)}` : read.present(slug);
}

const LIKE_PATTERNS = {
  contains: (value: string) => `%${value}%`,
  doesNotContain: (value: string) => `%${value}%`,
  startsWith: (value: string) => `${value}%`,
  endsWith: (value: string) => `%${value}`,
};

/** Folds A–Z only, as the SQL side does (`FieldReader.lower`). */
const asciiLower = (value: string) => value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
const escapeLike = (value: string) => value.replace(/[\\%_]/g, "\\$&");

function stringCondition(condition: ConditionOf<"string">, read: FieldReader): CompiledSql {
  const text = read.text(condition.columnSlug);
  if (!("values" in condition)) {
    if (condition.operator === "isNull" || condition.operator === "isNotNull") return presence(condition.operator, condition.columnSlug, read);
    // Objects and arrays read as no text but are not empty.
    const filled = sql`(${read.present(condition.columnSlug)} AND COALESCE(${text} <> '', TRUE))`;
    return condition.operator === "isEmpty" ? sql`NOT ${filled}` : filled;
  }
  const { operator } = condition;
  const folded = read.lower(text);
  const values = typeof condition.values === "string" ? [condition.values] : condition.values;
  const matches = values.map((value) =>
    operator === "is" || operator === "isNot"
      ? sql`${folded} = ${asciiLower(value)}`
      : sql`${folded} LIKE ${LIKE_PATTERNS[operator](escapeLike(asciiLower(value)))} ESCAPE '\\'`,
  );
  const any = sql`(${join(matches, " OR ")})`;
  return operator === "isNot" || operator === "doesNotContain" ? sql`(${text} IS NULL OR NOT ${any})` : any;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function toNumber(value: number | string, path: Path): number {
  const number = typeof value === "number" ? value : NUMBER.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new FilterError(`${JSON.stringify(value)} is not a number`, path);
  return number;
}

function numberCondition(condition: ConditionOf<"number">, read: FieldReader, path: Path): CompiledSql {
  const number = read.number(condition.columnSlug);
  if ("firstValue" in condition) {
    const first = toNumber(condition.firstValue, [...path, "firstValue"]);
    const last = toNumber(condition.lastValue, [...path, "lastValue"]);
    return sql`${number} BETWEEN ${Math.min(first, last)} AND ${Math.max(first, last)}`;
  }
  if (!("value" in condition)) return presence(condition.operator, condition.columnSlug, read);
  const value = toNumber(condition.value, [...path, "value"]);
  switch (condition.operator) {
    case "is":
      return sql`${number} = ${value}`;
    case "isNot":
      return sql`(${number} IS NULL OR ${number} <> ${value})`;
    case "greaterThan":
      return sql`${number} > ${value}`;
    case "lowerThan":
      return sql`${number} < ${value}`;
  }
}

function toDate(value: number | string, now: Date, path: Path): DateValue {
  const resolved = typeof value === "string" ? resolveDateValue(value, now) : null;
  if (!resolved) {
    throw new FilterError(
      `${JSON.stringify(value)} is not a date: give an ISO date (2024-03-05), a timestamp (2024-03-05T10:00:00Z) or a span such as "3 months"`,
      path,
    );
  }
  return resolved;
}

/** Where a date value starts, as text that compares with stored ISO strings. */
const start = (value: DateValue) => (value.kind === "day" ? value.day : value.iso);

function dateCondition(condition: ConditionOf<"date">, read: FieldReader, now: Date, path: Path): CompiledSql {
  const date = read.date(condition.columnSlug);
  if ("firstValue" in condition) {
    const [low, high] = [toDate(condition.firstValue, now, [...path, "firstValue"]), toDate(condition.lastValue, now, [...path, "lastValue"])]
      .sort((a, b) => a.startMs - b.startMs) as [DateValue, DateValue];
    const upper = high.kind === "day" ? sql`${date} < ${high.nextDay}` : sql`${date} <= ${high.iso}`;
    return sql`(${date} >= ${start(low)} AND ${upper})`;
  }
  if (!("value" in condition)) return presence(condition.operator, condition.columnSlug, read);
  const value = toDate(condition.value, now, [...path, "value"]);
  const within = value.kind === "day" ? sql`(${date} >= ${value.day} AND ${date} < ${value.nextDay})` : sql`${date} = ${value.iso}`;
  switch (condition.operator) {
    case "is":
      return within;
    case "isNot":
      return sql`(${date} IS NULL OR NOT ${within})`;
    case "greaterThan":
      return value.kind === "day" ? sql`${date} >= ${value.nextDay}` : sql`${date} > ${value.iso}`;
    case "lowerThan":
      return sql`${date} < ${start(value)}`;
  }
}
