import { z } from "zod";
import { bearerTokenOf, defineNativeAction, defineNativeIntegration, providerError, readJson, type NativeAuthenticateContext } from "../sdk";

// A line break in a header value would let the value add headers of its own.
const headerValue = (title: string, description: string) =>
  z.string().min(1).regex(/^[^\r\n]*$/, "Must be a single line").meta({ title, description });

const GmailInputs = z.object({
  to: headerValue("To", "Recipient address; several separated by commas"),
  subject: headerValue("Subject", "Subject line"),
  body: z.string().meta({ title: "Body", description: "Plain text" }),
});

type GoogleAnswer = { error?: { message?: string } } | undefined;

/**
 * The message as RFC 2822 text, as the integration SDK's Gmail example builds it. A subject outside ASCII becomes an RFC 2047
 * encoded word, since raw 8-bit header bytes are not valid in a header.
 */
export function toRfc2822({ to, subject, body }: { to: string; subject: string; body: string }): string {
  const encodedSubject = /^[\x20-\x7e]*$/.test(subject) ? subject : `=?UTF-8?B?${Buffer.from(subject, "utf8").toString("base64")}?=`;
  return `To: ${to}\r\nSubject: ${encodedSubject}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n` + body;
}

/** base64url without padding: the `raw` field of `users.messages.send`. */
export function toBase64Url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function callGmail({ auth, baseUrl, fetch }: NativeAuthenticateContext, method: "GET" | "POST", path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/gmail/v1/users/me/${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearerTokenOf(auth)}`, ...(body !== undefined && { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await readJson(res);
  if (!res.ok) throw providerError((answer as GoogleAnswer)?.error?.message || `Gmail request failed (HTTP ${res.status})`, { status: res.status });
  return answer;
}

export const gmailSendEmail = defineNativeAction({
  key: "gmail.sendEmail",
  name: "Send email",
  description: "Sends a plain-text email from the connected account",
  provider: "gmail",
  authType: "oauth2",
  inputSchema: GmailInputs,
  outputSchema: z.looseObject({ id: z.string(), threadId: z.string().optional(), labelIds: z.array(z.string()).optional() }),
  run: (ctx) => callGmail(ctx, "POST", "messages/send", { raw: toBase64Url(toRfc2822(ctx.inputs)) }),
});

const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 6.5 12 13l10-6.5V18a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z" fill="#4285F4"/><path d="M2 6.5V6a2 2 0 0 1 3.2-1.6L12 9.5l6.8-5.1A2 2 0 0 1 22 6v.5L12 13z" fill="#EA4335"/></svg>';

/** Gmail through a Google OAuth token with the `gmail.send` scope. */
export const gmail = defineNativeIntegration({
  slug: "gmail",
  name: "Gmail",
  description: "Send email from a Gmail or Google Workspace account",
  icon,
  color: "#EA4335",
  url: "https://mail.google.com",
  category: "engagement",
  authType: "oauth2",
  defaultBaseUrl: "https://gmail.googleapis.com",
  actions: [gmailSendEmail],
  authenticate: async (ctx) => {
    await callGmail(ctx, "GET", "profile");
  },
});
