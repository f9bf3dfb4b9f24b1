import { z } from "zod";
import { OBJECT_TYPES } from "../objects";

/** The objectType field every action starts with: picked from the listObjects autocomplete. */
export const objectTypeField = {
  jsonSchema: { type: "string", title: "Object type", description: "Contacts, companies or deals" },
  uiSchema: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listObjects" } },
};

/** A property picker for the object chosen in the root objectType field. */
export function propertyPicker(objectTypePath: string, allowRefresh = false): Record<string, unknown> {
  return {
    "ui:widget": "IntegrationAutocompleteWidget",
    "ui:options": {
      slug: "listObjectProperties",
      params: { objectType: objectTypePath },
      ...(allowRefresh ? { allowRefresh } : {}),
    },
  };
}

/** Parses an objectType value. */
export const ObjectTypeInput = z.enum(OBJECT_TYPES);

/** Values that reach an action after expressions ran may be numbers or booleans; compare them as text. */
export const ScalarInput = z.union([z.string(), z.number(), z.boolean()]).transform(String);
