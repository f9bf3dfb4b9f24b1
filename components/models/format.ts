const counts = new Intl.NumberFormat("en-US");

/** `12,345`. */
export function formatCount(count: number): string {
  return counts.format(count);
}

/** `1 record`, `12,345 records`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
