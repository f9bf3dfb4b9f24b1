import { z } from "zod";
import { badRequest, notFound } from "../errors";
import { readFieldValues } from "../field-values";
import { findProperty, OBJECTS } from "../objects";
import { parseOrThrow } from "../parse";
import { ObjectTypeInput, objectTypeField, propertyPicker, ScalarInput } from "./fields";
import type { DemoAction } from "./types";

const Config = z.object({
  objectType: ObjectTypeInput,
  recordId: ScalarInput.pipe(z.string().min(1)),
  matchProperty: z.string().min(1).default("id"),
  mappings: z.array(z.object({ name: z.string().min(1), value: z.unknown() })).min(1),
});

/** updateRecord: finds one record by id (or by another property) and writes the mapped values. */
export const updateRecord: DemoAction = {
  manifest: {
    name: "Update record",
    description: "Updates one record, found by its ID or by the value of another property",
    config: {
      jsonSchema: {
        type: "object",
        required: ["objectType", "recordId", "mappings"],
        properties: {
          objectType: objectTypeField.jsonSchema,
          recordId: { type: "string", title: "Record ID", description: "Matched against the match property" },
          matchProperty: { type: "string", title: "Match property", description: "Defaults to id" },
          mappings: {
            type: "array",
            title: "Mappings",
            minItems: 1,
            items: {
              type: "object",
              required: ["name", "value"],
              properties: {
                name: { type: "string", title: "Property" },
                value: { type: "string", title: "Value" },
              },
            },
          },
        },
      },
      uiSchema: {
        objectType: objectTypeField.uiSchema,
        matchProperty: propertyPicker("$root.objectType"),
        mappings: {
          items: {
            name: propertyPicker("$this.$parent.$parent.$parent.objectType", true),
            value: { "ui:widget": "ExpressionWidget" },
          },
        },
      },
    },
  },
  execute({ state, config, isDry }) {
    const { objectType, recordId, matchProperty, mappings } = parseOrThrow(Config, config, "config");
    if (!findProperty(objectType, matchProperty)) {
      throw badRequest(`Unknown match property "${matchProperty}" for ${objectType}`);
    }
    const singular = OBJECTS[objectType].singular;
    const [record] = state.store.findBy(objectType, matchProperty, recordId);
    if (!record) throw notFound(`No ${singular} with ${matchProperty} "${recordId}"`);
    const input = Object.fromEntries(mappings.map((mapping) => [mapping.name, mapping.value]));
    const changes = readFieldValues(state.store, objectType, input, "update");
    const updated = state.store.update(objectType, String(record.id), changes, { dryRun: isDry });
    const verb = isDry ? "would be updated (dry run)" : "updated";
    return { outcome: "executed", title: `✏️ ${singular} ${updated.id} ${verb}`, data: updated };
  },
};
