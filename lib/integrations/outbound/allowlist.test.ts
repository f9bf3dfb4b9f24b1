import { describe, expect, it } from "vitest";
import { parseAllowlist } from "./allowlist";

describe("parseAllowlist", () => {
  const list = parseAllowlist("127.0.0.1:3036, crm.internal, Intranet.Example.:8443, 10.1.0.0/16, [::1]:4010, fd00::/8, 192.168.1.7, [fe80::1]");

  it.each([
    ["127.0.0.1", 3036, true],
    ["127.0.0.1", 3037, false],
    ["::ffff:127.0.0.1", 3036, true],
    ["10.1.200.3", 443, true],
    ["10.2.0.1", 443, false],
    ["::1", 4010, true],
    ["::1", 80, false],
    ["fd12::5", 80, true],
    ["192.168.1.7", 1, true],
    ["fe80::1", 8080, true],
  ] as const)("address %s, port %d: %s", (address, port, allowed) => {
    expect(list.allowsAddress(address, port)).toBe(allowed);
  });

  it.each([
    ["crm.internal", 80, true],
    ["CRM.internal.", 9999, true],
    ["intranet.example", 8443, true],
    ["intranet.example", 443, false],
    ["evil.crm.internal", 80, false],
  ] as const)("name %s, port %d: %s", (name, port, allowed) => {
    expect(list.allowsName(name, port)).toBe(allowed);
  });

  it("takes a list, skips empty entries, and keeps what it was given", () => {
    expect(parseAllowlist([" a.example ", "", "1.2.3.4"]).entries).toEqual(["a.example", "1.2.3.4"]);
    expect(parseAllowlist("").entries).toEqual([]);
    expect(parseAllowlist(undefined).allowsAddress("127.0.0.1", 80)).toBe(false);
  });

  it.each(["host:port:extra", "10.0.0.0/33", "fd00::/129", "host:0", "host:70000", "[::1", "[nothost]:80", "exa mple", "a/b", "http://host"])("refuses %j", (entry) => {
    expect(() => parseAllowlist(entry)).toThrow(`OUTBOUND_ALLOWLIST: "${entry}" is not a host name, host:port, IP address, [IPv6]:port or CIDR range`);
  });
});
