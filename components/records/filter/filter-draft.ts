import { EMPTY_FILTER, Filter, FilterCondition, toProblems } from "@/lib/contract";

/** A filter being edited: what the builder and the JSON show, and what the records are fetched with. */
export interface FilterDraft {
  /** The filter as edited, incomplete conditions included. */
  draft: Filter;
  /** The JSON textarea's text: the draft's JSON, or what the user is typing there. */
  json: string;
  /** Why the JSON text is not applied (not JSON, or not a filter); null when it is. */
  jsonError: string | null;
  /** The last good filter: the draft without its incomplete conditions. */
  applied: Filter;
}

export const toJson = (filter: Filter) => JSON.stringify(filter, null, 2);

export function initialDraft(filter: Filter = EMPTY_FILTER): FilterDraft {
  return { draft: filter, json: toJson(filter), jsonError: null, applied: filter };
}

/** Whether a condition can be sent: valid for the contract, and a string value not left empty. */
export function isComplete(condition: FilterCondition): boolean {
  if (!FilterCondition.safeParse(condition).success) return false;
  return !("values" in condition) || (Array.isArray(condition.values) ? condition.values.length > 0 : condition.values !== "");
}

/** The filter without its incomplete conditions (a group left empty matches everything, as Cargo's does). */
export function completePart(filter: Filter): Filter {
  return { ...filter, groups: filter.groups.map((group) => ({ ...group, conditions: group.conditions.filter(isComplete) })) };
}

/** How many conditions are still being filled in. */
export function incompleteCount(filter: Filter): number {
  return filter.groups.reduce((total, group) => total + group.conditions.filter((condition) => !isComplete(condition)).length, 0);
}

/** A builder edit (or a loaded segment): the JSON follows it, and its complete part applies. */
export function editFilter(draft: Filter): FilterDraft {
  return { draft, json: toJson(draft), jsonError: null, applied: completePart(draft) };
}

/**
 * An edit of the JSON text: applied when it parses and is a valid filter; otherwise the text
 * stays as typed, with the reason, and the last good filter keeps applying.
 */
export function editJson(state: FilterDraft, json: string): FilterDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ...state, json, jsonError: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const filter = Filter.safeParse(parsed);
  if (!filter.success) {
    const [first, ...others] = toProblems(filter.error);
    const more = others.length > 0 ? ` (and ${others.length} more)` : "";
    return { ...state, json, jsonError: `Not a valid filter at ${first!.path}: ${first!.message}${more}` };
  }
  return { draft: filter.data, json, jsonError: null, applied: completePart(filter.data) };
}

