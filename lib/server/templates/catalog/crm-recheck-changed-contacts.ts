import type { Template } from "@/lib/contract";
import { DEMO_CRM, expr, templateGraph } from "../build";

const slug = "crm-recheck-changed-contacts";

/**
 * Play: a nightly pass over the contacts that changed, reading each one again from the CRM and
 * reporting whether it is still active, has churned or was deleted meanwhile.
 */
export const crmRecheckChangedContacts: Template = {
  slug,
  name: "Nightly re-check of changed contacts",
  description: "Reads every changed contact again from the CRM and reports whether it is active, churned or gone.",
  kind: "play",
  category: "CRM",
  tags: ["schedule", "contacts", "hygiene"],
  integrations: [{ ...DEMO_CRM, purpose: "Reads the contact again" }],
  formFields: [],
  playHint: { model: "Demo CRM contacts", segment: "every contact", changeKinds: ["updated"], schedule: "every night at 02:00" },
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["reread"] },
    {
      slug: "reread",
      name: "Read the contact again",
      actionSlug: "lookupRecord",
      integrationSlug: DEMO_CRM.integrationSlug,
      config: { objectType: "contacts", id: expr("{{nodes.start.id}}") },
      children: ["churned", "gone"],
    },
    {
      slug: "churned",
      name: "Churned?",
      actionSlug: "branch",
      config: { condition: expr('{{nodes.reread.record.lifecycleStage === "churned"}}') },
      children: ["report_churned", "report_active"],
    },
    { slug: "gone", name: "Deleted", actionSlug: "end", config: { variables: [{ name: "status", type: "string", value: "deleted" }] } },
    {
      slug: "report_churned",
      name: "Report churned",
      actionSlug: "end",
      config: {
        variables: [
          { name: "status", type: "string", value: "churned" },
          { name: "ownerId", type: "string", value: expr("{{nodes.reread.record.ownerId}}") },
        ],
      },
    },
    {
      slug: "report_active",
      name: "Report active",
      actionSlug: "end",
      config: {
        variables: [
          { name: "status", type: "string", value: "active" },
          { name: "lifecycleStage", type: "string", value: expr("{{nodes.reread.record.lifecycleStage}}") },
        ],
      },
    },
  ),
};
