/** How many redirects a followed request may take before it fails. */
export const MAX_REDIRECTS = 5;

/** The statuses fetch treats as redirects (with a Location). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

// Credentials meant for one origin never follow a redirect to another (as browsers and fetch do).
const ORIGIN_BOUND_HEADERS = ["authorization", "cookie", "proxy-authorization"];
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

export interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body?: string | Uint8Array;
}

/** The URL a response redirects to, resolved against the request's, or undefined when it is no redirect. */
export function redirectTarget(response: Response, from: URL): URL | undefined {
  const location = response.headers.get("location");
  if (!REDIRECT_STATUSES.has(response.status) || !location) return undefined;
  return new URL(location, from);
}

/**
 * The request to send after a redirect, as fetch builds it: 303 (and 301/302 after a POST)
 * becomes a GET without body; 307 and 308 repeat method and body; credentials are dropped when
 * the redirect leaves the origin.
 */
export function nextHop(previous: Hop, status: number, url: URL): Hop {
  const headers = new Headers(previous.headers);
  let { method, body } = previous;
  if ((status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of BODY_HEADERS) headers.delete(name);
  }
  if (url.origin !== previous.url.origin) for (const name of ORIGIN_BOUND_HEADERS) headers.delete(name);
  return { url, method, headers, body };
}
