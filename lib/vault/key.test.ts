import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadVaultKey } from "./key";
import { VaultError } from "./vault-error";

describe("loadVaultKey", () => {
  let root: string;
  let dataDir: string;
  let keyFile: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "vault-key-"));
    dataDir = path.join(root, "data");
    keyFile = path.join(dataDir, "encryption.key");
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("generates a 32-byte key into a new data folder on first start, readable only by the owner", () => {
    const key = loadVaultKey({ dataDir });

    expect(key).toHaveLength(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keyFile, "utf8"), "base64").equals(key)).toBe(true);
  });

  it("returns the same key on the next start", () => {
    const first = loadVaultKey({ dataDir });
    const second = loadVaultKey({ dataDir });

    expect(second.equals(first)).toBe(true);
  });

  it("prefers APP_ENCRYPTION_KEY and leaves the data folder alone", () => {
    const envKey = randomBytes(32);

    const key = loadVaultKey({ dataDir, envKey: envKey.toString("base64") });

    expect(key.equals(envKey)).toBe(true);
    expect(fs.existsSync(keyFile)).toBe(false);
  });

  it("treats a blank APP_ENCRYPTION_KEY as unset", () => {
    expect(loadVaultKey({ dataDir, envKey: "  " })).toHaveLength(32);
    expect(fs.existsSync(keyFile)).toBe(true);
  });

  it.each([
    ["16 bytes", randomBytes(16).toString("base64")],
    ["33 bytes", randomBytes(33).toString("base64")],
    ["not base64", "not a key at all!"],
  ])("rejects an APP_ENCRYPTION_KEY of %s without echoing it", (_label, envKey) => {
    const load = () => loadVaultKey({ dataDir, envKey });

    expect(load).toThrow(VaultError);
    expect(load).toThrow("APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    expect(() => load()).not.toThrow(envKey);
  });

  it("rejects a corrupt key file rather than replacing it", () => {
    fs.mkdirSync(dataDir);
    fs.writeFileSync(keyFile, randomBytes(8).toString("base64"));

    expect(() => loadVaultKey({ dataDir })).toThrow(/must hold 32 bytes/);
  });

  it("keeps the key of a process that wrote the file first, when both started at once", () => {
    const otherKey = randomBytes(32);
    const realWrite = fs.writeFileSync;
    vi.spyOn(fs, "writeFileSync").mockImplementationOnce((...args: Parameters<typeof fs.writeFileSync>) => {
      realWrite(keyFile, otherKey.toString("base64"), { mode: 0o600 });
      realWrite(...args);
    });

    const key = loadVaultKey({ dataDir });

    expect(key.equals(otherKey)).toBe(true);
    expect(loadVaultKey({ dataDir }).equals(otherKey)).toBe(true);
  });

  it("waits for a key file another process created but has not written yet", () => {
    const otherKey = randomBytes(32);
    fs.mkdirSync(dataDir);
    fs.writeFileSync(keyFile, "");
    const realRead = fs.readFileSync;
    let reads = 0;
    vi.spyOn(fs, "readFileSync").mockImplementation(((...args: Parameters<typeof fs.readFileSync>) => {
      if (++reads === 3) fs.writeFileSync(keyFile, otherKey.toString("base64"));
      return realRead(...args);
    }) as typeof fs.readFileSync);

    expect(loadVaultKey({ dataDir }).equals(otherKey)).toBe(true);
  });
});
