import { z } from "zod";
import { badRequest } from "../errors";
import { findProperty, OBJECTS } from "../objects";
import { parseOrThrow } from "../parse";
import { ObjectTypeInput, objectTypeField, propertyPicker, ScalarInput } from "./fields";
import type { DemoAction } from "./types";

const MAX_LIMIT = 50;

const Config = z.object({
  objectType: ObjectTypeInput,
  property: z.string().min(1),
  value: ScalarInput,
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(10),
});

/** findRecords: records whose property equals a value (case-insensitive), up to a limit. */
export const findRecords: DemoAction = {
  manifest: {
    name: "Find records",
    description: "Finds records whose property equals a value (case-insensitive)",
    config: {
      jsonSchema: {
        type: "object",
        required: ["objectType", "property", "value"],
        properties: {
          objectType: objectTypeField.jsonSchema,
          property: { type: "string", title: "Property" },
          value: { type: "string", title: "Value" },
          limit: { type: "integer", title: "Limit", minimum: 1, maximum: MAX_LIMIT, default: 10 },
        },
      },
      uiSchema: {
        objectType: objectTypeField.uiSchema,
        property: propertyPicker("$this.$parent.objectType"),
        value: { "ui:widget": "ExpressionWidget" },
      },
    },
  },
  execute({ state, config }) {
    const { objectType, property, value, limit } = parseOrThrow(Config, config, "config");
    if (!findProperty(objectType, property)) throw badRequest(`Unknown property "${property}" for ${objectType}`);
    const records = state.store.findBy(objectType, property, value).slice(0, limit);
    const object = OBJECTS[objectType];
    const noun = records.length === 1 ? object.singular : object.slug;
    const title = `🔎 ${records.length} ${noun} found`;
    return { outcome: "executed", title, data: { records, count: records.length } };
  },
};
