/** Why the vault refused; lib/server maps each kind to an HTTP status (or a failed start). */
export type VaultErrorKind =
  | "invalidKey" // APP_ENCRYPTION_KEY or encryption.key is not 32 bytes of base64
  | "undecryptable" // wrong key, altered data, or a sealed string this version cannot read
  | "maskWithoutValue"; // an update sent the mask for a secret that was never stored

/** Thrown by the vault. Messages never carry plaintext or key material, so they are safe to show. */
export class VaultError extends Error {
  readonly kind: VaultErrorKind;

  constructor(kind: VaultErrorKind, message: string) {
    super(message);
    this.name = "VaultError";
    this.kind = kind;
  }
}
