import { SECRET_MASK } from "./mask";

/** Shorter values would blank out unrelated text, and hiding them reveals little anyway. */
const MIN_SECRET_LENGTH = 4;

/**
 * `text` with every occurrence of each secret replaced by `mask` (default `SECRET_MASK`), for log
 * lines and error messages that echo a server's answer. Also catches the JSON-escaped and
 * URL-encoded forms, since servers often quote the request body or URL they received.
 * @example
 * redactSecrets('401: bad key "sk_live_1"', ["sk_live_1"]) // → '401: bad key "••••••••"'
 */
export function redactSecrets(text: string, secrets: readonly string[], mask: string = SECRET_MASK): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
    needles.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return ordered.reduce((redacted, needle) => redacted.replaceAll(needle, mask), text);
}
