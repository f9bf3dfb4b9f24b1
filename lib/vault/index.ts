import "server-only";

export { createVault, type Vault } from "./cipher";
export type { SecretPath } from "./config-path";
export { openConnectorSeal, sealConnector, type ConnectorSeal } from "./connector-seal";
export { loadVaultKey, type VaultKeyOptions } from "./key";
export { SECRET_MASK, collectSecretValues, keptSecretPaths, maskSecrets, mergeSecrets, setSecretPaths } from "./mask";
export { redactSecrets } from "./redact";
export { findSecretPaths, unionSecretPaths } from "./secret-fields";
export { VaultError, type VaultErrorKind } from "./vault-error";
