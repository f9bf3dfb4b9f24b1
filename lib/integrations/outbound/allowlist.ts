import type ipaddr from "ipaddr.js";
import { embeddedIPv4, parseAddress } from "./address-rules";

/**
 * The targets an operator allows although their address would be refused (`OUTBOUND_ALLOWLIST`).
 * A name entry matches the URL's host name whatever it resolves to; an address or CIDR entry
 * matches the address the name resolved to (or the URL's IP literal). Either may carry a port.
 */
export interface Allowlist {
  /** The entries as given, for messages and logs. */
  readonly entries: readonly string[];
  allowsName(hostname: string, port: number): boolean;
  allowsAddress(address: string, port: number): boolean;
}

interface NameEntry {
  name: string;
  port?: number;
}

interface RangeEntry {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  port?: number;
}

const NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * Parses allowlist entries: `host`, `host:port`, `10.0.0.5`, `10.0.0.5:8080`, `[::1]`,
 * `[::1]:8080`, `::1`, `10.0.0.0/8`, `fd00::/8`. A string is split on commas. Throws on an entry
 * that is none of these, so a typo stops the start instead of silently allowing nothing.
 * @example parseAllowlist("127.0.0.1:3036, crm.internal, 10.1.0.0/16").allowsAddress("10.1.2.3", 443) // → true
 */
export function parseAllowlist(input: string | readonly string[] = []): Allowlist {
  const entries = (typeof input === "string" ? input.split(",") : input).map((entry) => entry.trim()).filter(Boolean);
  const names: NameEntry[] = [];
  const ranges: RangeEntry[] = [];
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (!parsed) {
      throw new Error(`OUTBOUND_ALLOWLIST: "${entry}" is not a host name, host:port, IP address, [IPv6]:port or CIDR range`);
    }
    if ("name" in parsed) names.push(parsed);
    else ranges.push(parsed);
  }
  return {
    entries,
    allowsName: (hostname, port) => {
      const name = normalizeName(hostname);
      return names.some((entry) => entry.name === name && portMatches(entry.port, port));
    },
    allowsAddress: (address, port) => {
      const parsed = canonical(address);
      return !!parsed && ranges.some((entry) => portMatches(entry.port, port) && inRange(parsed, entry.range));
    },
  };
}

/** Lower case, without the trailing dot DNS allows (`LocalHost.` is `localhost`). */
export function normalizeName(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, "");
}

function parseEntry(entry: string): NameEntry | RangeEntry | undefined {
  if (entry.includes("/")) {
    const [address, bits] = entry.split("/");
    const parsed = address && canonical(address);
    if (!parsed || !/^\d{1,3}$/.test(bits ?? "")) return undefined;
    const max = parsed.kind() === "ipv4" ? 32 : 128;
    return Number(bits) <= max ? { range: [parsed, Number(bits)] } : undefined;
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return withPort(rangeOf(bracketed[1]!), bracketed[2]);
  if ((entry.match(/:/g) ?? []).length > 1) return rangeOf(entry);
  const [host, port, ...rest] = entry.split(":");
  if (!host || rest.length > 0) return undefined;
  const address = rangeOf(host);
  if (address) return withPort(address, port);
  const name = normalizeName(host);
  return NAME.test(name) ? withPort({ name }, port) : undefined;
}

function rangeOf(address: string): RangeEntry | undefined {
  const parsed = canonical(address);
  return parsed && { range: [parsed, parsed.kind() === "ipv4" ? 32 : 128] };
}

function withPort<T extends object>(entry: T | undefined, port: string | undefined): (T & { port?: number }) | undefined {
  if (!entry || port === undefined) return entry;
  const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  return number >= 1 && number <= 65535 ? { ...entry, port: number } : undefined;
}

/** An IPv6 address that carries an IPv4 one is the IPv4 one, so `127.0.0.1` also allows `[::ffff:127.0.0.1]`. */
function canonical(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const parsed = parseAddress(address);
  if (parsed?.kind() === "ipv6") return embeddedIPv4(parsed as ipaddr.IPv6) ?? parsed;
  return parsed;
}

function inRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: RangeEntry["range"]): boolean {
  return address.kind() === range[0].kind() && address.match(range as [ipaddr.IPv4, number]);
}

function portMatches(allowed: number | undefined, port: number): boolean {
  return allowed === undefined || allowed === port;
}
