import type { CURRENCIES, DEAL_STAGES, INDUSTRIES, LIFECYCLE_STAGES, ObjectType } from "./objects";

/** A CRM user who owns records. */
export interface Owner {
  id: string;
  name: string;
  email: string;
  team: string;
}

/** A person at a company. */
export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  companyId: string | null;
  ownerId: string | null;
  lifecycleStage: (typeof LIFECYCLE_STAGES)[number];
  createdAt: string;
  updatedAt: string;
}

/** An organisation contacts work for. */
export interface Company {
  id: string;
  name: string;
  domain: string;
  industry: (typeof INDUSTRIES)[number];
  employeeCount: number;
  country: string;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An opportunity in the pipeline. */
export interface Deal {
  id: string;
  name: string;
  amount: number;
  currency: (typeof CURRENCIES)[number];
  stage: (typeof DEAL_STAGES)[number];
  companyId: string | null;
  contactId: string | null;
  ownerId: string | null;
  closeDate: string;
  createdAt: string;
  updatedAt: string;
}

/** A record of any object type, as it travels over the wire. */
export type CrmRecord = Record<string, string | number | null>;

/** The whole CRM: owners plus the records of each object type. */
export interface Dataset {
  owners: Owner[];
  records: Record<ObjectType, CrmRecord[]>;
}
