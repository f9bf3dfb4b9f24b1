import { describe, expect, it } from "vitest";
import { MAX_COMPILED_SCHEMAS } from "../bounded-ajv";
import { compiledScopeSchemas } from "../scoped-rate-limits";
import { lintManifest, type Finding } from "./index";
import { formSchemas } from "./lint/lint-schema";
import { baseManifest } from "./testing/base-manifest";
import { ui } from "./testing/corpus-case";
import { dummyIntegrationManifest } from "./testing/dummy-integration-manifest";

// Where a form declares its fields (branches, rjsf dependencies, the expression definition) and
// which fields are data-bound: the lint must read them as the form and the runtime do.
const brief = (findings: Finding[]) => findings.map(({ severity, code, path }) => `${severity} ${code} ${path}`);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests reach into JSON documents
const withAction = (change: (config: Json) => void) => {
  const manifest: Json = baseManifest();
  change(manifest.actions.createRecord.config);
  return manifest;
};
const picker = (slug: string, params: Record<string, unknown> = {}) => ({ "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug, params } });

it("the whole official dummy-integration manifest: the undefined #/definitions/expression and nothing else", () => {
  expect(brief(lintManifest(dummyIntegrationManifest))).toEqual([
    "warning ref.expression-undefined actions.read.config.jsonSchema.properties.id.$ref",
    "warning ref.expression-undefined actions.write.config.jsonSchema.allOf[0].then.properties.id.$ref",
    "warning ref.expression-undefined actions.write.config.jsonSchema.allOf[1].else.properties.mappings.items.properties.value.$ref",
  ]);
});

describe("fields declared outside `properties`", () => {
  it("an expression field is a field, for the uiSchema and for params reading it", () => {
    const manifest = withAction((config) => {
      config.jsonSchema.properties.recordId = { $ref: "#/definitions/expression", title: "Record" };
      config.jsonSchema.allOf = [{ if: { properties: { objectType: { const: "deals" } } }, then: { properties: { stage: { $ref: "#/definitions/expression" } } } }];
      config.uiSchema.recordId = { "ui:widget": "ExpressionWidget" };
      config.uiSchema.stage = { "ui:widget": "ExpressionWidget" };
      config.uiSchema.owner["ui:options"].params = { objectType: "$root.objectType", record: "$root.recordId", stage: "$this.$parent.stage" };
    });
    expect(brief(lintManifest(manifest))).toEqual([
      "warning ref.expression-undefined actions.createRecord.config.jsonSchema.properties.recordId.$ref",
      "warning ref.expression-undefined actions.createRecord.config.jsonSchema.allOf[0].then.properties.stage.$ref",
    ]);
  });

  it("a field in a branch whose $ref does not resolve is declared: only the ref is reported", () => {
    const manifest = withAction((config) => {
      config.jsonSchema.oneOf = [{ properties: { stage: { $ref: "#/definitions/stage" } } }];
      config.uiSchema.stage = { "ui:widget": "textarea" };
      config.uiSchema.owner["ui:options"].params.stage = "$root.stage";
    });
    expect(brief(lintManifest(manifest))).toEqual(["error ref.unresolved actions.createRecord.config.jsonSchema.oneOf[0].properties.stage.$ref"]);
  });

  it("rjsf dependencies: fields under dependencies.<field>.oneOf[].properties, and a schema dependency", () => {
    const manifest = withAction((config) => {
      config.jsonSchema.properties.kind = { type: "string", enum: ["person", "company"] };
      config.jsonSchema.dependencies = {
        kind: { oneOf: [{ properties: { kind: { const: "person" }, lastName: { type: "string" } } }, { properties: { kind: { const: "company" }, domain: { type: "string" } } }] },
        notes: { properties: { noteOwner: { type: "string" } } },
        owner: ["objectType"],
      };
      config.uiSchema.lastName = picker("listOwners", { objectType: "$root.objectType", domain: "$this.$parent.domain" });
      config.uiSchema.domain = { "ui:widget": "textarea" };
      config.uiSchema.noteOwner = picker("listOwners", { lastName: "$root.lastName" });
    });
    expect(lintManifest(manifest)).toEqual([]);
    const typo = withAction((config) => {
      config.jsonSchema.dependencies = { notes: { properties: { noteOwner: { type: "string" } } } };
      config.uiSchema.noteOwnr = { "ui:widget": "textarea" };
    });
    expect(brief(lintManifest(typo))).toEqual([`warning ui.unknown-property ${ui(".noteOwnr")}`]);
  });
});

describe("data-bound fields, as the runtime defines them (lib/params dataBoundWidgetOf)", () => {
  it("ui:widget wins over ui:options.widget; a ui:field DynamicSchemaWidget is a dynamic sub-form", () => {
    const shadowed = withAction((config) => void (config.uiSchema.notes = { "ui:widget": "textarea", "ui:options": { widget: "IntegrationAutocompleteWidget", slug: "listNothing" } }));
    expect(lintManifest(shadowed)).toEqual([]);
    const field = withAction((config) => void (config.uiSchema.fields = { "ui:field": "DynamicSchemaWidget", "ui:options": { slug: "recordFieldz" } }));
    expect(brief(lintManifest(field))).toEqual([`error dynamic-schema.unknown-slug ${ui('.fields["ui:options"].slug')}`]);
  });

  it("a param key holding a dot is one key in the finding's path", () => {
    const manifest = withAction((config) => void (config.uiSchema.owner["ui:options"].params = { objectType: "$root.objectType", "filter.kind": "$this.$parent.nope" }));
    expect(brief(lintManifest(manifest))).toEqual([`error params.missing-field ${ui('.owner["ui:options"].params["filter.kind"]')}`]);
  });
});

it(`keeps at most ${MAX_COMPILED_SCHEMAS} schemas compiled however many distinct manifests it lints`, () => {
  for (let index = 0; index < MAX_COMPILED_SCHEMAS * 2 + 50; index++) {
    const manifest = withAction((config) => void (config.jsonSchema.properties.notes.title = `Notes ${index}`));
    manifest.actions.createRecord.rateLimits[0].config.jsonSchema.properties.objectType.const = `deals-${index}`;
    expect(lintManifest(manifest)).toEqual([]);
    expect(formSchemas.size).toBeLessThanOrEqual(MAX_COMPILED_SCHEMAS);
    expect(compiledScopeSchemas()).toBeLessThanOrEqual(MAX_COMPILED_SCHEMAS);
  }
  expect(formSchemas.size).toBeGreaterThan(0);
});
