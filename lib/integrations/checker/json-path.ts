/** One step of a path: a key, or an index into an array. */
export type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as findings show it: dotted identifiers, other keys as `["ui:options"]`, indices as `[0]`;
 * `$` for the root.
 * @example jsonPath(["actions", "create", "config", "uiSchema", "owner", "ui:options", "slug"])
 * // → 'actions.create.config.uiSchema.owner["ui:options"].slug'
 */
export function jsonPath(segments: readonly Segment[]): string {
  if (segments.length === 0) return "$";
  return segments
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join("");
}

/**
 * A probe's path: the capability's manifest path (or an endpoint's name), `:`, the call, then the
 * place in its answer.
 * @example probePath(["autocompletes", "x"], "answer", ["results", 0]) // → "autocompletes.x:answer.results[0]"
 * @example probePath("authenticate", "answer", ["outcome"]) // → "authenticate:answer.outcome"
 */
export function probePath(capability: readonly Segment[] | string, call: string, inAnswer: readonly Segment[] = []): string {
  const head = typeof capability === "string" ? capability : jsonPath(capability);
  const rest = inAnswer.length === 0 ? "" : jsonPath(inAnswer).replace(/^(?!\[)/, ".");
  return `${head}:${call}${rest}`;
}
