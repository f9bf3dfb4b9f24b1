import { parseAddress, refusedRangeOf } from "./address-rules";
import { normalizeName, type Allowlist } from "./allowlist";
import { OutboundRefusedError } from "./outbound-refused-error";
import type { Resolver } from "./resolver";

/** What the guard checks every connection against: the operator's allowlist and how names resolve. */
export interface OutboundPolicy {
  allowlist: Allowlist;
  resolve: Resolver;
}

export interface OutboundTarget {
  /** The URL's host name: a name, an IPv4 address or an IPv6 one (brackets optional). */
  hostname: string;
  /** The port the connection goes to, the scheme's default filled in. */
  port: number;
  /** How messages name the target: the URL's `host` (`10.0.0.5:8080`, `[::1]`). */
  display: string;
}

/**
 * The addresses a connection to this target may use, every one of them checked: an IP literal is
 * judged as it is, a name is resolved once through the policy's resolver and refused when any
 * address it resolves to is refused, unless the allowlist names the host, or the address, first.
 * Throws `OutboundRefusedError` naming the rule; a name that does not resolve throws the
 * resolver's error (`ENOTFOUND`), as a connection would.
 * @example await checkTarget(policy, { hostname: "10.0.0.5", port: 80, display: "10.0.0.5" }) // throws: private address (10.0.0.0/8)
 */
export async function checkTarget(policy: OutboundPolicy, target: OutboundTarget): Promise<string[]> {
  const name = normalizeName(target.hostname.replace(/^\[(.*)\]$/, "$1"));
  const literal = parseAddress(name);
  if (literal) {
    const address = literal.toString();
    refuseUnlessAllowed(policy, address, target, false);
    return [address];
  }
  const addresses = await policy.resolve(name);
  if (addresses.length === 0) throw Object.assign(new Error(`${name} has no address`), { code: "ENOTFOUND" });
  // A name on the allowlist is trusted whatever it resolves to; the connection still goes to these addresses.
  if (policy.allowlist.allowsName(name, target.port)) return addresses;
  for (const address of addresses) refuseUnlessAllowed(policy, address, target, true);
  return addresses;
}

function refuseUnlessAllowed(policy: OutboundPolicy, address: string, target: OutboundTarget, resolved: boolean): void {
  if (policy.allowlist.allowsAddress(address, target.port)) return;
  const refused = refusedRangeOf(address);
  if (refused) throw new OutboundRefusedError(target.display, refused.rule, { cidr: refused.cidr, resolved });
}
