import type { Template } from "@/lib/contract";
import { crmAssignSegmentCompanies } from "./crm-assign-segment-companies";
import { crmLookupContact } from "./crm-lookup-contact";
import { crmRecheckChangedContacts } from "./crm-recheck-changed-contacts";
import { crmRouteContact } from "./crm-route-contact";
import { crmUpdateLifecycleStage } from "./crm-update-lifecycle-stage";
import { gmailWelcomeCustomers } from "./gmail-welcome-customers";
import { httpCallApi } from "./http-call-api";
import { openaiSummarizeContact } from "./openai-summarize-contact";
import { slackPostMessage } from "./slack-post-message";

/** Every template, in gallery order: tools first, simplest first. Add a new one here. */
export const templateCatalog: readonly Template[] = [
  crmLookupContact,
  crmUpdateLifecycleStage,
  crmRouteContact,
  httpCallApi,
  slackPostMessage,
  openaiSummarizeContact,
  crmAssignSegmentCompanies,
  crmRecheckChangedContacts,
  gmailWelcomeCustomers,
];
