import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SECRET_MASK, collectSecretValues, createVault, findSecretPaths, maskSecrets, mergeSecrets, redactSecrets } from ".";

describe("a connector's config through the vault", () => {
  it("is stored sealed, answered masked, updated with the mask kept, and redacted from logs", () => {
    const vault = createVault(randomBytes(32));
    const paths = findSecretPaths(
      { type: "object", properties: { apiKey: { type: "string", format: "password" }, region: { type: "string" } } },
      {},
    );
    const sealed = vault.encrypt({ apiKey: "sk_live_CANARY_123", region: "us" });

    const stored = vault.decrypt<Record<string, unknown>>(sealed);
    expect(maskSecrets(stored, paths)).toEqual({ apiKey: SECRET_MASK, region: "us" });

    const updated = mergeSecrets({ apiKey: SECRET_MASK, region: "eu" }, stored, paths);
    expect(vault.decrypt(vault.encrypt(updated))).toEqual({ apiKey: "sk_live_CANARY_123", region: "eu" });

    const log = redactSecrets("401: invalid key sk_live_CANARY_123", collectSecretValues(updated, paths));
    expect(log).toBe(`401: invalid key ${SECRET_MASK}`);
  });
});
