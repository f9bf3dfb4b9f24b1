import type { AutocompleteResult } from "@/lib/contract";

/** One row of the combobox: a server result, or the "Use “typed text”" row that keeps free text. */
export interface ComboboxOption {
  label: string;
  value: unknown;
  description?: string;
  parent?: string;
  /** The free-text row. */
  custom?: boolean;
}

/** Options under one `parent` heading (none for the ungrouped ones), with their index in the flat list. */
export interface OptionGroup {
  parent?: string;
  options: Array<{ option: ComboboxOption; index: number }>;
}

/** Whether a stored value is an option's value; ids may come back as numbers while forms hold text. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && a !== null && b !== undefined && b !== null && String(a) === String(b));
}

/** The results whose label, value or description contains the search text (servers may ignore it). */
export function filterResults(results: readonly AutocompleteResult[], search: string): AutocompleteResult[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...results];
  return results.filter((result) =>
    [result.label, String(result.value), result.description ?? ""].some((text) => text.toLowerCase().includes(needle)),
  );
}

/**
 * Options grouped by `parent` for display: groups in the order their first option came, the
 * free-text row last on its own. `index` numbers the options in display order, which is the
 * order the keyboard moves through.
 */
export function groupOptions(options: readonly ComboboxOption[]): OptionGroup[] {
  const groups: OptionGroup[] = [];
  const byParent = new Map<string | undefined, OptionGroup>();
  for (const option of options.filter((candidate) => !candidate.custom)) {
    let group = byParent.get(option.parent);
    if (!group) {
      group = { parent: option.parent, options: [] };
      byParent.set(option.parent, group);
      groups.push(group);
    }
    group.options.push({ option, index: -1 });
  }
  const custom = options.filter((candidate) => candidate.custom);
  if (custom.length > 0) groups.push({ options: custom.map((option) => ({ option, index: -1 })) });
  let index = 0;
  for (const group of groups) for (const entry of group.options) entry.index = index++;
  return groups;
}
