import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// A fixed, public secret: tokens then survive server restarts. This is a demo, not a security boundary.
const SECRET = "demo-crm-oauth-signing-secret";
const PREFIX = "demo-oauth";

/** Issues a new OAuth access token that `isValidOauthToken` accepts. */
export function issueOauthToken(): string {
  const nonce = randomBytes(12).toString("hex");
  return `${PREFIX}.${nonce}.${sign(nonce)}`;
}

/** Whether the value is a token issued by `issueOauthToken` (on any run of this server). */
export function isValidOauthToken(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const [prefix, nonce, signature, ...rest] = value.split(".");
  if (prefix !== PREFIX || !nonce || !signature || rest.length > 0) return false;
  const expected = Buffer.from(sign(nonce));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function sign(nonce: string): string {
  return createHmac("sha256", SECRET).update(nonce).digest("hex").slice(0, 32);
}
