/** The settings accounts and the request guards read (README, Settings). */
export interface AuthSettings {
  /** `APP_URL`: the public origin; its host is allowed, cookies are Secure when it is https. */
  appUrl: URL;
  /** `MAX_BODY_BYTES`: larger request bodies answer 413 (10 MB). */
  maxBodyBytes: number;
  /** `TRUST_PROXY=1`: a reverse proxy we run sets X-Forwarded-For (`clientIp`). */
  trustProxy: boolean;
}

export function readAuthSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  const fallback = `http://localhost:${env.PORT || "3000"}`;
  let appUrl: URL;
  try {
    appUrl = new URL(env.APP_URL || fallback);
  } catch {
    throw new Error(`APP_URL must be a URL such as https://relay.example.com, got "${env.APP_URL}"`);
  }
  const maxBodyBytes = Number(env.MAX_BODY_BYTES) > 0 ? Number(env.MAX_BODY_BYTES) : 10 * 1024 * 1024;
  return { appUrl, maxBodyBytes, trustProxy: env.TRUST_PROXY === "1" };
}

let cached: AuthSettings | undefined;
/** The process's settings, read once. */
export function authSettings(): AuthSettings {
  cached ??= readAuthSettings();
  return cached;
}
