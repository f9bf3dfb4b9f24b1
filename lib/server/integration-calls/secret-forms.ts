import { REDACTED } from "@/lib/contract";

/**
 * Shorter secrets, and secrets made only of digits, are hidden only where they stand whole (a
 * JSON value, a query value, a word of a message): `"12"` inside `"2012"` or `3600` inside a count
 * would blank out unrelated text, and a digit run replaced inside JSON text breaks the JSON.
 */
const MIN_SUBSTRING_LENGTH = 4;
/** What must not touch a whole-token match on either side: letters, digits, `_`. */
const WORD = String.raw`[\p{L}\p{N}_]`;

/** Finds a connector's secrets in any text the inspector keeps, in every form a server may echo them. */
export interface SecretMatcher {
  /** `text` with every form of every secret replaced by `[redacted]` (a weak secret only as a whole token). */
  redact(text: string): string;
  /** Whether a whole value (a JSON number, say) is one of the secrets. */
  isSecretNumber(value: number): boolean;
  /** `text` without a trailing part that could be the start of a secret cut by the end of the text. */
  withoutCutSecret(text: string): string;
}

/**
 * The matcher of one call's secrets. Each secret is looked for as is, JSON-escaped (also with
 * `\/` and `\u00e4` escapes), URL-encoded (`%20`, lowercase hex, form `+`, strict `%21`) and, when
 * long enough, base64 and base64url at each of the three byte alignments, so it is found inside
 * any base64 text that holds it (`Basic base64(user:secret)`, whatever the user).
 * @example
 * secretMatcher(["sk/live/abcd"]).redact('{"echo":"sk\\/live\\/abcd"}') // → '{"echo":"[redacted]"}'
 */
export function secretMatcher(secrets: readonly string[]): SecretMatcher {
  const strong = new Set<string>();
  const weak = new Set<string>();
  for (const secret of new Set(secrets)) {
    if (typeof secret !== "string" || secret === "" || secret === REDACTED) continue;
    const isWeak = secret.length < MIN_SUBSTRING_LENGTH || /^\d+$/.test(secret);
    for (const form of textForms(secret)) (isWeak ? weak : strong).add(form);
    if (!isWeak) for (const form of base64Forms(secret)) strong.add(form);
  }
  // Longest first, so a form that contains another is replaced whole.
  const needles = [...strong].sort((a, b) => b.length - a.length);
  const weakForms = [...weak].sort((a, b) => b.length - a.length);
  const tokens = weakForms.length > 0 ? new RegExp(`(?<!${WORD})(?:${weakForms.map(escapeRegExp).join("|")})(?!${WORD})`, "gu") : null;
  const numbers = new Set(secrets.filter((secret) => /^\d+$/.test(secret)).map(Number));
  const all = [...needles, ...weakForms];

  return {
    redact(text) {
      let redacted = text;
      for (const needle of needles) if (redacted.includes(needle)) redacted = redacted.replaceAll(needle, REDACTED);
      return tokens ? redacted.replace(tokens, REDACTED) : redacted;
    },
    isSecretNumber: (value) => numbers.has(value),
    withoutCutSecret(text) {
      let keep = text.length;
      for (const form of all) keep = Math.min(keep, text.length - cutPrefixLength(text, form));
      return text.slice(0, keep);
    },
  };
}

/** The secret as text may carry it: raw, JSON-escaped (with `\/` or not, non-ASCII as `\u00e4` or `\u00E4` or not), URL-encoded four ways. */
function textForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const ascii = json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const asciiUpper = ascii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`);
  const escaped = [json, ascii, asciiUpper].flatMap((form) => [form, form.replaceAll("/", "\\/")]);
  const percent = encodeURIComponent(secret);
  const lowerHex = percent.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  const form = new URLSearchParams([["", secret]]).toString().slice(1);
  const strict = percent.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return [secret, ...escaped, percent, lowerHex, form, strict];
}

/**
 * The base64 and base64url of the secret, whole, and the part of it that is the same whatever
 * precedes the secret in the encoded bytes (one core per alignment: 0, 1 or 2 bytes before it).
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const forms: string[] = [bytes.toString("base64"), bytes.toString("base64url")];
  for (const before of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(before), bytes]).toString("base64");
    const core = encoded.slice(Math.ceil((before * 8) / 6), Math.floor(((before + bytes.length) * 8) / 6));
    if (core.length < MIN_SUBSTRING_LENGTH) continue;
    forms.push(core, core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return forms;
}

/** How many characters at the end of `text` are the start of `form`, without being all of it. */
function cutPrefixLength(text: string, form: string): number {
  for (let start = Math.max(0, text.length - form.length + 1); start < text.length; start++) {
    if (text.charCodeAt(start) === form.charCodeAt(0) && form.startsWith(text.slice(start))) return text.length - start;
  }
  return 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
