import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

const codePath = (dataDir: string) => path.join(dataDir, "setup-code");

/**
 * The one-time code that lets the first user claim a fresh instance: written to
 * `DATA_DIR/setup-code` (mode 600) and printed at start, so only someone who can read the server's
 * console or files can create the first account. Kept across restarts until it is used.
 */
export function ensureSetupCode(dataDir: string): string {
  const file = codePath(dataDir);
  const existing = readSetupCode(dataDir);
  if (existing) return existing;
  const raw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${code}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return code;
}

export function readSetupCode(dataDir: string): string | null {
  try {
    return fs.readFileSync(codePath(dataDir), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function deleteSetupCode(dataDir: string): void {
  fs.rmSync(codePath(dataDir), { force: true });
}

/** Codes compare without their dashes and case, as people type them. */
export function setupCodeMatches(expected: string, given: string): boolean {
  const normal = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();
  return normal(expected).length > 0 && normal(expected) === normal(given);
}
