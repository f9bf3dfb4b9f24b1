// A clean manifest in the seed layout that uses every feature the checker looks at: cascading
// autocompletes (also inside an array), a dynamic schema, an extractor with a count preview,
// users, policies. The corpus mutates one thing of it per case.

const objectType = { type: "string", enum: ["contacts", "deals"] };

/** A fresh copy of the clean manifest, for one case to mutate. */
export function baseManifest() {
  return {
    name: "Corpus CRM",
    description: "A clean manifest the checker must find nothing wrong with",
    icon: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>',
    color: "#336699",
    url: "https://corpus.example",
    connector: {
      config: {
        jsonSchema: { type: "object", required: ["apiKey"], properties: { apiKey: { type: "string", title: "API key", writeOnly: true } } },
        uiSchema: { apiKey: { "ui:widget": "password" } },
      },
      rateLimit: { unit: "second", max: 50 },
    },
    users: { config: { jsonSchema: { type: "object", properties: { ownerId: { type: "string" } } }, uiSchema: {} } },
    actions: {
      createRecord: {
        name: "Create record",
        description: "Creates a record",
        config: {
          jsonSchema: {
            type: "object",
            required: ["objectType"],
            properties: {
              objectType: { type: "string", title: "Object type" },
              owner: { type: "string", title: "Owner" },
              notes: { type: "string", title: "Notes" },
              fields: { type: "object", title: "Fields" },
              mappings: {
                type: "array",
                items: { type: "object", properties: { name: { type: "string" }, value: { $ref: "#/definitions/value" } } },
              },
            },
            definitions: { value: { type: "string" } },
          },
          uiSchema: {
            objectType: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listObjects" } },
            owner: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listOwners", params: { objectType: "$this.$parent.objectType" } } },
            notes: { "ui:widget": "textarea" },
            fields: { "ui:widget": "DynamicSchemaWidget", "ui:options": { slug: "recordFields", params: { objectType: "$root.objectType" } } },
            mappings: {
              items: {
                name: {
                  "ui:widget": "IntegrationAutocompleteWidget",
                  "ui:options": { slug: "listProperties", params: { objectType: "$this.$parent.$parent.$parent.objectType" }, allowRefresh: true },
                },
                value: { "ui:widget": "ExpressionWidget" },
              },
            },
          },
        },
        retry: { maximumAttempts: 3, initialInterval: 1000, backoffCoefficient: 2 },
        rateLimits: [{ unit: "second", max: 5, config: { jsonSchema: { type: "object", properties: { objectType: { const: "deals" } } } } }],
      },
    },
    extractors: {
      records: {
        name: "Records",
        description: "Contacts or deals",
        config: { jsonSchema: { type: "object", required: ["objectType"], properties: { objectType, pageSize: { type: "integer", default: 2 } } }, uiSchema: {} },
        mode: { kind: "fetch", isIncremental: false },
        preview: "count",
      },
    },
    autocompletes: {
      listObjects: { params: { jsonSchema: {} }, cacheExpirationInSeconds: 60 },
      listOwners: { params: { jsonSchema: { type: "object", properties: { objectType } } } },
      listProperties: { params: { jsonSchema: { type: "object", required: ["objectType"], properties: { objectType } } } },
    },
    dynamicSchemas: {
      recordFields: { params: { jsonSchema: { type: "object", required: ["objectType"], properties: { objectType } } } },
    },
  };
}

export type BaseManifest = ReturnType<typeof baseManifest>;

/** The connector config the base server accepts. */
export const GOOD_CONFIG = { apiKey: "good-key" };

/** An action to execute in every probe case: the base server replays it per Idempotency-Key. */
export const CREATE_ACTION = { slug: "createRecord", record: { objectType: "contacts", fields: { name: "Ada" } } };
