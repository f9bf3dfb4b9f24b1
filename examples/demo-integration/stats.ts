/** Per-route call counts, for tests that check what the platform actually asked for. */
export interface CallStats {
  record(method: string, path: string): void;
  snapshot(): Record<string, number>;
  reset(): void;
}

/** Creates an empty call counter. */
export function createCallStats(): CallStats {
  let calls = new Map<string, number>();
  return {
    record(method, path) {
      const key = `${method} ${path}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
    },
    snapshot: () => Object.fromEntries(calls),
    reset() {
      calls = new Map();
    },
  };
}
