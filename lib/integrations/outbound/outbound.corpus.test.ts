import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mapResolver, startHitCounter, type HitCounter } from "../testing/outbound";
import { createOutboundFetch, type OutboundFetch } from "./outbound-fetch";
import { OutboundRefusedError } from "./outbound-refused-error";

// The SSRF corpus: every target below would reach a listener on this machine, or a private
// network, if the guard let it through. The listener answers on every local address, so a
// spelling the guard missed shows up as a hit. Redirects, allowed targets and how call sites
// report a refusal are in outbound-fetch.test.ts.
let target: HitCounter;
let refusing: OutboundFetch;

beforeAll(async () => {
  target = await startHitCounter();
  const names = mapResolver({
    "internal.example": ["127.0.0.1"],
    "private.example": ["10.0.0.5"],
    "metadata.google.internal": ["169.254.169.254"],
    "mixed.example": ["93.184.215.14", "127.0.0.1"],
    "v6-loopback.example": ["::1"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "ula.example": ["fd00::5"],
    "127.0.0.1.nip.io": ["127.0.0.1"],
  });
  // Production's rules, nothing allowed.
  refusing = createOutboundFetch({ resolve: names });
});
afterAll(() => target.close());
beforeEach(() => {
  target.hits.length = 0;
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the guard to refuse"),
    (error: unknown) => error,
  );

describe("the SSRF corpus: each target refused, with no connection made", () => {
  const P = () => target.port;
  const corpus: Array<[string, () => string, RegExp]> = [
    // IPv4 loopback, in every spelling the URL parser accepts
    ["dotted loopback", () => `http://127.0.0.1:${P()}/`, /loopback address \(127\.0\.0\.0\/8\)/],
    ["another 127/8 address", () => `http://127.0.0.2:${P()}/`, /loopback/],
    ["decimal", () => `http://2130706433:${P()}/`, /loopback/],
    ["octal", () => `http://0177.0.0.1:${P()}/`, /loopback/],
    ["hex", () => `http://0x7f.0.0.1:${P()}/`, /loopback/],
    ["hex, one number", () => `http://0x7f000001:${P()}/`, /loopback/],
    ["octal, one number", () => `http://017700000001:${P()}/`, /loopback/],
    ["short form 127.1", () => `http://127.1:${P()}/`, /loopback/],
    ["short form 127.0.1", () => `http://127.0.1:${P()}/`, /loopback/],
    ["zero-padded", () => `http://127.000.000.001:${P()}/`, /loopback/],
    ["https to loopback", () => `https://127.0.0.1:${P()}/`, /loopback/],
    ["IPv4 with the root dot", () => `http://127.0.0.1.:${P()}/`, /loopback/],
    // Unspecified: connecting to it reaches this machine
    ["0.0.0.0", () => `http://0.0.0.0:${P()}/`, /unspecified address \(0\.0\.0\.0\/8\)/],
    ["0", () => `http://0:${P()}/`, /unspecified/],
    ["[::]", () => `http://[::]:${P()}/`, /unspecified address \(::\/128\)/],
    // IPv6 loopback and IPv6 forms of IPv4 loopback
    ["[::1]", () => `http://[::1]:${P()}/`, /loopback address \(::1\/128\)/],
    ["[::1] in full", () => `http://[0:0:0:0:0:0:0:1]:${P()}/`, /loopback/],
    ["IPv4-mapped, dotted", () => `http://[::ffff:127.0.0.1]:${P()}/`, /loopback address \(127\.0\.0\.0\/8\)/],
    ["IPv4-mapped, hex", () => `http://[::ffff:7f00:1]:${P()}/`, /loopback/],
    ["IPv4-mapped, in full", () => `http://[0:0:0:0:0:ffff:127.0.0.1]:${P()}/`, /loopback/],
    ["IPv4-compatible", () => `http://[::127.0.0.1]:${P()}/`, /IPv4-compatible address/],
    ["NAT64 around loopback", () => `http://[64:ff9b::127.0.0.1]:${P()}/`, /loopback/],
    ["6to4 around loopback", () => `http://[2002:7f00:1::]:${P()}/`, /loopback/],
    // Names: the system resolver's localhost, and names a (test) resolver maps to private addresses
    ["localhost", () => `http://localhost:${P()}/`, /it resolves to a loopback address/],
    ["LOCALHOST. with the root dot", () => `http://LOCALHOST.:${P()}/`, /it resolves to a loopback address/],
    ["a public-looking name resolving to loopback", () => `http://internal.example:${P()}/`, /^Refused to call internal\.example:\d+: it resolves to a loopback address/],
    ["a name resolving to a private address", () => `http://private.example:${P()}/`, /it resolves to a private address \(10\.0\.0\.0\/8\)/],
    ["metadata.google.internal", () => "http://metadata.google.internal/computeMetadata/v1/", /it resolves to a cloud metadata address/],
    ["a name with one public and one loopback address", () => `http://mixed.example:${P()}/`, /it resolves to a loopback address/],
    ["a name resolving to ::1", () => `http://v6-loopback.example:${P()}/`, /loopback address \(::1\/128\)/],
    ["a name resolving to an IPv4-mapped loopback", () => `http://mapped.example:${P()}/`, /loopback/],
    ["a name resolving to a unique-local address", () => `http://ula.example:${P()}/`, /unique-local address/],
    ["a wildcard-DNS name", () => `http://127.0.0.1.nip.io:${P()}/`, /loopback/],
    // Private, link-local, metadata, CGNAT, multicast, reserved
    ["10/8", () => "http://10.0.0.5/", /^Refused to call 10\.0\.0\.5: private address \(10\.0\.0\.0\/8\); add 10\.0\.0\.5 to OUTBOUND_ALLOWLIST/],
    ["172.16/12", () => "http://172.16.0.1/", /private address \(172\.16\.0\.0\/12\)/],
    ["172.31.255.255", () => "http://172.31.255.255:8080/", /private/],
    ["192.168/16", () => "http://192.168.1.1/", /private address \(192\.168\.0\.0\/16\)/],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/", /cloud metadata address \(169\.254\.169\.254\/32\)/],
    ["cloud metadata, decimal", () => "http://2852039166/latest/meta-data/", /cloud metadata/],
    ["cloud metadata, IPv4-mapped", () => "http://[::ffff:169.254.169.254]/", /cloud metadata/],
    ["ECS task metadata", () => "http://169.254.170.2/v2/credentials", /cloud metadata/],
    ["AWS IPv6 metadata", () => "http://[fd00:ec2::254]/", /cloud metadata/],
    ["link-local IPv4", () => "http://169.254.0.1/", /link-local address \(169\.254\.0\.0\/16\)/],
    ["CGNAT", () => "http://100.64.0.1/", /shared address space \(CGNAT\) \(100\.64\.0\.0\/10\)/],
    ["CGNAT, top", () => "http://100.127.255.254/", /CGNAT/],
    ["multicast", () => "http://224.0.0.1/", /multicast address \(224\.0\.0\.0\/4\)/],
    ["SSDP multicast", () => "http://239.255.255.250:1900/", /multicast/],
    ["broadcast", () => "http://255.255.255.255/", /broadcast/],
    ["reserved 240/4", () => "http://240.0.0.1/", /reserved/],
    ["private, IPv4-mapped", () => "http://[::ffff:10.0.0.5]/", /private address \(10\.0\.0\.0\/8\)/],
    ["unique-local fc00::/7", () => "http://[fc00::1]/", /unique-local address \(fc00::\/7\)/],
    ["unique-local fd..", () => "http://[fd12:3456::1]/", /unique-local/],
    ["link-local IPv6", () => "http://[fe80::1]/", /link-local address \(fe80::\/10\)/],
    ["site-local IPv6", () => "http://[fec0::1]/", /site-local/],
    ["multicast IPv6", () => "http://[ff02::1]/", /multicast address \(ff00::\/8\)/],
  ];

  it("has at least 40 targets", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus)("%s", async (_name, url, rule) => {
    const error = await refusal(refusing(url()));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as Error).message).toMatch(rule);
    expect((error as Error).message).toMatch(/^Refused to call .+; add .+ to OUTBOUND_ALLOWLIST to allow it$/);
    expect(target.hits).toEqual([]);
  });

  it("a scheme other than http(s) is refused and cannot be allowed", async () => {
    const allowEverything = createOutboundFetch({ allowlist: "0.0.0.0/0, ::/0" });
    const error = await refusal(allowEverything("file:///etc/passwd"));
    expect(error).toMatchObject({ name: "OutboundRefusedError", message: "Refused to call file:///etc/passwd: only http and https URLs can be called, not file:" });
  });
});
