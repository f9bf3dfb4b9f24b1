import type { FormField } from "@/lib/contract";

/** An example body for the webhook: each form field with a placeholder of its kind. */
export function exampleBody(fields: readonly FormField[]): string {
  const placeholder: Record<FormField["kind"], unknown> = { string: "text", text: "text", number: 1, boolean: true, date: "2026-01-31", json: {} };
  return JSON.stringify(Object.fromEntries(fields.map((field) => [field.slug, placeholder[field.kind]])));
}

/**
 * A shell snippet that signs a body the way the webhook checks it (HMAC-SHA256 of "<t>.<body>",
 * hex, with the unix time) and POSTs it, so the scheme is shown by something that works.
 * @example webhookCurl("https://relay.example/api/v1/hooks/tools/…", '{"name":"Ada"}', "whsec_…")
 */
export function webhookCurl(url: string, body: string, secret: string): string {
  const quoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    `SECRET=${quoted(secret)}`,
    `BODY=${quoted(body)}`,
    `T=$(date +%s)`,
    `SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -X POST ${quoted(url)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "X-Relay-Signature: t=$T,v1=$SIG" \\`,
    `  --data-raw "$BODY"`,
  ].join("\n");
}
