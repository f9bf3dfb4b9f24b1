import { describe, expect, it } from "vitest";
import { checkManifestUrl } from "./manifest-url";

describe("checkManifestUrl", () => {
  it.each([
    ["https://crm.example.com/oauth/authorize?x=1", "https://crm.example.com/oauth/authorize?x=1"],
    ["http://127.0.0.1:4010/oauth/authorize", "http://127.0.0.1:4010/oauth/authorize"],
    ["  HTTPS://Crm.Example.com  ", "https://crm.example.com/"],
    ["https:crm.example.com/x", "https://crm.example.com/x"],
  ])("opens %j as %j", (raw, url) => {
    expect(checkManifestUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ["javascript:alert(document.cookie)", "javascript:"],
    ["JaVaScRiPt:alert(1)", "javascript:"],
    ["java\tscript:alert(1)", "javascript:"],
    ["\u0000javascript:alert(1)", "javascript:"],
    [" \njavascript:alert(1)", "javascript:"],
    ["data:text/html,<script>alert(1)</script>", "data:"],
    ["data:image/svg+xml,<svg/>", "data:"],
    ["vbscript:msgbox(1)", "vbscript:"],
    ["file:///etc/passwd", "file:"],
    ["blob:https://crm.example.com/1b2c", "blob:"],
    ["ftp://files.example.com/", "ftp:"],
  ])("refuses %j, naming its scheme", (raw, scheme) => {
    const check = checkManifestUrl(raw, "The sign-in page");
    expect(check).toEqual({
      ok: false,
      message: `The sign-in page was refused: its address uses ${scheme}, and only http: and https: addresses are allowed`,
    });
  });

  it.each([["/oauth/authorize"], ["//evil.example.com/x"], ["crm.example.com"], ["https://"]])("refuses the incomplete %j", (raw) => {
    expect(checkManifestUrl(raw)).toEqual({ ok: false, message: "This link was refused: its address is not a complete http: or https: URL" });
  });

  it.each([[""], ["   "], [undefined], [null], [42], [{ href: "https://x.example" }]])("refuses %j as no address", (raw) => {
    expect(checkManifestUrl(raw)).toMatchObject({ ok: false, message: "This link was refused: the integration gave no address" });
  });
});
