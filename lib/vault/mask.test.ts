import { describe, expect, it } from "vitest";
import type { ConfigValues } from "@/lib/contract";
import { SECRET_MASK, collectSecretValues, keptSecretPaths, maskSecrets, mergeSecrets, setSecretPaths } from "./mask";
import { VaultError } from "./vault-error";

const M = SECRET_MASK;
const paths = [["apiKey"], ["auth", "password"]];
const stored = { apiKey: "sk_old", region: "us", auth: { user: "ada", password: "pw_old" } };

describe("maskSecrets", () => {
  it.each<[string, ConfigValues, ConfigValues]>([
    ["masks set secrets, top level and nested", stored, { apiKey: M, region: "us", auth: { user: "ada", password: M } }],
    ["leaves an absent secret absent", { region: "us" }, { region: "us" }],
    ["leaves an empty secret empty", { apiKey: "", auth: { password: null } }, { apiKey: "", auth: { password: null } }],
    ["masks a non-string secret", { apiKey: 1234 }, { apiKey: M }],
    ["leaves a parent that is not an object as it is", { auth: "basic" }, { auth: "basic" }],
  ])("%s", (_label, config, expected) => {
    expect(maskSecrets(config, paths)).toEqual(expected);
  });

  it("returns a copy and leaves the config untouched", () => {
    const config = structuredClone(stored);

    const masked = maskSecrets(config, paths);

    expect(config).toEqual(stored);
    masked.auth.user = "changed";
    expect(config.auth.user).toBe("ada");
  });

  it("keeps a field named __proto__ an ordinary key", () => {
    const config = JSON.parse('{"__proto__":"sk_proto"}') as ConfigValues;

    const masked = maskSecrets(config, [["__proto__"]]);

    expect(Object.getOwnPropertyDescriptor(masked, "__proto__")?.value).toBe(M);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
  });
});

describe("mergeSecrets", () => {
  it.each<[string, ConfigValues, ConfigValues]>([
    [
      "the mask sent back keeps the stored value",
      { apiKey: M, region: "us", auth: { user: "ada", password: M } },
      stored,
    ],
    [
      "an omitted secret keeps the stored value",
      { region: "eu", auth: { user: "ada" } },
      { region: "eu", apiKey: "sk_old", auth: { user: "ada", password: "pw_old" } },
    ],
    [
      "an omitted parent object keeps its stored secrets only",
      { apiKey: M },
      { apiKey: "sk_old", auth: { password: "pw_old" } },
    ],
    [
      "a new value replaces the stored one",
      { apiKey: "sk_new", region: "us", auth: { user: "ada", password: "pw_new" } },
      { apiKey: "sk_new", region: "us", auth: { user: "ada", password: "pw_new" } },
    ],
    ['"" clears a secret', { apiKey: "", auth: { password: "" } }, { apiKey: "", auth: { password: "" } }],
    ["null clears a secret", { apiKey: null, auth: { password: null } }, { apiKey: null, auth: { password: null } }],
    ["a parent sent as null clears the secrets under it", { apiKey: M, auth: null }, { apiKey: "sk_old", auth: null }],
    [
      "non-secret fields come from the update as sent, the mask included",
      { apiKey: M, region: M, auth: { password: M } },
      { apiKey: "sk_old", region: M, auth: { password: "pw_old" } },
    ],
  ])("%s", (_label, incoming, expected) => {
    expect(mergeSecrets(incoming, stored, paths)).toEqual(expected);
  });

  it.each<[string, ConfigValues, ConfigValues, string]>([
    ["nothing stored", { apiKey: M }, {}, "apiKey"],
    ["an empty value stored", { apiKey: M }, { apiKey: "" }, "apiKey"],
    ["a nested secret never set", { auth: { password: M } }, { auth: { user: "ada" } }, "auth.password"],
  ])("rejects the mask with %s", (_label, incoming, previous, field) => {
    const merge = () => mergeSecrets(incoming, previous, paths);

    expect(merge).toThrow(VaultError);
    expect(merge).toThrow(`The secret field "${field}" was never set`);
  });

  it("leaves both inputs untouched", () => {
    const incoming = { apiKey: M };
    const previous = structuredClone(stored);

    const merged = mergeSecrets(incoming, previous, paths);
    (merged.auth as { password: string }).password = "changed";

    expect(incoming).toEqual({ apiKey: M });
    expect(previous).toEqual(stored);
  });

  it("round-trips with maskSecrets: saving the masked form unchanged keeps every secret", () => {
    expect(mergeSecrets(maskSecrets(stored, paths), stored, paths)).toEqual(stored);
  });
});

describe("collectSecretValues", () => {
  it("returns each set secret once, skipping plain fields, empties and the mask", () => {
    const config = { apiKey: "sk_1", region: "us", auth: { password: "sk_1" }, other: "" };

    expect(collectSecretValues(config, [...paths, ["other"], ["missing"]])).toEqual(["sk_1"]);
    expect(collectSecretValues({ apiKey: M, auth: { password: "" } }, paths)).toEqual([]);
  });

  it("collects the leaves of a secret object and numbers as text", () => {
    const config = { credentials: { key: "k_123", pin: 987654, scopes: ["read"], on: true } };

    expect(collectSecretValues(config, [["credentials"]])).toEqual(["k_123", "987654", "read"]);
  });
});

describe("setSecretPaths", () => {
  it("lists the secrets that hold a value", () => {
    expect(setSecretPaths(stored, paths)).toEqual(paths);
    expect(setSecretPaths({ apiKey: "", auth: { password: "pw" } }, paths)).toEqual([["auth", "password"]]);
    expect(setSecretPaths({ region: "us" }, paths)).toEqual([]);
  });
});

describe("keptSecretPaths", () => {
  it("lists the secrets an update would keep from the stored config: sent as the mask, or not sent", () => {
    expect(keptSecretPaths({ apiKey: M, auth: { password: "pw_new" } }, paths)).toEqual([["apiKey"]]);
    expect(keptSecretPaths({ region: "eu" }, paths)).toEqual(paths);
    expect(keptSecretPaths({ apiKey: "sk_new", auth: { password: null } }, paths)).toEqual([]);
  });
});
