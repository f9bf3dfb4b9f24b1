/** Where the API is served; route paths in the table are under it. */
export const API_BASE = "/api/v1";

/**
 * The same API under Cargo's base path (`https://api.getcargo.io/v1`), so a client written for
 * Cargo works by changing only the host. Every request to it is answered as its `/api/v1` twin.
 */
export const API_ALIAS_BASE = "/v1";

/** Whether a path belongs to the API, under `/api/*` or the `/v1` alias (the production server and proxy.ts route on it). */
export function isApiPath(pathname: string): boolean {
  return [/^\/api(\/|$|\?)/, /^\/v1(\/|$|\?)/].some((pattern) => pattern.test(pathname));
}

/**
 * The `/api/v1` path of an API request, whichever base it came by: what the route table, the
 * upload-route check and the 405 lookup match against.
 * @example canonicalApiPath("/v1/health") // "/api/v1/health"
 */
export function canonicalApiPath(pathname: string): string {
  return pathname === API_ALIAS_BASE || pathname.startsWith(`${API_ALIAS_BASE}/`) ? `/api${pathname}` : pathname;
}
