import "server-only";

export { createVault, type Vault } from "./cipher";
export type { SecretPath } from "./config-path";
export { loadVaultKey, type VaultKeyOptions } from "./key";
export { SECRET_MASK, collectSecretValues, maskSecrets, mergeSecrets } from "./mask";
export { redactSecrets } from "./redact";
export { findSecretPaths } from "./secret-fields";
export { VaultError, type VaultErrorKind } from "./vault-error";
