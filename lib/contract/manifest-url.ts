/** The only schemes a URL from a manifest may be opened, linked or loaded with. */
export const OPENABLE_URL_PROTOCOLS = ["https:", "http:"] as const;

export type ManifestUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Checks a URL an integration's manifest supplies (an OAuth authorize page, a homepage, an icon)
 * before the UI opens, links or loads it. Manifests are untrusted: only absolute `http:` and
 * `https:` URLs pass, as the URL parser reads them (so `java\tscript:` is caught too), and the
 * parser's normalized form is what the caller must use. `javascript:`, `data:`, `file:`, `blob:`,
 * relative and protocol-relative URLs are refused with a message the UI shows instead.
 * @example
 * checkManifestUrl("https://crm.example.com/oauth/authorize", "The sign-in page")
 * // → { ok: true, url: "https://crm.example.com/oauth/authorize" }
 * checkManifestUrl("javascript:alert(1)", "The sign-in page")
 * // → { ok: false, message: "The sign-in page was refused: its address uses javascript:, and only http: and https: addresses are allowed" }
 */
export function checkManifestUrl(raw: unknown, what = "This link"): ManifestUrlCheck {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return { ok: false, message: `${what} was refused: the integration gave no address` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `${what} was refused: its address is not a complete http: or https: URL` };
  }
  if (!(OPENABLE_URL_PROTOCOLS as readonly string[]).includes(url.protocol)) {
    return {
      ok: false,
      message: `${what} was refused: its address uses ${url.protocol.slice(0, 40)}, and only http: and https: addresses are allowed`,
    };
  }
  return { ok: true, url: url.href };
}
