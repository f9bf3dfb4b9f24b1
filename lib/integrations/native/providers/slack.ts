import { z } from "zod";
import { bearerTokenOf, defineNativeAction, defineNativeIntegration, providerError, readJson, type NativeAuthenticateContext } from "../sdk";

const SlackInputs = z.object({
  channel: z.string().min(1).meta({ title: "Channel", description: "Channel id or name, e.g. C0123456789 or #general" }),
  text: z.string().min(1).meta({ title: "Text", description: "The message, in Slack's mrkdwn" }),
});

type SlackAnswer = { ok?: boolean; error?: string } | undefined;

/** Slack answers HTTP 200 with `ok: false` for most failures; both kinds carry `error`. */
async function callSlack({ auth, baseUrl, fetch }: NativeAuthenticateContext, method: string, body: unknown) {
  const res = await fetch(`${baseUrl}/api/${method}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${bearerTokenOf(auth)}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await readJson(res)) as SlackAnswer;
  if (!res.ok || answer?.ok !== true) throw providerError(answer?.error || `Slack request failed (HTTP ${res.status})`, { status: res.status });
  return answer as Record<string, unknown>;
}

export const slackSendMessage = defineNativeAction({
  key: "slack.sendMessage",
  name: "Send message",
  description: "Posts a message to a channel",
  provider: "slack",
  authType: "oauth2",
  inputSchema: SlackInputs,
  outputSchema: z.looseObject({ ok: z.literal(true), channel: z.string().optional(), ts: z.string().optional() }),
  run: (ctx) => callSlack(ctx, "chat.postMessage", { channel: ctx.inputs.channel, text: ctx.inputs.text }),
});

const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="10" y="2" width="4" height="9" rx="2" fill="#36C5F0"/><rect x="13" y="10" width="9" height="4" rx="2" fill="#2EB67D"/><rect x="10" y="13" width="4" height="9" rx="2" fill="#ECB22E"/><rect x="2" y="10" width="9" height="4" rx="2" fill="#E01E5A"/></svg>';

/** Slack through a bot or user OAuth token (`chat:write` scope). */
export const slack = defineNativeIntegration({
  slug: "slack",
  name: "Slack",
  description: "Send messages to Slack channels",
  icon,
  color: "#4A154B",
  url: "https://slack.com",
  category: "engagement",
  authType: "oauth2",
  defaultBaseUrl: "https://slack.com",
  actions: [slackSendMessage],
  authenticate: async (ctx) => {
    await callSlack(ctx, "auth.test", {});
  },
});
