import { describe, expect, it } from "vitest";
import { sameUiSchema } from "./same-ui-schema";

describe("sameUiSchema", () => {
  it("takes a copy for the same uiSchema, at any depth", () => {
    const uiSchema = { "ui:order": ["b", "a"], a: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "objects", params: { object: "$root.object" } } } };
    expect(sameUiSchema(uiSchema, structuredClone(uiSchema))).toBe(true);
    expect(sameUiSchema(undefined, undefined)).toBe(true);
  });

  it("tells a changed value, key or order apart", () => {
    const uiSchema = { a: { "ui:options": { params: { object: "$root.object" } } }, "ui:order": ["a", "b"] };
    expect(sameUiSchema(uiSchema, { a: { "ui:options": { params: { object: "$root.other" } } }, "ui:order": ["a", "b"] })).toBe(false);
    expect(sameUiSchema(uiSchema, { ...uiSchema, b: {} })).toBe(false);
    expect(sameUiSchema({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameUiSchema(uiSchema, { ...uiSchema, "ui:order": ["b", "a"] })).toBe(false);
    expect(sameUiSchema({ "ui:order": ["a"] }, { "ui:order": ["a", "b"] })).toBe(false);
    expect(sameUiSchema({ "ui:order": ["a"] }, { "ui:order": { 0: "a" } })).toBe(false);
    expect(sameUiSchema({}, undefined)).toBe(false);
    expect(sameUiSchema({ a: 1 }, { a: "1" })).toBe(false);
  });

  it("compares functions and class instances by identity", () => {
    const field = () => null;
    expect(sameUiSchema({ "ui:field": field }, { "ui:field": field })).toBe(true);
    expect(sameUiSchema({ "ui:field": field }, { "ui:field": () => null })).toBe(false);
    expect(sameUiSchema({ when: new Date(0) }, { when: new Date(0) })).toBe(false);
  });
});
