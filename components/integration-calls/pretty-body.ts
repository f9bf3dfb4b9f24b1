/** A JSON string (skipped) or a number as written: every number of a JSON text, in order. */
const TOKEN = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/**
 * A body as the inspector shows it: JSON pretty-printed, anything else (a body cut at 64 KB) as it
 * came, and JSON too when printing it again would change a number (`JSON.parse` rounds a 20-digit
 * id, and writes `1.0` as `1`): the stored text is what the server sent.
 */
export function prettyBody(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const pretty = JSON.stringify(parsed, null, 2);
  return sameNumbers(text, pretty) ? pretty : text;
}

function sameNumbers(a: string, b: string): boolean {
  const numbers = (text: string) => Array.from(text.matchAll(TOKEN), (match) => match[1]).filter((number) => number !== undefined);
  const before = numbers(a);
  const after = numbers(b);
  return before.length === after.length && before.every((number, index) => number === after[index]);
}
