import type { Template } from "@/lib/contract";
import { DEMO_CRM, EMAIL_FORM_FIELD, expr, lookupContactByEmail, templateGraph } from "../build";

const slug = "openai-summarize-contact";

/** Tool: a CRM lookup fed to a chat model, for a one-paragraph brief before a call. Needs two connectors. */
export const openaiSummarizeContact: Template = {
  slug,
  name: "Brief me on a CRM contact (OpenAI)",
  description: "Looks a contact up by email and asks OpenAI for a two-sentence brief to read before a call.",
  kind: "tool",
  category: "AI",
  tags: ["openai", "lookup", "summary"],
  integrations: [
    { ...DEMO_CRM, purpose: "Looks the contact up" },
    { integrationSlug: "openai", name: "OpenAI", purpose: "Writes the brief" },
  ],
  formFields: [EMAIL_FORM_FIELD],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["lookup"] },
    lookupContactByEmail(["brief", "not_found"]),
    {
      slug: "brief",
      name: "Write the brief",
      actionSlug: "openai.chatCompletion",
      integrationSlug: "openai",
      config: {
        model: "gpt-4o-mini",
        prompt: expr(
          "In two sentences, brief a salesperson on this contact before a call: {{nodes.lookup.record.firstName}} {{nodes.lookup.record.lastName}}, {{nodes.lookup.record.jobTitle}}, lifecycle stage {{nodes.lookup.record.lifecycleStage}}.",
        ),
      },
      children: ["end"],
    },
    { slug: "not_found", name: "No such contact", actionSlug: "end", config: { variables: [{ name: "brief", type: "string", value: "No contact with this email." }] } },
    { slug: "end", actionSlug: "end", config: { variables: [{ name: "brief", type: "string", value: expr("{{nodes.brief.text}}") }] } },
  ),
};
