import type { Template } from "@/lib/contract";
import { expr, templateGraph } from "../build";

const slug = "http-call-api";

/** Tool: one GET to any URL, answering its status and body; needs no connector at all. */
export const httpCallApi: Template = {
  slug,
  name: "Call an HTTP API",
  description: "Sends a GET request to the URL in the form and returns the status and the body (parsed when it is JSON).",
  kind: "tool",
  category: "HTTP",
  tags: ["http", "api"],
  integrations: [],
  formFields: [{ slug: "url", name: "URL", kind: "string", description: "An http(s) address the server may reach", isRequired: true }],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["request"] },
    { slug: "request", name: "Call the API", actionSlug: "httpRequest", config: { method: "GET", url: expr("{{nodes.start.url}}") }, children: ["end"] },
    {
      slug: "end",
      actionSlug: "end",
      config: {
        variables: [
          { name: "status", type: "number", value: expr("{{nodes.request.status}}") },
          { name: "body", type: "any", value: expr("{{nodes.request.body}}") },
        ],
      },
    },
  ),
};
