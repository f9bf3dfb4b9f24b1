import { randomBytes } from "node:crypto";
import { badRequest } from "./errors";
import { escapeHtml, html } from "./http";
import { issueOauthToken } from "./oauth-token";

const CODE_LIFETIME_MS = 10 * 60_000;

/** The demo's OAuth provider: a consent page that hands out one-time codes, and the code exchange. */
export interface OauthFlow {
  /** `GET /oauth/authorize?redirect_uri&state`: the consent page. */
  authorizePage(url: URL): Response;
  /** `POST /completeOauth`: trades an unused code for a token, once. */
  complete(code: unknown, redirectUri: unknown): { value: string };
}

/** Creates an OAuth flow with its own set of pending codes. */
export function createOauthFlow(): OauthFlow {
  const pending = new Map<string, { redirectUri: string; expiresAt: number }>();

  return {
    authorizePage(url) {
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const target = parseRedirectUri(redirectUri);
      const state = url.searchParams.get("state") ?? "";
      const code = randomBytes(16).toString("hex");
      pending.set(code, { redirectUri, expiresAt: Date.now() + CODE_LIFETIME_MS });
      return html(consentPage(target, { code, state }, { error: "access_denied", state }));
    },
    complete(code, redirectUri) {
      if (typeof code !== "string" || !code) throw badRequest("code is required");
      if (typeof redirectUri !== "string" || !redirectUri) throw badRequest("redirectUri is required");
      const grant = pending.get(code);
      if (!grant || grant.expiresAt < Date.now()) {
        throw badRequest("Unknown, expired or already used authorization code");
      }
      if (grant.redirectUri !== redirectUri) {
        throw badRequest("redirectUri does not match the one the code was issued for");
      }
      pending.delete(code);
      return { value: issueOauthToken() };
    },
  };
}

function parseRedirectUri(value: string): URL {
  let target: URL;
  try {
    target = new URL(value);
  } catch {
    throw badRequest("redirect_uri must be an absolute URL");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw badRequest("redirect_uri must use http or https");
  }
  return target;
}

/** A form GET replaces the action's query string, so the redirect URI's own query travels as hidden inputs. */
function redirectForm(target: URL, extra: Record<string, string>, label: string, className: string): string {
  const action = escapeHtml(`${target.origin}${target.pathname}`);
  const fields = [...target.searchParams.entries(), ...Object.entries(extra)]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const button = `<button type="submit" class="${className}">${label}</button>`;
  return `<form method="get" action="${action}">${fields}${button}</form>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; background: #f8fafc; margin: 0 }
body { display: grid; place-items: center; min-height: 100vh }
main { background: #fff; padding: 32px; border-radius: 12px; box-shadow: 0 1px 3px #0002; max-width: 420px }
h1 { font-size: 20px; margin: 0 0 8px }
p { color: #475569 }
.actions { display: flex; gap: 8px; margin-top: 24px }
button { padding: 8px 16px; border-radius: 6px; font: inherit; cursor: pointer }
.primary { background: #0ea5e9; color: #fff; border: 0 }
.secondary { background: #fff; color: #334155; border: 1px solid #cbd5e1 }`;

function consentPage(target: URL, approve: Record<string, string>, deny: Record<string, string>): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorize Demo CRM</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Demo CRM wants to connect</h1>
<p>Allow <strong>${escapeHtml(target.host)}</strong> to read and write your demo contacts, companies and deals.</p>
<div class="actions">
${redirectForm(target, approve, "Authorize", "primary")}
${redirectForm(target, deny, "Deny", "secondary")}
</div>
</main>
</body>
</html>`;
}
