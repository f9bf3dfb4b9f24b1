/**
 * `record[key]` when `key` is one of the record's own keys, else undefined. Actions, extractors
 * and integrations are looked up by slugs that come from requests and saved graphs: a plain
 * index would answer `Object.prototype`'s members for `__proto__`, `constructor` or `toString`,
 * which every caller then took for a declaration (a 500 where a 404 belongs).
 * @example ownEntry({ createRecord: action }, "constructor") // undefined
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
