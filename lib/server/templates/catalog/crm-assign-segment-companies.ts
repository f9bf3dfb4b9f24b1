import type { Template } from "@/lib/contract";
import { DEMO_CRM, expr, templateGraph } from "../build";

const slug = "crm-assign-segment-companies";

/**
 * Play: when a company enters a segment (say, more than 1,000 employees), hand it to one owner in
 * the CRM. The run's data is the company record; change the owner id to yours.
 */
export const crmAssignSegmentCompanies: Template = {
  slug,
  name: "Assign companies entering a segment to an owner",
  description: "When a company enters the segment, sets its owner in the CRM (own_001 to start with: change it in the editor).",
  kind: "play",
  category: "CRM",
  tags: ["segment", "companies", "assignment"],
  integrations: [{ ...DEMO_CRM, purpose: "Updates the company's owner" }],
  formFields: [],
  playHint: { model: "Demo CRM companies", segment: "e.g. companies with more than 1,000 employees", changeKinds: ["added"] },
  nodes: templateGraph(
    slug,
    { slug: "start", actionSlug: "start", children: ["assign"] },
    {
      slug: "assign",
      name: "Set the owner",
      actionSlug: "updateRecord",
      integrationSlug: DEMO_CRM.integrationSlug,
      config: { objectType: "companies", recordId: expr("{{nodes.start.id}}"), matchProperty: "id", mappings: [{ name: "ownerId", value: "own_001" }] },
      children: ["end"],
    },
    {
      slug: "end",
      actionSlug: "end",
      config: {
        variables: [
          { name: "companyId", type: "string", value: expr("{{nodes.assign.id}}") },
          { name: "ownerId", type: "string", value: expr("{{nodes.assign.ownerId}}") },
        ],
      },
    },
  ),
};
