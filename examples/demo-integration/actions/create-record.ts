import { z } from "zod";
import { readFieldValues } from "../field-values";
import { OBJECTS } from "../objects";
import { parseOrThrow } from "../parse";
import { ObjectTypeInput, objectTypeField } from "./fields";
import type { DemoAction } from "./types";

const Config = z.object({
  objectType: ObjectTypeInput,
  fields: z.record(z.string(), z.unknown()).default({}),
});

/** createRecord: adds a contact, company or deal; its fields form comes from the recordFields dynamic schema. */
export const createRecord: DemoAction = {
  manifest: {
    name: "Create record",
    description: "Creates a contact, company or deal in the demo CRM",
    config: {
      jsonSchema: {
        type: "object",
        required: ["objectType", "fields"],
        properties: {
          objectType: objectTypeField.jsonSchema,
          fields: { type: "object", title: "Fields" },
        },
      },
      uiSchema: {
        objectType: objectTypeField.uiSchema,
        fields: {
          "ui:widget": "DynamicSchemaWidget",
          "ui:options": { slug: "recordFields", params: { objectType: "$this.$parent.objectType" } },
        },
      },
    },
  },
  execute({ state, config, isDry }) {
    const { objectType, fields } = parseOrThrow(Config, config, "config");
    const values = readFieldValues(state.store, objectType, fields, "create");
    const record = state.store.create(objectType, values, { dryRun: isDry });
    const verb = isDry ? "would be created (dry run)" : "created";
    return { outcome: "executed", title: `✅ ${OBJECTS[objectType].singular} ${record.id} ${verb}`, data: record };
  },
};
