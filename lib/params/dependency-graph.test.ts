import { describe, expect, it } from "vitest";
import { combinedForm, createRecordForm, groupRulesForm, updateRecordForm } from "./demo-forms.fixtures";
import { buildDependencyGraph, type DependencyEdge } from "./dependency-graph";
import { dependentsOf } from "./dependents-of";
import { ARRAY_ITEM, type FieldPath } from "./field-path";

const objectTypeEdge: DependencyEdge = {
  field: ["objectType"],
  widget: "IntegrationAutocompleteWidget",
  slug: "listObjects",
  dependsOn: [],
};
const matchPropertyEdge: DependencyEdge = {
  field: ["matchProperty"],
  widget: "IntegrationAutocompleteWidget",
  slug: "listObjectProperties",
  dependsOn: [{ param: "objectType", path: ["objectType"] }],
};
const mappingNameEdge: DependencyEdge = {
  field: ["mappings", ARRAY_ITEM, "name"],
  widget: "IntegrationAutocompleteWidget",
  slug: "listObjectProperties",
  dependsOn: [{ param: "objectType", path: ["objectType"] }],
};
const fieldsEdge: DependencyEdge = {
  field: ["fields"],
  widget: "DynamicSchemaWidget",
  slug: "recordFields",
  dependsOn: [{ param: "objectType", path: ["objectType"] }],
};

describe("buildDependencyGraph", () => {
  it("lists updateRecord's data-bound fields, array items as ARRAY_ITEM", () => {
    expect(buildDependencyGraph(updateRecordForm.jsonSchema, updateRecordForm.uiSchema)).toStrictEqual([
      objectTypeEdge,
      matchPropertyEdge,
      mappingNameEdge,
    ]);
  });

  it("reads three levels up from arrays inside arrays", () => {
    expect(buildDependencyGraph(groupRulesForm.jsonSchema, groupRulesForm.uiSchema)).toStrictEqual([
      {
        field: ["groups", ARRAY_ITEM, "rules", ARRAY_ITEM, "field"],
        widget: "IntegrationAutocompleteWidget",
        slug: "listFields",
        dependsOn: [{ param: "kind", path: ["groups", ARRAY_ITEM, "kind"] }],
      },
    ]);
  });

  it("lists createRecord's dynamic sub-form", () => {
    expect(buildDependencyGraph(createRecordForm.jsonSchema, createRecordForm.uiSchema)).toStrictEqual([
      objectTypeEdge,
      fieldsEdge,
    ]);
  });

  it("prefixes every path with base, for a sub-form inside a larger form", () => {
    const jsonSchema = { type: "object", properties: { owner: { type: "string" } } };
    const uiSchema = {
      owner: {
        "ui:widget": "IntegrationAutocompleteWidget",
        "ui:options": { slug: "listUsers", params: { objectType: "$root.objectType", team: "$this.$parent.team" } },
      },
    };
    expect(buildDependencyGraph(jsonSchema, uiSchema, ["fields"])).toStrictEqual([
      {
        field: ["fields", "owner"],
        widget: "IntegrationAutocompleteWidget",
        slug: "listUsers",
        dependsOn: [
          { param: "objectType", path: ["objectType"] },
          { param: "team", path: ["fields", "team"] },
        ],
      },
    ]);
  });

  it("follows $ref and conditional properties, and tells array items from a property named items", () => {
    const rule = { type: "object", properties: { field: { type: "string" } } };
    const jsonSchema = {
      type: "object",
      definitions: { rules: { type: "array", items: { $ref: "#/definitions/rule" } }, rule },
      properties: {
        rules: { $ref: "#/definitions/rules" },
        settings: { type: "object", properties: { items: { type: "object" } } },
      },
      allOf: [{ if: { properties: { mode: { const: "list" } } }, then: { properties: { lists: { type: "array" } } } }],
    };
    const picker = (slug: string) => ({ "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug } });
    const uiSchema = {
      "ui:order": ["rules", "settings", "lists"],
      rules: { items: { field: picker("listFields") } },
      settings: { items: { board: picker("listBoards") } },
      // rjsf also takes the widget from ui:options.widget.
      lists: { items: { "ui:options": { widget: "IntegrationAutocompleteWidget", slug: "listLists" } } },
    };
    const edges = buildDependencyGraph(jsonSchema, uiSchema);
    expect(edges.map((edge) => [edge.field, edge.slug])).toStrictEqual([
      [["rules", ARRAY_ITEM, "field"], "listFields"],
      [["settings", "items", "board"], "listBoards"],
      [["lists", ARRAY_ITEM], "listLists"],
    ]);
  });

  it("finds fields declared under rjsf dependencies, and reads their arrays", () => {
    const jsonSchema = {
      type: "object",
      properties: { kind: { type: "string", enum: ["person", "company"] } },
      dependencies: {
        kind: { oneOf: [{ properties: { kind: { const: "company" }, contacts: { type: "array", items: { type: "object", properties: { email: { type: "string" } } } } } }] },
        other: ["kind"],
      },
    };
    const uiSchema = { contacts: { items: { email: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listEmails", params: { kind: "$root.kind" } } } } } };
    expect(buildDependencyGraph(jsonSchema, uiSchema)).toStrictEqual([
      { field: ["contacts", ARRAY_ITEM, "email"], widget: "IntegrationAutocompleteWidget", slug: "listEmails", dependsOn: [{ param: "kind", path: ["kind"] }] },
    ]);
  });

  it("takes the widget the form renders: a ui:field DynamicSchemaWidget, else ui:widget before ui:options.widget", () => {
    const uiSchema = {
      fields: { "ui:field": "DynamicSchemaWidget", "ui:options": { slug: "recordFields" } },
      notes: { "ui:widget": "textarea", "ui:options": { widget: "IntegrationAutocompleteWidget", slug: "listNotes" } },
    };
    expect(buildDependencyGraph({ type: "object" }, uiSchema).map((edge) => [edge.field, edge.widget])).toStrictEqual([[["fields"], "DynamicSchemaWidget"]]);
  });

  it("ignores other widgets and forms without data-bound fields", () => {
    expect(buildDependencyGraph({ type: "object" }, {})).toStrictEqual([]);
    expect(buildDependencyGraph({ type: "object" }, { note: { "ui:widget": "textarea" } })).toStrictEqual([]);
  });
});

describe("dependentsOf", () => {
  const graph = buildDependencyGraph(combinedForm.jsonSchema, combinedForm.uiSchema);
  const nested = buildDependencyGraph(groupRulesForm.jsonSchema, groupRulesForm.uiSchema);

  it.each<[string, DependencyEdge[], FieldPath, DependencyEdge[]]>([
    ["objectType changed", graph, ["objectType"], [matchPropertyEdge, mappingNameEdge, fieldsEdge]],
    ["a mapping value changed", graph, ["mappings", 2, "value"], []],
    ["a mapping name changed", graph, ["mappings", 0, "name"], []],
    ["the whole form replaced", graph, [], [matchPropertyEdge, mappingNameEdge, fieldsEdge]],
    ["a field the params never read", graph, ["recordId"], []],
    ["an item's kind changed", nested, ["groups", 1, "kind"], nested],
    ["a whole group replaced", nested, ["groups", 1], nested],
    ["something inside the read value changed", nested, ["groups", 1, "kind", "label"], nested],
    ["a rule changed", nested, ["groups", 1, "rules", 0, "field"], []],
  ])("%s", (_name, edges, changed, expected) => {
    expect(dependentsOf(edges, changed)).toStrictEqual(expected);
  });
});
