/**
 * Whether arrays and objects in `value` nest deeper than `maxDepth`. A loop, not recursion, so any
 * depth is safe to ask about: JSON.parse reads 100,000 levels, and every recursive walk after it
 * (serializing, merging, a schema's normalization) would overflow the stack.
 * @example depthExceeds(JSON.parse("[[[]]]"), 2) // true
 */
export function depthExceeds(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [current, depth] = entry;
    if (typeof current !== "object" || current === null) continue;
    if (depth > maxDepth) return true;
    for (const inner of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof inner === "object" && inner !== null) pending.push([inner, depth + 1]);
    }
  }
  return false;
}
