import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVault } from "./cipher";
import { openConnectorSeal, sealConnector } from "./connector-seal";

const vault = createVault(randomBytes(32));
const config = { apiKey: "sk_live_CANARY", region: "eu" };

describe("a connector seal", () => {
  it("keeps the config, the recorded secret fields and the server the secrets were saved for", () => {
    const seal = { config, secretPaths: [["apiKey"], ["auth", "password"]], secretsBaseUrl: "https://crm.example.com" };

    const sealed = sealConnector(vault, seal);

    expect(sealed).not.toContain("crm.example.com");
    expect(openConnectorSeal(vault, sealed)).toEqual(seal);
  });

  it("records null for an integration that runs inside the app", () => {
    expect(openConnectorSeal(vault, sealConnector(vault, { config, secretPaths: [], secretsBaseUrl: null }))).toMatchObject({ secretsBaseUrl: null });
  });

  it("opens a bare config sealed by an earlier version as that config, with nothing recorded", () => {
    expect(openConnectorSeal(vault, vault.encrypt(config))).toEqual({ config, secretPaths: [], secretsBaseUrl: undefined });
  });

  it("drops recorded paths that are not lists of names", () => {
    const sealed = vault.encrypt({ $seal: "relay.connector/2", config, secretPaths: [["apiKey"], [], "token", [1]], secretsBaseUrl: "https://a.example" });

    expect(openConnectorSeal(vault, sealed).secretPaths).toEqual([["apiKey"]]);
  });

  it("cannot be re-pointed without the key: an altered seal does not open", () => {
    const sealed = sealConnector(vault, { config, secretPaths: [["apiKey"]], secretsBaseUrl: "https://a.example" });

    expect(() => openConnectorSeal(createVault(randomBytes(32)), sealed)).toThrow("could not be decrypted");
  });
});
