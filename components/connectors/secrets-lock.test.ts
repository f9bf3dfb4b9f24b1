import { describe, expect, it } from "vitest";
import type { ConnectorSecretsLock } from "@/lib/contract";
import { withSecretWidgets } from "./connector-config-schema";
import { lockedFieldLabels, movedToHost, requiringLockedSecrets, withoutLockedSecrets } from "./secrets-lock";

const lock: ConnectorSecretsLock = { reason: "integrationMoved", baseUrl: "https://crm-b.example.com:8443/v2", fields: [["apiKey"], ["auth", "password"]] };
const jsonSchema = {
  type: "object",
  required: ["region"],
  properties: {
    apiKey: { type: "string", title: "API key" },
    region: { type: "string" },
    auth: { type: "object", properties: { password: { type: "string" } } },
  },
};

describe("a locked connector's edit form", () => {
  it("names the host the integration moved to", () => {
    expect(movedToHost(lock)).toBe("crm-b.example.com:8443");
    expect(movedToHost({ ...lock, baseUrl: "not a url" })).toBe("not a url");
  });

  it("names the secrets to enter again by their titles, else their paths", () => {
    expect(lockedFieldLabels(lock, jsonSchema)).toEqual(["API key", "auth.password"]);
  });

  it("starts with the locked secrets empty and the rest as saved", () => {
    const config = { apiKey: "••••••••", region: "eu", auth: { user: "ada", password: "••••••••" } };

    expect(withoutLockedSecrets(config, lock)).toEqual({ region: "eu", auth: { user: "ada" } });
    expect(config.apiKey).toBe("••••••••");
    expect(withoutLockedSecrets(config, null)).toBe(config);
  });

  it("requires the top-level locked secrets", () => {
    expect(requiringLockedSecrets(jsonSchema, lock).required).toEqual(["region", "apiKey"]);
    expect(requiringLockedSecrets(jsonSchema, null)).toBe(jsonSchema);
  });
});

describe("withSecretWidgets", () => {
  it("renders a field recorded as secret as a password even when the manifest dropped the mark", () => {
    expect(withSecretWidgets(jsonSchema, {}, [["apiKey"]])).toEqual({ apiKey: { "ui:widget": "password" } });
  });

  it("keeps a widget the manifest chose", () => {
    expect(withSecretWidgets(jsonSchema, { apiKey: { "ui:widget": "OAuthWidget" } }, [["apiKey"]])).toEqual({ apiKey: { "ui:widget": "OAuthWidget" } });
  });
});
