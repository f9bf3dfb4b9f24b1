import { describe, expect, it } from "vitest";
import { REDACTED } from "@/lib/contract";
import { secretMatcher } from "./secret-forms";

const SECRET = "sk/live/ä b!(c)*~'";
const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("secretMatcher", () => {
  it("finds a secret in every form a server may echo it: escaped, encoded, in base64", () => {
    const { redact } = secretMatcher([SECRET]);
    const json = JSON.stringify(SECRET).slice(1, -1);
    const forms = [
      SECRET,
      json.replaceAll("/", "\\/"),
      json.replace("ä", "\\u00e4"),
      json.replace("ä", "\\u00E4").replaceAll("/", "\\/"),
      encodeURIComponent(SECRET),
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      new URLSearchParams({ q: SECRET }).toString().slice(2),
      encodeURIComponent(SECRET).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
      base64(SECRET),
      Buffer.from(SECRET).toString("base64url"),
    ];
    for (const form of forms) expect(redact(`<${form}>`), form).toBe(`<${REDACTED}>`);
  });

  it("finds a secret inside any base64 text that holds it, whatever comes before it", () => {
    const { redact } = secretMatcher(["s3cr3t-pass"]);
    for (const pair of ["user:s3cr3t-pass", "ab:s3cr3t-pass", "abc:s3cr3t-pass", "s3cr3t-pass:", ":s3cr3t-pass"]) {
      const redacted = redact(`Basic ${base64(pair)}`);
      expect(redacted, pair).toContain(REDACTED);
      // What is left is at most the user's part and a character either side of the secret.
      expect(redacted.replace(`Basic `, "").replace(REDACTED, "").length, pair).toBeLessThanOrEqual(Math.ceil((pair.length - 11) * 4 / 3) + 6);
    }
  });

  it("hides a short or all-digit secret only where it stands whole", () => {
    const { redact, isSecretNumber } = secretMatcher(["abc", "3600", "12"]);
    expect(redact("bad key abc")).toBe(`bad key ${REDACTED}`);
    expect(redact("?pin=12&page=2")).toBe(`?pin=${REDACTED}&page=2`);
    expect(redact("abcdef 2012 36000 x_abc")).toBe("abcdef 2012 36000 x_abc");
    expect(redact('{"ttl":3600}')).toBe(`{"ttl":${REDACTED}}`);
    expect(isSecretNumber(3600)).toBe(true);
    expect(isSecretNumber(36)).toBe(false);
  });

  it("drops the start of a secret cut off by the end of a text, and nothing else", () => {
    const { withoutCutSecret } = secretMatcher(["sk_live_12345"]);
    expect(withoutCutSecret("data data sk_li")).toBe("data data ");
    expect(withoutCutSecret(`data data sk_live_12345 and s`)).toBe("data data sk_live_12345 and ");
    expect(withoutCutSecret("data data")).toBe("data data");
  });

  it("ignores empty values and the placeholder itself", () => {
    expect(secretMatcher(["", REDACTED]).redact(`x ${REDACTED} y`)).toBe(`x ${REDACTED} y`);
  });
});
