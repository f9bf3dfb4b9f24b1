import { isRecord } from "@/lib/contract/is-record";
import type { SecretPath } from "./config-path";

/**
 * Paths of the secret fields in a connector config form: a property whose schema has
 * `format: "password"` or `writeOnly: true`, or whose uiSchema entry uses the password widget.
 * Nested objects are searched through `properties` (the uiSchema nests the same way). Arrays,
 * `$ref`, `allOf`/`oneOf`/`anyOf` and `dependencies` are not followed: connector forms keep
 * credentials in plain fields, and a secret there would stay unmasked rather than break.
 * @example
 * findSecretPaths({ type: "object", properties: { apiKey: { type: "string", format: "password" } } }, {})
 * // → [["apiKey"]]
 */
export function findSecretPaths(jsonSchema: unknown, uiSchema: unknown = {}): string[][] {
  const paths: string[][] = [];
  collect(jsonSchema, uiSchema, [], paths);
  return paths;
}

function collect(schema: unknown, uiSchema: unknown, prefix: string[], paths: string[][]): void {
  if (!isRecord(schema) || !isRecord(schema.properties)) return;
  const ui = isRecord(uiSchema) ? uiSchema : {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const path = [...prefix, name];
    const propertyUi = Object.hasOwn(ui, name) ? ui[name] : undefined;
    // A secret object is masked whole, so its children need no paths of their own.
    if (isSecret(property, propertyUi)) paths.push(path);
    else collect(property, propertyUi, path, paths);
  }
}

function isSecret(schema: unknown, uiSchema: unknown): boolean {
  const bySchema = isRecord(schema) && (schema.format === "password" || schema.writeOnly === true);
  // rjsf reads the widget from `ui:widget` or from `ui:options.widget`; both render a password input.
  const options = isRecord(uiSchema) ? uiSchema["ui:options"] : undefined;
  const byUi =
    isRecord(uiSchema) && (uiSchema["ui:widget"] === "password" || (isRecord(options) && options.widget === "password"));
  return bySchema || byUi;
}

/**
 * Every path of the given lists, once each, in first-seen order: a connector's secret fields are
 * those recorded when it was saved plus those of the current manifest, so a manifest that later
 * drops `format: "password"` cannot unmask a stored value.
 * @example
 * unionSecretPaths([["apiKey"]], [["apiKey"], ["token"]]) // → [["apiKey"], ["token"]]
 */
export function unionSecretPaths(...lists: ReadonlyArray<readonly SecretPath[]>): string[][] {
  const seen = new Map<string, string[]>();
  for (const list of lists) {
    for (const path of list) {
      const key = JSON.stringify(path);
      if (!seen.has(key)) seen.set(key, [...path]);
    }
  }
  return [...seen.values()];
}
