import { cutBodyMarker, depthExceeds, isRecord, REDACTED } from "@/lib/contract";
import { MAX_ANSWER_DEPTH } from "@/lib/integrations/read-answer";
import { copyOf, MAX_BODY_CHARS, type CapturedBody } from "./capture-call";
import type { SecretMatcher } from "./secret-forms";
import { isSecretName } from "./secret-keys";

type Paths = readonly (readonly string[])[];

/** What to hide in one call's texts. */
export interface RedactionRules {
  /** The plaintext of the call's secrets: hidden wherever they appear, in any form, inside strings too. */
  secrets: SecretMatcher;
  /** Secret fields by the body key of the config object holding them (`connectorConfig`, `actionConfig`, …). */
  pathsByKey: ReadonlyMap<string, Paths>;
  /** More keys to hide whatever their name, for one operation (an OAuth `code` and the token it buys). */
  keys?: ReadonlySet<string>;
}

/** A JSON string key and string value; an unterminated value (a body cut short) counts too. */
const PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)("|$)/g;

/**
 * A body as the inspector keeps it: every value under a credential-like key, every secret field
 * of a config object and every occurrence of a secret replaced by `[redacted]`, then cut at 64 KB.
 * A JSON body that fits is redacted value by value, each string as JSON decoded it (so `\/` and
 * `\u00e4` escapes hide nothing), and re-serialized only when something was hidden; a longer or
 * non-JSON one is redacted as text. Redacting before cutting, and dropping a secret's start at
 * the end of a captured head, means a cut cannot leave part of a secret behind.
 */
export function redactBody(body: CapturedBody | null, rules: RedactionRules): string | null {
  if (body === null) return null;
  const whole = !body.cut && body.text.length <= MAX_BODY_CHARS;
  const json = whole ? redactJsonText(body.text, rules) : undefined;
  let redacted = json ?? rules.secrets.redact(redactPairs(body.text, rules));
  if (body.cut) redacted = rules.secrets.withoutCutSecret(redacted);
  if (!body.cut && redacted.length <= MAX_BODY_CHARS) return redacted;
  return `${copyOf(redacted.slice(0, MAX_BODY_CHARS))}${cutBodyMarker(body.bytes)}`;
}

/**
 * The redacted JSON text, the original when nothing was hidden; undefined when it is not JSON, or
 * nests too deep to walk value by value (the walk is recursive): such a body is redacted as text.
 */
function redactJsonText(text: string, rules: RedactionRules): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (depthExceeds(parsed, MAX_ANSWER_DEPTH)) return undefined;
  const state = { changed: false };
  const redacted = redactJson(parsed, rules, false, state);
  return state.changed ? JSON.stringify(redacted) : text;
}

function redactJson(value: unknown, rules: RedactionRules, underSecret: boolean, state: { changed: boolean }): unknown {
  if (typeof value === "string") {
    if (value === "" || value === REDACTED) return value;
    const redacted = underSecret ? REDACTED : rules.secrets.redact(value);
    if (redacted !== value) state.changed = true;
    return redacted;
  }
  if (typeof value === "number" && rules.secrets.isSecretNumber(value)) {
    state.changed = true;
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((item) => redactJson(item, rules, underSecret, state));
  if (!isRecord(value)) return value;
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const redacted = redactJson(inner, rules, underSecret || hides(key, rules), state);
      const paths = rules.pathsByKey.get(key);
      if (paths && isRecord(redacted)) maskPaths(redacted, paths, state);
      const name = rules.secrets.redact(key);
      if (name !== key) state.changed = true;
      return [name, redacted];
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
function maskPaths(config: Record<string, unknown>, paths: Paths, state: { changed: boolean }): void {
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
