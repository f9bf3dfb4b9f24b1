import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVault } from "./cipher";
import { VaultError } from "./vault-error";

const CANARY = "sk_live_CANARY_123";
const config = { apiKey: CANARY, region: "eu", nested: { list: [1, true, null], name: "Zoë 日本 🚀" } };

const vault = createVault(randomBytes(32));

/** Flips one byte of the base64url part at `index` (1 = iv, 2 = tag, 3 = ciphertext). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0] = bytes[0]! ^ 0xff;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("createVault", () => {
  it("round-trips nested objects and unicode", () => {
    expect(vault.decrypt(vault.encrypt(config))).toEqual(config);
  });

  it.each([["a string"], [42], [null], [[1, "two"]], [{}]])("round-trips %j", (value) => {
    expect(vault.decrypt(vault.encrypt(value))).toEqual(value);
  });

  it("seals as v1.<iv>.<tag>.<ciphertext> in base64url", () => {
    expect(vault.encrypt(config)).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it("seals the same value differently each time", () => {
    expect(vault.encrypt(config)).not.toBe(vault.encrypt(config));
  });

  it("does not leak the plaintext into the sealed string", () => {
    const sealed = vault.encrypt(config);

    for (const form of [CANARY, JSON.stringify(config)]) {
      expect(sealed).not.toContain(form);
      expect(sealed).not.toContain(Buffer.from(form).toString("base64").slice(0, 16));
      expect(sealed).not.toContain(Buffer.from(form).toString("base64url").slice(0, 16));
    }
  });

  it("refuses to encrypt what JSON cannot hold", () => {
    expect(() => vault.encrypt(undefined)).toThrow(TypeError);
  });

  it("rejects a key that is not 32 bytes", () => {
    expect(() => createVault(randomBytes(16))).toThrow(VaultError);
  });

  const sealed = vault.encrypt(config);
  it.each([
    ["the wrong key", () => createVault(randomBytes(32)).decrypt(sealed)],
    ["a tampered iv", () => vault.decrypt(tamper(sealed, 1))],
    ["a tampered tag", () => vault.decrypt(tamper(sealed, 2))],
    ["a tampered ciphertext", () => vault.decrypt(tamper(sealed, 3))],
    ["a truncated tag", () => vault.decrypt(sealed.replace(/^(v1\.[^.]+\.)[^.]{6}/, "$1"))],
  ])("throws a VaultError for %s, without the plaintext in it", (_label, run) => {
    const error = thrown(run);

    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({
      kind: "undecryptable",
      message: "Stored credentials could not be decrypted: the encryption key changed or the data was altered",
    });
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(String((error as Error).stack)).not.toContain(CANARY);
  });

  it.each([["plain text"], ["v2.a.b.c"], ["v1.a.b"], ["v1.a.b.c.d"], [""]])("throws a VaultError for the malformed %j", (bad) => {
    expect(() => vault.decrypt(bad)).toThrow(VaultError);
  });
});
