import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie, token or invitation: 32 bytes, base64url, behind a readable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** What is stored instead of a secret: its SHA-256. A secret of 256 random bits needs no salt or slow hash. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const API_TOKEN_PREFIX = "relay_";
