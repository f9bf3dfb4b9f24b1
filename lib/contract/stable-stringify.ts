/**
 * JSON with object keys sorted at every depth, so equal values give equal text whatever order
 * their keys were written in. `undefined` becomes `null` at the top (JSON has no undefined).
 * @example stableStringify({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_key, inner: unknown) => {
    if (typeof inner !== "object" || inner === null || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}
