/** Callers waiting for runs to start executing in this process (`RunQueue.whenLocal`). */
export function createStartWatchers() {
  const watchers = new Map<string, Array<() => void>>();
  return {
    /** Resolves `started` when `started(runUuid)` is told; `cancel` forgets the wait. */
    wait(runUuid: string): { started: Promise<void>; cancel(): void } {
      let notify!: () => void;
      const started = new Promise<void>((resolve) => (notify = resolve));
      watchers.set(runUuid, [...(watchers.get(runUuid) ?? []), notify]);
      const cancel = () => {
        const left = (watchers.get(runUuid) ?? []).filter((candidate) => candidate !== notify);
        if (left.length > 0) watchers.set(runUuid, left);
        else watchers.delete(runUuid);
      };
      return { started, cancel };
    },
    /** The run started here: its waiters go on. */
    started(runUuid: string): void {
      for (const notify of watchers.get(runUuid) ?? []) notify();
      watchers.delete(runUuid);
    },
  };
}
