/**
 * What `promise` resolves to, or `undefined` once `ms` (or the number of ms `ms` resolves to) has
 * passed first. The timer is cleared as soon as either comes, so a wait that ended early keeps no
 * timer (and no event loop) alive. A rejection of `promise` is passed on.
 */
export async function within<T>(promise: Promise<T>, ms: number | Promise<number>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const timeout = Promise.resolve(ms).then(
    (after) =>
      new Promise<undefined>((resolve) => {
        if (!settled) timer = setTimeout(() => resolve(undefined), Math.max(0, after));
      }),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
