import type { CrmRecord } from "./record-types";
import { badRequest } from "./errors";
import { OBJECTS, type ObjectType, type PropertyDefinition } from "./objects";
import type { CrmStore } from "./store";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Checks and coerces record fields written by createRecord/updateRecord. Values often arrive as
 * text (expressions, form inputs), so numeric and date text is converted; blanks mean "not set".
 */
export function readFieldValues(
  store: CrmStore,
  objectType: ObjectType,
  input: Record<string, unknown>,
  mode: "create" | "update",
): CrmRecord {
  const object = OBJECTS[objectType];
  const values: CrmRecord = {};
  for (const [name, raw] of Object.entries(input)) {
    const property = object.properties.find((candidate) => candidate.name === name);
    if (!property) throw badRequest(`Unknown field "${name}" for ${objectType}`);
    if (!property.writable) throw badRequest(`Field "${name}" of ${objectType} is read-only`);
    const blank = raw === undefined || raw === null || raw === "";
    if (blank && property.required) throw badRequest(`Missing required field "${name}" for ${objectType}`);
    if (blank) {
      if (mode === "update") values[name] = null;
      continue;
    }
    values[name] = coerce(property, raw, objectType);
    checkReference(store, property, values[name]);
  }
  if (mode === "create") {
    const missing = object.properties.find((property) => property.required && values[property.name] === undefined);
    if (missing) throw badRequest(`Missing required field "${missing.name}" for ${objectType}`);
  }
  return values;
}

function coerce(property: PropertyDefinition, raw: unknown, objectType: ObjectType): string | number {
  const where = `Field "${property.name}" of ${objectType}`;
  if (typeof raw === "object" || typeof raw === "function") throw badRequest(`${where} must be a ${property.type}`);
  if (property.type === "number" || property.type === "integer") {
    const value = typeof raw === "number" ? raw : Number(String(raw).trim());
    if (!Number.isFinite(value)) throw badRequest(`${where} must be a number, got "${String(raw)}"`);
    if (property.type === "integer" && !Number.isInteger(value)) throw badRequest(`${where} must be a whole number`);
    return value;
  }
  const text = String(raw).trim();
  if (property.type === "date") {
    if (!DATE.test(text) || Number.isNaN(Date.parse(text.slice(0, 10)))) {
      throw badRequest(`${where} must be a date (YYYY-MM-DD)`);
    }
    return text.slice(0, 10);
  }
  if (property.enum) {
    const match = property.enum.find((option) => option.toLowerCase() === text.toLowerCase());
    if (!match) throw badRequest(`${where} must be one of ${property.enum.join(", ")}`);
    return match;
  }
  if (property.format === "email" && !EMAIL.test(text)) throw badRequest(`${where} must be an email address`);
  return text;
}

function checkReference(store: CrmStore, property: PropertyDefinition, value: unknown): void {
  if (!property.references || typeof value !== "string") return;
  const exists =
    property.references === "owners"
      ? store.owners().some((owner) => owner.id === value)
      : store.get(property.references, value) !== undefined;
  if (!exists) throw badRequest(`Field "${property.name}" refers to unknown ${property.references} id "${value}"`);
}
