/** The three CRM object types, by their slug (the value users pick in forms). */
export const OBJECT_TYPES = ["contacts", "companies", "deals"] as const;
/** The slug of an object type. */
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** Where a contact is in the funnel. */
export const LIFECYCLE_STAGES = ["subscriber", "lead", "opportunity", "customer", "churned"] as const;
/** Pipeline stages of a deal. */
export const DEAL_STAGES = ["qualification", "discovery", "proposal", "negotiation", "won", "lost"] as const;
/** Industries a company can be in. */
export const INDUSTRIES = ["software", "fintech", "healthcare", "retail", "manufacturing", "media"] as const;
/** Currencies a deal amount can be in. */
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;

/** The value type of a property; dates are ISO text. */
export type PropertyType = "string" | "number" | "integer" | "date" | "datetime";

/** One property of an object type, as the forms, validation and extractor columns see it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  writable: boolean;
  required?: boolean;
  enum?: readonly string[];
  format?: "email";
  /** Applied when a created record leaves the property out. */
  default?: string;
  /** The object (or "owners") whose id this property holds. */
  references?: ObjectType | "owners";
}

/** An object type's labels and properties. */
export interface ObjectDefinition {
  slug: ObjectType;
  singular: string;
  label: string;
  description: string;
  idPrefix: string;
  titleProperty: string;
  properties: PropertyDefinition[];
}

const id: PropertyDefinition = { name: "id", label: "ID", type: "string", writable: false };
const ownerId: PropertyDefinition = {
  name: "ownerId",
  label: "Owner",
  type: "string",
  writable: true,
  references: "owners",
};
const timestamps: PropertyDefinition[] = [
  { name: "createdAt", label: "Created at", type: "datetime", writable: false },
  { name: "updatedAt", label: "Updated at", type: "datetime", writable: false },
];

/** Every object type's definition, by slug. */
export const OBJECTS: Record<ObjectType, ObjectDefinition> = {
  contacts: {
    slug: "contacts",
    singular: "contact",
    label: "Contacts",
    description: "People you sell to",
    idPrefix: "con",
    titleProperty: "email",
    properties: [
      id,
      { name: "firstName", label: "First name", type: "string", writable: true },
      { name: "lastName", label: "Last name", type: "string", writable: true },
      { name: "email", label: "Email", type: "string", writable: true, required: true, format: "email" },
      { name: "jobTitle", label: "Job title", type: "string", writable: true },
      { name: "companyId", label: "Company", type: "string", writable: true, references: "companies" },
      ownerId,
      {
        name: "lifecycleStage",
        label: "Lifecycle stage",
        type: "string",
        writable: true,
        enum: LIFECYCLE_STAGES,
        default: "lead",
      },
      ...timestamps,
    ],
  },
  companies: {
    slug: "companies",
    singular: "company",
    label: "Companies",
    description: "Organisations your contacts work for",
    idPrefix: "com",
    titleProperty: "name",
    properties: [
      id,
      { name: "name", label: "Name", type: "string", writable: true, required: true },
      { name: "domain", label: "Domain", type: "string", writable: true },
      { name: "industry", label: "Industry", type: "string", writable: true, enum: INDUSTRIES },
      { name: "employeeCount", label: "Employee count", type: "integer", writable: true },
      { name: "country", label: "Country", type: "string", writable: true },
      ownerId,
      ...timestamps,
    ],
  },
  deals: {
    slug: "deals",
    singular: "deal",
    label: "Deals",
    description: "Opportunities in your pipeline",
    idPrefix: "deal",
    titleProperty: "name",
    properties: [
      id,
      { name: "name", label: "Name", type: "string", writable: true, required: true },
      { name: "amount", label: "Amount", type: "number", writable: true, required: true },
      { name: "currency", label: "Currency", type: "string", writable: true, enum: CURRENCIES, default: "USD" },
      { name: "stage", label: "Stage", type: "string", writable: true, enum: DEAL_STAGES, default: "qualification" },
      { name: "companyId", label: "Company", type: "string", writable: true, references: "companies" },
      { name: "contactId", label: "Primary contact", type: "string", writable: true, references: "contacts" },
      ownerId,
      { name: "closeDate", label: "Close date", type: "date", writable: true },
      ...timestamps,
    ],
  },
};

/** Whether a value names one of the object types. */
export function isObjectType(value: unknown): value is ObjectType {
  return typeof value === "string" && (OBJECT_TYPES as readonly string[]).includes(value);
}

/** The property definition of an object type, if it has one by that name. */
export function findProperty(objectType: ObjectType, name: string): PropertyDefinition | undefined {
  return OBJECTS[objectType].properties.find((property) => property.name === name);
}
