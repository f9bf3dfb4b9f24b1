import ipaddr from "ipaddr.js";

/** Why an address is refused: the rule's words and the range it matched, for the error message. */
export interface RefusedRange {
  rule: string;
  cidr: string;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const range = (cidr: string, rule: string) => ({ cidr, rule, parsed: ipaddr.parseCIDR(cidr) });

// First match wins, so the specific ranges (metadata) come before the ones that contain them.
// Everything here is unreachable from the internet or reaches the server's own network.
const IPV4_RULES = [
  range("169.254.169.254/32", "cloud metadata address"),
  range("169.254.170.2/32", "cloud metadata address"),
  range("0.0.0.0/8", "unspecified address"),
  range("127.0.0.0/8", "loopback address"),
  range("10.0.0.0/8", "private address"),
  range("172.16.0.0/12", "private address"),
  range("192.168.0.0/16", "private address"),
  range("169.254.0.0/16", "link-local address"),
  range("100.64.0.0/10", "shared address space (CGNAT)"),
  range("224.0.0.0/4", "multicast address"),
  range("255.255.255.255/32", "broadcast address"),
  range("240.0.0.0/4", "reserved address"),
  range("192.0.0.0/24", "reserved address"),
  range("192.0.2.0/24", "documentation address"),
  range("198.51.100.0/24", "documentation address"),
  range("203.0.113.0/24", "documentation address"),
  range("198.18.0.0/15", "benchmarking address"),
];

const IPV6_RULES = [
  range("fd00:ec2::254/128", "cloud metadata address"),
  range("::/128", "unspecified address"),
  range("::1/128", "loopback address"),
  // `::a.b.c.d`: deprecated, and some stacks still route it to the IPv4 address inside.
  range("::/96", "IPv4-compatible address"),
  range("fe80::/10", "link-local address"),
  range("fec0::/10", "site-local address"),
  range("fc00::/7", "unique-local address"),
  range("ff00::/8", "multicast address"),
  range("2001::/32", "Teredo tunnel address"),
  range("64:ff9b:1::/48", "local-use NAT64 address"),
  range("100::/64", "discard-only address"),
  range("2001:db8::/32", "documentation address"),
];

/**
 * The rule that refuses this address, or undefined for a public unicast one. IPv6 forms that carry
 * an IPv4 address (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by
 * the IPv4 address inside, since that is where the packets end up.
 * @example refusedRangeOf("::ffff:10.0.0.5") // → { rule: "private address", cidr: "10.0.0.0/8" }
 */
export function refusedRangeOf(address: string): RefusedRange | undefined {
  const parsed = parseAddress(address);
  if (!parsed) return { rule: "unparsable address", cidr: address };
  return match(parsed);
}

/** The address as ipaddr.js parses it (any IPv4 spelling, IPv6 with or without brackets), or undefined. */
export function parseAddress(address: string): Address | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/** The IPv4 address an IPv6 one carries to the IPv4 internet, when it does. */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const fromParts = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (address.range() === "rfc6145" || address.range() === "rfc6052") return fromParts(parts[6]!, parts[7]!);
  if (address.range() === "6to4") return fromParts(parts[1]!, parts[2]!);
  return undefined;
}

function match(address: Address): RefusedRange | undefined {
  if (address.kind() === "ipv6") {
    const inner = embeddedIPv4(address as ipaddr.IPv6);
    if (inner) return match(inner);
  }
  const rules = address.kind() === "ipv4" ? IPV4_RULES : IPV6_RULES;
  const found = rules.find(({ parsed }) => parsed[0].kind() === address.kind() && address.match(parsed));
  return found && { rule: found.rule, cidr: found.cidr };
}
