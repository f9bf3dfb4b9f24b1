import { isRecord } from "@/lib/contract";

/**
 * Names that hold credentials wherever they appear: body keys, headers, query parameters. Broad on
 * purpose: a value hidden by mistake costs a developer a look at their own server, a secret shown
 * by mistake stays in the inspector for everyone with access.
 */
const SECRET_NAME = /passw(or)?d|passphrase|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|authorization|^auth$|cookie|credential|signature|session[-_]?id/i;

/** Whether a key, header or parameter name looks like it holds a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * The paths in a connector config whose key looks like a credential and whose value is text, so a
 * secret the manifest forgot to mark (no `format: "password"`) is still redacted by value. Only
 * text: a name guesses, and `tokenTtl: 3600` is no secret (its digits would hide every 3600).
 */
export function secretNamedPaths(value: unknown, prefix: string[] = []): string[][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => (isSecretName(key) ? stringPaths(inner, [...prefix, key]) : secretNamedPaths(inner, [...prefix, key])));
}

/** Every path to a string under `value` (itself when it is one): a credential-named group's texts. */
function stringPaths(value: unknown, prefix: string[]): string[][] {
  if (typeof value === "string") return [prefix];
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => stringPaths(inner, [...prefix, key]));
}
