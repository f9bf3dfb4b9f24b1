import type { Vault } from "./cipher";
import { isRecord } from "@/lib/contract/is-record";

/** What a connector's sealed column holds: its config, and how and where its secrets were saved. */
export interface ConnectorSeal {
  config: Record<string, unknown>;
  /** The secret fields when it was last saved; they stay secret even if the manifest forgets them. */
  secretPaths: string[][];
  /**
   * The integration server the secrets were entered for (null: an integration that runs inside
   * the app); `undefined` for a connector saved before this was recorded.
   */
  secretsBaseUrl: string | null | undefined;
}

// Marks the current layout; a sealed value without it is a bare config from an earlier version.
const SEAL = "relay.connector/2";

/**
 * Seals a connector's config together with its recorded secret fields and the server its secrets
 * belong to. Both are inside the authenticated ciphertext, so editing the database cannot point
 * stored secrets at another server or unmask them.
 * @example
 * const sealed = sealConnector(vault, { config, secretPaths: [["apiKey"]], secretsBaseUrl: "https://crm.example.com" });
 */
export function sealConnector(vault: Vault, seal: ConnectorSeal): string {
  return vault.encrypt({
    $seal: SEAL,
    config: seal.config,
    secretPaths: seal.secretPaths,
    secretsBaseUrl: seal.secretsBaseUrl ?? null,
  });
}

/** Opens what `sealConnector` sealed, or a bare config sealed by an earlier version (nothing recorded). */
export function openConnectorSeal(vault: Vault, sealed: string): ConnectorSeal {
  const value = vault.decrypt<unknown>(sealed);
  if (isRecord(value) && value.$seal === SEAL && isRecord(value.config)) {
    return {
      config: value.config,
      secretPaths: Array.isArray(value.secretPaths) ? value.secretPaths.filter(isPath) : [],
      secretsBaseUrl: typeof value.secretsBaseUrl === "string" ? value.secretsBaseUrl : null,
    };
  }
  return { config: isRecord(value) ? value : {}, secretPaths: [], secretsBaseUrl: undefined };
}

function isPath(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((key) => typeof key === "string");
}
