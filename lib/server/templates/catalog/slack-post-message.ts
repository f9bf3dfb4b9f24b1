import type { Template } from "@/lib/contract";
import { expr, templateGraph } from "../build";

const slug = "slack-post-message";

/** Tool: posts the form's text to a Slack channel, for a "notify the team" button. */
export const slackPostMessage: Template = {
  slug,
  name: "Post a message to Slack",
  description: "Posts the text from the form to a Slack channel and returns the message's timestamp.",
  kind: "tool",
  category: "Messaging",
  tags: ["slack", "notify"],
  integrations: [{ integrationSlug: "slack", name: "Slack", purpose: "Posts the message" }],
  formFields: [
    { slug: "channel", name: "Channel", kind: "string", description: "Channel id or name, e.g. #general", isRequired: true },
    { slug: "text", name: "Message", kind: "text", isRequired: true },
  ],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["post"] },
    {
      slug: "post",
      name: "Post to Slack",
      actionSlug: "slack.sendMessage",
      integrationSlug: "slack",
      config: { channel: expr("{{nodes.start.channel}}"), text: expr("{{nodes.start.text}}") },
      children: ["end"],
    },
    { slug: "end", actionSlug: "end", config: { variables: [{ name: "ts", type: "string", value: expr("{{nodes.post.ts}}") }] } },
  ),
};
