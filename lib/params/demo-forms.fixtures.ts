/**
 * Forms shaped like the demo integration's actions (examples/demo-integration/actions), written out
 * so lib/params tests stay independent of the example server.
 */
const objectTypeUi = { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listObjects" } };

function propertyPickerUi(objectTypePath: string, allowRefresh = false): Record<string, unknown> {
  return {
    "ui:widget": "IntegrationAutocompleteWidget",
    "ui:options": {
      slug: "listObjectProperties",
      params: { objectType: objectTypePath },
      ...(allowRefresh ? { allowRefresh } : {}),
    },
  };
}

/** updateRecord: objectType, a match property picker, and mappings whose names pick properties. */
export const updateRecordForm = {
  jsonSchema: {
    type: "object",
    required: ["objectType", "recordId", "mappings"],
    properties: {
      objectType: { type: "string", title: "Object" },
      recordId: { type: "string", title: "Record ID" },
      matchProperty: { type: "string", title: "Match property" },
      mappings: {
        type: "array",
        title: "Mappings",
        minItems: 1,
        items: {
          type: "object",
          required: ["name", "value"],
          properties: { name: { type: "string", title: "Property" }, value: { type: "string", title: "Value" } },
        },
      },
    },
  },
  uiSchema: {
    objectType: objectTypeUi,
    matchProperty: propertyPickerUi("$root.objectType"),
    mappings: {
      items: {
        name: propertyPickerUi("$this.$parent.$parent.$parent.objectType", true),
        value: { "ui:widget": "ExpressionWidget" },
      },
    },
  },
};

/** createRecord: objectType and a fields sub-form from the recordFields dynamic schema. */
export const createRecordForm = {
  jsonSchema: {
    type: "object",
    required: ["objectType", "fields"],
    properties: { objectType: { type: "string", title: "Object" }, fields: { type: "object", title: "Fields" } },
  },
  uiSchema: {
    objectType: objectTypeUi,
    fields: {
      "ui:widget": "DynamicSchemaWidget",
      "ui:options": { slug: "recordFields", params: { objectType: "$this.$parent.objectType" } },
    },
  },
};

/** Both actions' fields in one form, so one graph holds every kind of edge. */
export const combinedForm = {
  jsonSchema: {
    ...updateRecordForm.jsonSchema,
    properties: { ...updateRecordForm.jsonSchema.properties, ...createRecordForm.jsonSchema.properties },
  },
  uiSchema: { ...updateRecordForm.uiSchema, ...createRecordForm.uiSchema },
};

/** Rules inside groups: each rule's field picker reads its group's kind, three levels up. */
export const groupRulesForm = {
  jsonSchema: {
    type: "object",
    properties: {
      groups: {
        type: "array",
        items: {
          type: "object",
          properties: {
            kind: { type: "string" },
            rules: { type: "array", items: { type: "object", properties: { field: { type: "string" } } } },
          },
        },
      },
    },
  },
  uiSchema: {
    groups: {
      items: {
        rules: {
          items: {
            field: {
              "ui:widget": "IntegrationAutocompleteWidget",
              "ui:options": { slug: "listFields", params: { kind: "$this.$parent.$parent.$parent.kind" } },
            },
          },
        },
      },
    },
  },
};
