/**
 * The keys of `required` whose resolved value is missing (undefined, null, "" or an empty array),
 * in the order given; an autocomplete with any shows a hint instead of calling the server.
 * @example missingParams({ objectType: "" }, ["objectType"]) // → ["objectType"]
 */
export function missingParams(resolved: Record<string, unknown>, required: readonly string[]): string[] {
  return required.filter((key) => isMissing(Object.hasOwn(resolved, key) ? resolved[key] : undefined));
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}
