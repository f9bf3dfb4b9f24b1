import { describe, expect, it } from "vitest";
import { decorateSchema } from "./decorate-schema";
import { validateDynamicFields } from "./validate-dynamic-fields";

const contactFields = decorateSchema({
  type: "object",
  required: ["email"],
  properties: { email: { type: "string", title: "Email" }, firstName: { type: "string" } },
});

describe("validateDynamicFields", () => {
  it("places a sub-form's errors at the dynamic field's path", () => {
    const errors = validateDynamicFields({ objectType: "contacts", fields: { firstName: "Ada" } }, [{ path: ["fields"], schema: contactFields }]);
    expect(errors).toEqual({ fields: { email: { __errors: ["Email is required"] } } });
  });

  it("checks a missing value as an empty object", () => {
    const errors = validateDynamicFields({}, [{ path: ["items", 1, "fields"], schema: contactFields }]);
    expect(errors).toEqual({ items: { 1: { fields: { email: { __errors: ["Email is required"] } } } } });
  });

  it("finds nothing when the value fits", () => {
    expect(validateDynamicFields({ fields: { email: "a@b.co" } }, [{ path: ["fields"], schema: contactFields }])).toEqual({});
  });
});
