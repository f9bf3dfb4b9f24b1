// The whole manifest of getcargohq/dummy-integration (the legacy layout), copied verbatim from
// `src/manifest.ts` at commit d4355eea122138735d35e3f11bff2d961c1d07f8 as test data: Cargo's own
// example, so the lint must say of it only what is true (the undefined #/definitions/expression).
// Only its `IntegrationManifest` type import is left out and the export renamed.

const svg = `
<svg stroke="currentColor" fill="none" stroke-width="2" viewBox="0 0 24 24" stroke-linecap="round" stroke-linejoin="round" xmlns="http://www.w3.org/2000/svg"><path d="M21 7 6.82 21.18a2.83 2.83 0 0 1-3.99-.01v0a2.83 2.83 0 0 1 0-4L17 3"></path><path d="m16 2 6 6"></path><path d="M12 16H4"></path></svg>
`;

export const dummyIntegrationManifest = {
  name: "Dummy",
  url: "https://dummyjson.com",
  icon: svg,
  description: "Dummy integration",
  color: "#b6b7fd",
  autocompletes: [
    {
      slug: "listObjectProperties",
      params: {
        jsonSchema: {
          type: "object",
          properties: {
            objectType: {
              type: "string",
            },
          },
          required: ["objectType"],
        },
      },
    },
  ],
  dynamicSchemas: [],
  connector: {
    config: {
      jsonSchema: {
        type: "object",
      },
      uiSchema: {},
    },
  },
  actions: {
    read: {
      name: "Read",
      description: "Read an object",
      config: {
        jsonSchema: {
          type: "object",
          properties: {
            objectType: {
              title: "Object type",
              type: "string",
              oneOf: [{ const: "product", title: "Product" }],
            },
            id: {
              $ref: "#/definitions/expression",
              title: "ID",
            },
          },
          required: ["objectType", "id"],
        },
        uiSchema: {
          id: {
            "ui:widget": "ExpressionWidget",
          },
        },
      },
    },
    write: {
      name: "Write",
      description: "Perform action on an object",
      config: {
        jsonSchema: {
          type: "object",
          properties: {
            objectType: {
              title: "Object type",
              type: "string",
              oneOf: [{ const: "product", title: "Product" }],
            },
            action: {
              title: "Action",
              type: "string",
              oneOf: [
                { const: "insert", title: "Insert" },
                { const: "update", title: "Update" },
                { const: "delete", title: "Delete" },
              ],
            },
          },
          allOf: [
            {
              if: {
                properties: {
                  action: {
                    anyOf: [{ const: "update" }, { const: "delete" }],
                  },
                },
              },
              then: {
                properties: {
                  id: {
                    $ref: "#/definitions/expression",
                    title: "ID",
                  },
                },
                required: ["id"],
              },
              else: {},
            },
            {
              if: {
                properties: {
                  action: {
                    const: "delete",
                  },
                },
              },
              then: {},
              else: {
                properties: {
                  mappings: {
                    title: "Mappings",
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        name: {
                          title: "Name",
                          type: "string",
                        },
                        value: {
                          $ref: "#/definitions/expression",
                          title: "Value",
                        },
                      },
                      required: ["name", "value"],
                    },
                  },
                },
              },
            },
          ],
          required: ["objectType", "action"],
        },
        uiSchema: {
          id: {
            "ui:widget": "ExpressionWidget",
          },
          mappings: {
            items: {
              name: {
                "ui:widget": "IntegrationAutocompleteWidget",
                "ui:options": {
                  slug: "listObjectProperties",
                  params: {
                    objectType: "$this.$parent.$parent.$parent.objectType",
                  },
                },
              },
              value: {
                "ui:widget": "ExpressionWidget",
              },
            },
          },
        },
      },
    },
  },
  model: {
    slug: {
      jsonSchema: {
        title: "Object type",
        type: "string",
        oneOf: [{ const: "product", title: "Product" }],
      },
      uiSchema: {},
    },
    variants: [
      {
        config: {
          jsonSchema: { type: "object" },
          uiSchema: {},
        },
        mode: {
          kind: "fetch",
          autoFetch: true,
          isIncremental: false,
          minIntervalInSeconds: 30 * 60, // 30min
        },
        preview: "records",
      },
    ],
  },
};
