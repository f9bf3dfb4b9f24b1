/**
 * A call the outbound guard would not make: its target is (or resolves to) an address the
 * server must not reach on a user's behalf. No connection was attempted. Call sites report it
 * with the same kind as an unreachable target, so the answer's shape tells nothing about the
 * network behind the server; only the message names the rule.
 */
export class OutboundRefusedError extends Error {
  /** `host` or `host:port`, as an OUTBOUND_ALLOWLIST entry would spell it. */
  readonly target: string;
  /** The rule's words, e.g. "private address"; the range is in `cidr`. */
  readonly rule: string;
  readonly cidr?: string;

  constructor(target: string, rule: string, options: { cidr?: string; resolved?: boolean; allowable?: boolean } = {}) {
    const { cidr, resolved = false, allowable = true } = options;
    const why = `${resolved ? "it resolves to a " : ""}${rule}${cidr ? ` (${cidr})` : ""}`;
    super(`Refused to call ${target}: ${why}${allowable ? `; add ${target} to OUTBOUND_ALLOWLIST to allow it` : ""}`);
    this.name = "OutboundRefusedError";
    this.target = target;
    this.rule = rule;
    this.cidr = cidr;
  }
}

/** The refusal behind an error, when the guard refused: fetch wraps it as the `cause` of a TypeError. */
export function outboundRefusalOf(error: unknown): OutboundRefusedError | undefined {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof OutboundRefusedError) return current;
  }
  return undefined;
}
