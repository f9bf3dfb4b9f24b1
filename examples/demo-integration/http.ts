/** CORS is open: the integration holds no cookies and is called by servers and dev tools alike. */
export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type, idempotency-key, x-request-id, authorization",
  "access-control-expose-headers": "retry-after",
  "access-control-max-age": "600",
};

/** A JSON response with CORS headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** An HTML page with CORS headers. */
export function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { ...CORS_HEADERS, "content-type": "text/html; charset=utf-8" } });
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
