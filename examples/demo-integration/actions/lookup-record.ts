import { z } from "zod";
import { badRequest } from "../errors";
import { OBJECTS } from "../objects";
import { parseOrThrow } from "../parse";
import { ObjectTypeInput, objectTypeField } from "./fields";
import type { DemoAction } from "./types";

const Config = z.object({
  objectType: ObjectTypeInput,
  id: z.string().trim().optional(),
  email: z.string().trim().optional(),
});

/** lookupRecord: one record by id or email; follows the "Found" (0) or "Not found" (1) branch. */
export const lookupRecord: DemoAction = {
  manifest: {
    name: "Lookup record",
    description: "Looks a record up by ID (or a contact by email) and branches on whether it exists",
    children: [{ text: "Found" }, { text: "Not found" }],
    config: {
      jsonSchema: {
        type: "object",
        required: ["objectType"],
        properties: {
          objectType: objectTypeField.jsonSchema,
          id: { type: "string", title: "Record ID", description: "Either an ID or, for contacts, an email" },
          email: { type: "string", title: "Email", description: "Contacts only" },
        },
      },
      uiSchema: {
        objectType: objectTypeField.uiSchema,
        id: { "ui:widget": "ExpressionWidget" },
        email: { "ui:widget": "ExpressionWidget" },
      },
    },
  },
  execute({ state, config }) {
    const { objectType, id, email } = parseOrThrow(Config, config, "config");
    if (!id && !email) throw badRequest("config.id or config.email is required");
    if (!id && objectType !== "contacts") throw badRequest("Lookup by email is only supported for contacts");
    const singular = OBJECTS[objectType].singular;
    const record = id ? state.store.get(objectType, id) : state.store.findBy(objectType, "email", email)[0];
    if (!record) {
      const title = `❌ ${singular} not found`;
      return { outcome: "executed", title, data: { found: false, record: null }, childIndex: 1 };
    }
    const title = `✅ ${singular} ${record.id} found`;
    return { outcome: "executed", title, data: { found: true, record }, childIndex: 0 };
  },
};
