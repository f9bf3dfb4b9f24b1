import type { Template } from "@/lib/contract";
import { DEMO_CRM, expr, templateGraph } from "../build";

const slug = "crm-update-lifecycle-stage";

/** Tool: moves one contact to another lifecycle stage, the everyday CRM write a form should do. */
export const crmUpdateLifecycleStage: Template = {
  slug,
  name: "Update a contact's lifecycle stage",
  description: "Sets a contact's lifecycle stage (subscriber, lead, opportunity, customer or churned) and returns the updated record.",
  kind: "tool",
  category: "CRM",
  tags: ["update", "contacts"],
  integrations: [{ ...DEMO_CRM, purpose: "Updates the contact" }],
  formFields: [
    { slug: "contactId", name: "Contact ID", kind: "string", description: "e.g. con_001", isRequired: true },
    { slug: "lifecycleStage", name: "Lifecycle stage", kind: "string", description: "subscriber, lead, opportunity, customer or churned", isRequired: true },
  ],
  playHint: null,
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["update"] },
    {
      slug: "update",
      name: "Update the contact",
      actionSlug: "updateRecord",
      integrationSlug: DEMO_CRM.integrationSlug,
      config: {
        objectType: "contacts",
        recordId: expr("{{nodes.start.contactId}}"),
        matchProperty: "id",
        mappings: [{ name: "lifecycleStage", value: expr("{{nodes.start.lifecycleStage}}") }],
      },
      children: ["end"],
    },
    {
      slug: "end",
      actionSlug: "end",
      config: {
        variables: [
          { name: "id", type: "string", value: expr("{{nodes.update.id}}") },
          { name: "lifecycleStage", type: "string", value: expr("{{nodes.update.lifecycleStage}}") },
          { name: "updatedAt", type: "string", value: expr("{{nodes.update.updatedAt}}") },
        ],
      },
    },
  ),
};
