import type { Template } from "@/lib/contract";
import { DEMO_CRM, EMAIL_FORM_FIELD, expr, lookupContactByEmail, templateGraph } from "../build";

const slug = "crm-route-contact";

/**
 * Tool: enrich, then branch. Looks a contact up and says which team should handle them: customers
 * go to customer success, everyone else to sales, and an unknown email is flagged.
 */
export const crmRouteContact: Template = {
  slug,
  name: "Enrich a contact and route it",
  description: "Looks a contact up by email, then branches on their lifecycle stage: customers go to customer success, others to sales.",
  kind: "tool",
  category: "CRM",
  tags: ["lookup", "branch", "routing"],
  integrations: [{ ...DEMO_CRM, purpose: "Looks the contact up" }],
  formFields: [EMAIL_FORM_FIELD],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["lookup"] },
    lookupContactByEmail(["is_customer", "unknown"]),
    {
      slug: "is_customer",
      name: "Is a customer?",
      actionSlug: "branch",
      config: { condition: expr('{{nodes.lookup.record.lifecycleStage === "customer"}}') },
      children: ["customer_success", "sales"],
    },
    { slug: "unknown", name: "Unknown contact", actionSlug: "end", config: { variables: [{ name: "team", type: "string", value: "none" }] } },
    {
      slug: "customer_success",
      name: "Customer success",
      actionSlug: "end",
      config: {
        variables: [
          { name: "team", type: "string", value: "customer success" },
          { name: "ownerId", type: "string", value: expr("{{nodes.lookup.record.ownerId}}") },
        ],
      },
    },
    {
      slug: "sales",
      name: "Sales",
      actionSlug: "end",
      config: {
        variables: [
          { name: "team", type: "string", value: "sales" },
          { name: "lifecycleStage", type: "string", value: expr("{{nodes.lookup.record.lifecycleStage}}") },
          { name: "ownerId", type: "string", value: expr("{{nodes.lookup.record.ownerId}}") },
        ],
      },
    },
  ),
};
