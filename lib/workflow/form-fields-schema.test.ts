import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import type { FormField } from "@/lib/contract";
import { formFieldsSchema, formFieldsUiSchema } from "./form-fields-schema";

const fields: FormField[] = [
  { slug: "email", name: "Email", kind: "string", isRequired: true, description: "Work address" },
  { slug: "notes", name: "Notes", kind: "text", isRequired: false },
  { slug: "seats", name: "Seats", kind: "number", isRequired: false },
  { slug: "active", name: "Active", kind: "boolean", isRequired: false },
  { slug: "since", name: "Since", kind: "date", isRequired: false },
  { slug: "extra", name: "Extra", kind: "json", isRequired: false },
];
// As the server compiles it: formats off, so a date is held to its pattern.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(formFieldsSchema(fields));

describe("formFieldsSchema", () => {
  it("gives each field its kind's type, its name as title, and lists the required ones", () => {
    expect(formFieldsSchema(fields)).toMatchObject({
      type: "object",
      required: ["email"],
      properties: { email: { type: "string", title: "Email", description: "Work address" }, seats: { type: "number" }, active: { type: "boolean" }, extra: { title: "Extra" } },
    });
    expect(formFieldsSchema([])).toEqual({ type: "object", properties: {} });
  });

  it("accepts answers of the right kinds and keys the form does not name, and refuses the rest", () => {
    expect(validate({ email: "a@b.c", seats: 2, active: true, since: "2026-01-31", extra: [1], other: "kept" })).toBe(true);
    expect(validate({ seats: "two", active: "yes", since: "31/01/2026" })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath || error.params.missingProperty).sort()).toEqual(["/active", "/seats", "/since", "email"]);
  });

  it("shows long text and JSON as text areas", () => {
    expect(formFieldsUiSchema(fields)).toEqual({ notes: { "ui:widget": "textarea" }, extra: { "ui:widget": "textarea" } });
  });
});
