import type { Template } from "@/lib/contract";
import { expr, templateGraph } from "../build";

const slug = "gmail-welcome-customers";

/** Play: a welcome email from your Gmail to every contact that becomes a customer. */
export const gmailWelcomeCustomers: Template = {
  slug,
  name: "Welcome new customers by email",
  description: "When a contact enters the customers segment, sends them a short welcome email from your Gmail account.",
  kind: "play",
  category: "Messaging",
  tags: ["gmail", "email", "onboarding"],
  integrations: [{ integrationSlug: "gmail", name: "Gmail", purpose: "Sends the email" }],
  formFields: [],
  playHint: { model: "Demo CRM contacts", segment: "contacts whose lifecycle stage is customer", changeKinds: ["added"] },
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["has_email"] },
    { slug: "has_email", name: "Has an email?", actionSlug: "filter", config: { filter: expr("{{Boolean(nodes.start.email)}}") }, children: ["welcome"] },
    {
      slug: "welcome",
      name: "Send the welcome email",
      actionSlug: "gmail.sendEmail",
      integrationSlug: "gmail",
      config: {
        to: expr("{{nodes.start.email}}"),
        subject: "Welcome aboard",
        body: expr("Hi {{nodes.start.firstName}},\n\nThank you for choosing us. Reply to this email if there is anything we can help with.\n"),
      },
      children: ["end"],
    },
    { slug: "end", actionSlug: "end", config: { variables: [{ name: "sentTo", type: "string", value: expr("{{nodes.start.email}}") }] } },
  ),
};
