import { describe, expect, it } from "vitest";
import { SECRET_MASK } from "./mask";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("replaces every occurrence of every secret", () => {
    const line = "401 for key sk_live_1 (sk_live_1) with password hunter22";

    expect(redactSecrets(line, ["sk_live_1", "hunter22"])).toBe(
      `401 for key ${SECRET_MASK} (${SECRET_MASK}) with password ${SECRET_MASK}`,
    );
  });

  it("leaves secrets shorter than 4 characters alone", () => {
    expect(redactSecrets("region eu, pin 123", ["eu", "123", ""])).toBe("region eu, pin 123");
  });

  it("replaces a secret whole when another secret is part of it", () => {
    expect(redactSecrets("token abcd1234", ["abcd", "abcd1234"])).toBe(`token ${SECRET_MASK}`);
  });

  it("treats secrets as text, not patterns", () => {
    expect(redactSecrets("a.b* and a1bb", ["a.b*"])).toBe(`${SECRET_MASK} and a1bb`);
  });

  it("catches the JSON-escaped and URL-encoded forms a server echoes back", () => {
    const secret = 'p@ss "w/rd"';
    const echoed = `body ${JSON.stringify({ password: secret })} url /login?p=${encodeURIComponent(secret)}`;

    expect(redactSecrets(echoed, [secret])).toBe(`body {"password":"${SECRET_MASK}"} url /login?p=${SECRET_MASK}`);
  });

  it("returns the text unchanged when there are no secrets", () => {
    expect(redactSecrets("nothing to hide", [])).toBe("nothing to hide");
  });
});
