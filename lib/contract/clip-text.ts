/**
 * Long text cut for a message: what an answer echoes of its input, what an error quotes of an
 * expression or an integration's answer. One place, so every cut keeps a character whole (a cut
 * between the two halves of a UTF-16 surrogate pair would leave a lone half, which JSON escapes
 * as `\udXXX` and Postgres refuses) and says that it is a cut.
 */

/** `index`, moved back one where it falls between the two halves of a surrogate pair. */
function boundary(text: string, index: number): number {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? index - 1 : index;
}

/**
 * `text` itself when it has at most `max` characters, else its start (`max` characters, one fewer
 * rather than split a pair) and `tail`: "…" by default, or what a function of the whole length says.
 * @example clipEnd("abcdef", 3) === "abc…"
 */
export function clipEnd(text: string, max: number, tail: string | ((length: number) => string) = "…"): string {
  if (text.length <= max) return text;
  return `${text.slice(0, boundary(text, max))}${typeof tail === "string" ? tail : tail(text.length)}`;
}

/**
 * `text` itself when it has at most `max` characters, else with its middle left out: the start
 * (seven tenths) says what is wrong and the end (three tenths) often what to do, as the advice
 * after a quoted value does.
 * @example clipMiddle("a".repeat(50) + "b".repeat(50), 10) === "aaaaaaa… (90 characters left out) …bbb"
 */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = boundary(text, Math.floor(max * 0.7));
  const tail = boundary(text, text.length - Math.floor(max * 0.3));
  return `${text.slice(0, head)}… (${tail - head} characters left out) …${text.slice(tail)}`;
}
