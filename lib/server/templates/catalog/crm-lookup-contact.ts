import type { Template } from "@/lib/contract";
import { DEMO_CRM, EMAIL_FORM_FIELD, expr, lookupContactByEmail, templateGraph } from "../build";

const slug = "crm-lookup-contact";

/**
 * Tool: finds a contact in the demo CRM by email and answers who it is. The simplest useful tool
 * over a connector, and the one the e2e walks from template to a run from its form.
 */
export const crmLookupContact: Template = {
  slug,
  name: "Look up a CRM contact",
  description: "Finds a contact by email and returns their name, job title, lifecycle stage and company, or found: false.",
  kind: "tool",
  category: "CRM",
  tags: ["lookup", "contacts"],
  integrations: [{ ...DEMO_CRM, purpose: "Looks the contact up" }],
  formFields: [EMAIL_FORM_FIELD],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["lookup"] },
    lookupContactByEmail(["found", "not_found"]),
    {
      slug: "found",
      name: "Contact found",
      actionSlug: "end",
      config: {
        variables: [
          { name: "found", type: "boolean", value: true },
          { name: "id", type: "string", value: expr("{{nodes.lookup.record.id}}") },
          { name: "name", type: "string", value: expr("{{nodes.lookup.record.firstName}} {{nodes.lookup.record.lastName}}") },
          { name: "jobTitle", type: "string", value: expr("{{nodes.lookup.record.jobTitle}}") },
          { name: "lifecycleStage", type: "string", value: expr("{{nodes.lookup.record.lifecycleStage}}") },
          { name: "companyId", type: "string", value: expr("{{nodes.lookup.record.companyId}}") },
        ],
      },
    },
    {
      slug: "not_found",
      name: "No such contact",
      actionSlug: "end",
      config: { variables: [{ name: "found", type: "boolean", value: false }] },
    },
  ),
};
