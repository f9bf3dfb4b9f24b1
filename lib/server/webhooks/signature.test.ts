import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature";

const secret = "whsec_0123456789abcdef";
const body = '{"event":"batch.finished","batch":{"uuid":"b"}}';
const at = new Date("2026-01-01T00:00:00.000Z");
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("signWebhook", () => {
  it("is t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, as a receiver computes it by hand", () => {
    const t = at.getTime() / 1000;
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signWebhook(secret, body, at)).toBe(`t=${t},v1=${expected}`);
  });
});

describe("verifyWebhookSignature", () => {
  const header = signWebhook(secret, body, at);

  it("accepts the body as signed, within the tolerance either way, as text or bytes", () => {
    expect(verifyWebhookSignature(secret, body, header, at)).toEqual({ valid: true, timestamp: at.getTime() / 1000 });
    expect(verifyWebhookSignature(secret, Buffer.from(body), header, later(299))).toMatchObject({ valid: true });
    expect(verifyWebhookSignature(secret, body, header, later(-299))).toMatchObject({ valid: true });
  });

  it.each([
    ["another secret", "whsec_fedcba9876543210", body, header],
    ["a changed body", secret, body.replace("b", "c"), header],
    ["a signature moved to another time", secret, body, header.replace(/^t=\d+/, `t=${at.getTime() / 1000 + 1}`)],
  ])("refuses %s", (_, key, text, signature) => {
    expect(verifyWebhookSignature(key, text, signature, at)).toEqual({ valid: false, reason: "mismatch" });
  });

  it("refuses a signature older (or newer) than the tolerance as stale", () => {
    expect(verifyWebhookSignature(secret, body, header, later(301))).toEqual({ valid: false, reason: "stale" });
    expect(verifyWebhookSignature(secret, body, header, later(-301))).toEqual({ valid: false, reason: "stale" });
    expect(verifyWebhookSignature(secret, body, header, later(61), 60)).toEqual({ valid: false, reason: "stale" });
  });

  it("accepts any one matching v1, so a sender rolling its secret can sign with both", () => {
    const old = signWebhook("whsec_the-old-secret-0000", body, at).split(",")[1];
    expect(verifyWebhookSignature(secret, body, `${header},${old}`, at)).toMatchObject({ valid: true });
    expect(verifyWebhookSignature(secret, body, `t=${at.getTime() / 1000},${old}`, at)).toEqual({ valid: false, reason: "mismatch" });
  });

  it.each([undefined, null, "", "v1=abc", `t=${at.getTime() / 1000}`, `t=soon,v1=${"0".repeat(64)}`, `t=1,v1=short`])("refuses %j as malformed", (value) => {
    expect(verifyWebhookSignature(secret, body, value, at)).toEqual({ valid: false, reason: "malformed" });
  });
});
