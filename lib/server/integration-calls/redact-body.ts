import { cutBodyMarker, isRecord, REDACTED } from "@/lib/contract";
import { redactSecrets } from "@/lib/vault";
import { isSecretName } from "./secret-keys";

/** How much of each body the inspector keeps (characters; a body past it ends with a marker). */
export const MAX_BODY_CHARS = 64 * 1024;

/** What to hide in one call's texts. */
export interface RedactionRules {
  /** The plaintext of the connector's secrets: hidden wherever they appear, inside strings too. */
  secrets: readonly string[];
  /** The connector config's secret fields: hidden in every `connectorConfig` or `config` object of a body. */
  secretPaths: readonly string[][];
  /** More keys to hide whatever their name, for one endpoint (an OAuth `code` and the token it buys). */
  keys?: ReadonlySet<string>;
}

const CONFIG_KEYS = new Set(["connectorConfig", "config"]);
/** A JSON string key and string value; an unterminated value (a body cut short) counts too. */
const PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)("|$)/g;

/**
 * A body as the inspector keeps it: every value under a credential-like key, every secret field
 * of a connector config and every occurrence of a connector secret replaced by `[redacted]`, then
 * cut at 64 KB. A JSON body that fits is redacted key by key (and re-serialized only when
 * something was hidden); a longer or non-JSON one is redacted as text, on its head only, so a
 * 5 MB answer costs no more than a 64 KB one. Redacting before cutting means a cut cannot leave
 * the start of a secret behind.
 */
export function redactBody(text: string | null, rules: RedactionRules): string | null {
  if (text === null) return null;
  const whole = text.length <= MAX_BODY_CHARS;
  const head = whole ? text : text.slice(0, MAX_BODY_CHARS + slackOf(rules.secrets));
  const keyed = (whole ? redactJsonText(head, rules) : undefined) ?? redactPairs(head, rules);
  const redacted = redactSecrets(keyed, rules.secrets, REDACTED);
  if (whole && redacted.length <= MAX_BODY_CHARS) return redacted;
  return `${redacted.slice(0, MAX_BODY_CHARS)}${cutBodyMarker(Buffer.byteLength(text))}`;
}

/** The redacted JSON text, the original when nothing was hidden; undefined when it is not JSON. */
function redactJsonText(text: string, rules: RedactionRules): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const state = { changed: false };
  const redacted = redactJson(parsed, rules, false, state);
  return state.changed ? JSON.stringify(redacted) : text;
}

function redactJson(value: unknown, rules: RedactionRules, underSecret: boolean, state: { changed: boolean }): unknown {
  if (typeof value === "string") {
    if (!underSecret || value === "" || value === REDACTED) return value;
    state.changed = true;
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((item) => redactJson(item, rules, underSecret, state));
  if (!isRecord(value)) return value;
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const redacted = redactJson(inner, rules, underSecret || hides(key, rules), state);
      if (CONFIG_KEYS.has(key) && isRecord(redacted)) maskPaths(redacted, rules.secretPaths, state);
      return [key, redacted];
    }),
  );
}

/** The text way, for a body that is not JSON or too long to parse: string values of credential-like keys. */
function redactPairs(text: string, rules: RedactionRules): string {
  return text.replace(PAIR, (pair, key: string, colon: string, _value: string, end: string) => (hides(key, rules) ? `"${key}"${colon}"${REDACTED}${end}` : pair));
}

function hides(key: string, rules: RedactionRules): boolean {
  return isSecretName(key) || (rules.keys?.has(key) ?? false);
}

/** Replaces the set values at `paths` (a copy made by the walk, so it may be changed in place). */
function maskPaths(config: Record<string, unknown>, paths: readonly string[][], state: { changed: boolean }): void {
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), config);
    const last = path.at(-1);
    if (last === undefined || !isRecord(parent) || !Object.hasOwn(parent, last)) continue;
    const current = parent[last];
    if (current === null || current === "" || current === REDACTED) continue;
    parent[last] = REDACTED;
    state.changed = true;
  }
}

/** How far past the cut a secret may start and still reach into the kept part, in its longest form. */
function slackOf(secrets: readonly string[]): number {
  return Math.max(0, ...secrets.map((secret) => Math.max(JSON.stringify(secret).length, encodeURIComponent(secret).length)));
}
