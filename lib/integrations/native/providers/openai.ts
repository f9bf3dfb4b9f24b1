import { z } from "zod";
import { bearerTokenOf, defineNativeAction, defineNativeIntegration, providerError, readJson, type NativeAuthenticateContext } from "../sdk";

const OpenAiInputs = z.object({
  prompt: z.string().min(1).meta({ title: "Prompt", description: "The user message" }),
  model: z.string().min(1).default("gpt-4o-mini").meta({ title: "Model" }),
});

const ChatCompletion = z.looseObject({
  choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullable().optional() }) })),
});

type OpenAiAnswer = { error?: { message?: string } } | undefined;

async function callOpenAi({ auth, baseUrl, fetch }: NativeAuthenticateContext, method: "GET" | "POST", path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/v1/${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearerTokenOf(auth)}`, ...(body !== undefined && { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await readJson(res);
  if (!res.ok) throw providerError((answer as OpenAiAnswer)?.error?.message || `OpenAI error (HTTP ${res.status})`, { status: res.status });
  return answer;
}

export const openaiChatCompletion = defineNativeAction({
  key: "openai.chatCompletion",
  name: "Chat completion",
  description: "Answers a prompt with a chat model; the output's text field holds the reply",
  provider: "openai",
  authType: "api_key",
  inputSchema: OpenAiInputs,
  outputSchema: ChatCompletion.extend({ text: z.string() }),
  run: async (ctx) => {
    const answer = await callOpenAi(ctx, "POST", "chat/completions", {
      model: ctx.inputs.model,
      messages: [{ role: "user", content: ctx.inputs.prompt }],
    });
    const completion = ChatCompletion.safeParse(answer);
    // A malformed answer goes back as is, for the output schema check to report.
    if (!completion.success) return answer;
    return { ...completion.data, text: completion.data.choices[0]?.message.content ?? "" };
  },
});

const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#10A37F" stroke-width="1.8"><path d="M12 3.5a4 4 0 0 1 6.9 2.8 4 4 0 0 1 1.6 6.7 4 4 0 0 1-5 5.6 4 4 0 0 1-6.9-1.2A4 4 0 0 1 3.5 11a4 4 0 0 1 5-5.6A4 4 0 0 1 12 3.5z"/><circle cx="12" cy="12" r="2.5"/></svg>';

/** OpenAI's API (or any server speaking it, through the API base URL) with an API key. */
export const openai = defineNativeIntegration({
  slug: "openai",
  name: "OpenAI",
  description: "Generate text with OpenAI chat models",
  icon,
  color: "#10A37F",
  url: "https://openai.com",
  category: "enrichment",
  authType: "api_key",
  defaultBaseUrl: "https://api.openai.com",
  actions: [openaiChatCompletion],
  authenticate: async (ctx) => {
    await callOpenAi(ctx, "GET", "models");
  },
});
