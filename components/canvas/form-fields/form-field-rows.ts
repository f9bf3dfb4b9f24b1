import { FormField, FormFieldKind, stableStringify } from "@/lib/contract";

/** A form field as it is being edited: possibly not valid yet, with a key that survives renaming. */
export interface FormFieldRow {
  key: string;
  slug: string;
  name: string;
  kind: FormFieldKind;
  description: string;
  isRequired: boolean;
  /** Whether the slug was typed; until then it follows the name. */
  slugEdited: boolean;
}

export type RowProblems = Partial<Record<"slug" | "name" | "description", string>>;

export const KIND_LABELS: Record<FormFieldKind, string> = {
  string: "Short text",
  text: "Long text",
  number: "Number",
  boolean: "Yes / no",
  date: "Date",
  json: "JSON",
};

export const FORM_FIELD_KINDS = FormFieldKind.options;

const SLUG = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The rows for saved fields (their slugs count as typed). */
export function rowsOf(fields: readonly FormField[], newKey: () => string): FormFieldRow[] {
  return fields.map((field) => ({ key: newKey(), slug: field.slug, name: field.name, kind: field.kind, description: field.description ?? "", isRequired: field.isRequired, slugEdited: true }));
}

/**
 * An identifier made from a field's name, for the slug until one is typed: "Work email" → "work_email".
 * @example slugFromName("2nd phone #") // "_2nd_phone"
 */
export function slugFromName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return (/^\d/.test(words) ? `_${words}` : words).slice(0, 64);
}

/** What is wrong with each row, by key; rows with nothing wrong are absent. */
export function rowProblems(rows: readonly FormFieldRow[]): Map<string, RowProblems> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.slug, (counts.get(row.slug) ?? 0) + 1);
  const problems = new Map<string, RowProblems>();
  for (const row of rows) {
    const found: RowProblems = {};
    if (row.slug === "") found.slug = "A slug is required";
    else if (!SLUG.test(row.slug)) found.slug = "Letters, digits and _, not starting with a digit (at most 64)";
    else if ((counts.get(row.slug) ?? 0) > 1) found.slug = "Another field uses this slug";
    if (row.name.trim() === "") found.name = "A name is required";
    else if (row.name.trim().length > 120) found.name = "At most 120 characters";
    if (row.description.length > 500) found.description = "At most 500 characters";
    if (Object.keys(found).length > 0) problems.set(row.key, found);
  }
  return problems;
}

/** The form fields the rows stand for, or null while any row has a problem. */
export function fieldsOf(rows: readonly FormFieldRow[]): FormField[] | null {
  if (rowProblems(rows).size > 0) return null;
  const fields = rows.map(({ slug, name, kind, description, isRequired }) => ({ slug, name: name.trim(), kind, isRequired, ...(description.trim() && { description: description.trim() }) }));
  return fields.every((field) => FormField.safeParse(field).success) ? fields : null;
}

/** Whether two forms are the same, field for field and in order. */
export function sameFields(a: readonly FormField[], b: readonly FormField[]): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** `rows` with the row at `index` moved by `by` places (kept inside the list). */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
