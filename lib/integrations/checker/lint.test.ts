import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { legacyManifest } from "@/lib/contract/integration/fixtures/legacy-examples";
import { seedAutocompleteManifest, seedDynamicSchemaManifest, seedManifest } from "@/lib/contract/integration/fixtures/seed-manifests";
import { CHECK_CODES, formatReport, lintManifest, type Finding } from "./index";
import { baseManifest } from "./testing/base-manifest";

const brief = (findings: Finding[]) => findings.map(({ severity, code, path }) => ({ severity, code, path }));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests reach into JSON documents
const withAction = (action: (config: Json) => void) => {
  const manifest: Json = baseManifest();
  action(manifest.actions.createRecord.config);
  return manifest;
};

describe("the manifests of Cargo's docs and example", () => {
  it("the older layout's official example refers to an undefined #/definitions/expression: a warning, exactly there", () => {
    const findings = lintManifest(legacyManifest);
    expect(brief(findings).filter((f) => f.code.startsWith("ref."))).toEqual([
      { severity: "warning", code: "ref.expression-undefined", path: "actions.read.config.jsonSchema.properties.id.$ref" },
    ]);
    expect(findings.find((f) => f.code === "ref.expression-undefined")!.message).toContain("#/definitions/expression");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("the documented manifest declares an autocomplete no form uses, and the dynamic-schema snippet uses one it leaves out", () => {
    expect(brief(lintManifest(seedManifest))).toEqual([{ severity: "info", code: "autocomplete.unused", path: "autocompletes.listOptions" }]);
    expect(lintManifest(seedAutocompleteManifest)).toEqual([]);
    expect(brief(lintManifest(seedDynamicSchemaManifest))).toEqual([
      { severity: "error", code: "autocomplete.unknown-slug", path: 'actions.createRecord.config.uiSchema.objectType["ui:options"].slug' },
    ]);
  });

  it("the corpus's base manifest is clean", () => {
    expect(lintManifest(baseManifest())).toEqual([]);
  });
});

describe("lintManifest", () => {
  it("refuses what is not a JSON object, at the root", () => {
    expect(brief(lintManifest([1, 2]))).toEqual([{ severity: "error", code: "manifest.invalid", path: "$" }]);
  });

  it("lists every contract problem at its own path", () => {
    const manifest: Json = baseManifest();
    delete manifest.name;
    manifest.extractors.records.preview = "all";
    expect(brief(lintManifest(manifest)).map((f) => f.path).sort()).toEqual(["extractors.records.preview", "name"]);
  });

  it("resolves $root and $this paths through nested objects and arrays", () => {
    const manifest = withAction((config) => {
      config.jsonSchema.properties.address = { type: "object", properties: { country: { type: "string" }, lines: { type: "array", items: { type: "string" } } } };
      config.uiSchema.address = {
        country: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listOwners", params: { a: "$root.address.lines.0", b: "$this.$parent.lines", c: "$this" } } },
      };
    });
    expect(lintManifest(manifest)).toEqual([]);
    const broken = withAction((config) => {
      config.jsonSchema.properties.address = { type: "object", properties: { country: { type: "string" } } };
      config.uiSchema.address = { country: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listOwners", params: { a: "$root.address.country.code", b: "$this.$parent.$parent.$parent.x" } } } };
    });
    expect(brief(lintManifest(broken)).map((f) => f.code)).toEqual(["params.missing-field", "params.past-root"]);
  });

  it("accepts aliases that suit the field's type, and Relay's widgets anywhere", () => {
    const manifest = withAction((config) => {
      config.jsonSchema.properties.count = { type: "integer" };
      config.jsonSchema.properties.tags = { type: "array", items: { type: "string", enum: ["a", "b"] }, uniqueItems: true };
      config.uiSchema.count = { "ui:widget": "updown" };
      config.uiSchema.tags = { "ui:widget": "checkboxes" };
      config.uiSchema.notes = { "ui:options": { widget: "ExpressionWidget" } };
    });
    expect(lintManifest(manifest)).toEqual([]);
    const wrong = withAction((config) => void (config.uiSchema.notes = { "ui:field": "MarkdownField" }));
    expect(brief(lintManifest(wrong))).toEqual([{ severity: "error", code: "ui.unknown-widget", path: 'actions.createRecord.config.uiSchema.notes["ui:field"]' }]);
  });

  it("judges retry policies and rate limits that the types allow", () => {
    const manifest: Json = baseManifest();
    manifest.actions.createRecord.retry = { maximumAttempts: 500, initialInterval: 3_600_000, backoffCoefficient: 20 };
    manifest.actions.createRecord.executing = { retry: { maximumAttempts: 0 }, withRateLimit: false };
    manifest.connector.rateLimit = { unit: "minute", max: 600_000 };
    expect(brief(lintManifest(manifest)).map((f) => `${f.code} ${f.path}`)).toEqual([
      "rate-limit.too-high connector.rateLimit.max",
      "retry.too-many-attempts actions.createRecord.retry.maximumAttempts",
      "retry.interval-too-long actions.createRecord.retry.initialInterval",
      "retry.backoff-too-large actions.createRecord.retry.backoffCoefficient",
      "retry.unlimited actions.createRecord.executing.retry.maximumAttempts",
    ]);
  });

  it("reports a JSON Schema that does not compile, and autocompletes no form uses when nothing else could", () => {
    const manifest: Json = baseManifest();
    manifest.actions.createRecord.config.jsonSchema.properties.notes = { type: "string", minLength: "three" };
    delete manifest.dynamicSchemas;
    delete manifest.actions.createRecord.config.uiSchema.fields;
    manifest.autocompletes.spare = { params: { jsonSchema: {} } };
    expect(brief(lintManifest(manifest))).toEqual([
      { severity: "error", code: "schema.invalid", path: "actions.createRecord.config.jsonSchema" },
      { severity: "info", code: "autocomplete.unused", path: "autocompletes.spare" },
    ]);
  });
});

describe("the legacy model", () => {
  const legacy = (model: unknown, extra: Json = {}) => ({ ...legacyManifest, ...extra, model });
  const slug = { jsonSchema: { type: "string", enum: ["product", "cart"] }, uiSchema: {} };
  const variant = (slugs?: string[]) => ({ ...(slugs && { condition: { slugs } }), config: { jsonSchema: { type: "object" }, uiSchema: {} }, mode: { kind: "fetch", isIncremental: false }, preview: "none" });
  const without = (findings: Finding[]) => brief(findings).filter((f) => f.code !== "ref.expression-undefined" && f.code !== "autocomplete.unused");

  it("finds variants that can never be picked", () => {
    expect(without(lintManifest(legacy({ slug, variants: [variant(["product", "user"]), variant(), variant(["cart"])] })))).toEqual([
      { severity: "error", code: "model.unknown-condition-slug", path: "model.variants[0].condition.slugs[1]" },
      { severity: "warning", code: "model.unreachable-variant", path: "model.variants[2]" },
    ]);
  });

  it("finds a slug declared twice in a list", () => {
    const autocompletes = [...legacyManifest.autocompletes, { ...legacyManifest.autocompletes[0]! }];
    expect(without(lintManifest(legacy({ slug, variants: [variant()] }, { autocompletes })))).toEqual([
      { severity: "error", code: "manifest.duplicate-slug", path: "autocompletes[0].slug" },
    ]);
  });
});

it("every code is in the README with its severity, and the text report says each finding's code, path and fix", () => {
  const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
  expect(Object.entries(CHECK_CODES).filter(([code, severity]) => !readme.includes(`| \`${code}\` | ${severity} |`))).toEqual([]);
  const findings = lintManifest(legacyManifest);
  const text = formatReport({ baseUrl: "http://x", layout: "legacy", probed: false, findings, summary: { errors: 0, warnings: 1, infos: findings.length - 1 } });
  expect(text).toContain("WARN  ref.expression-undefined  actions.read.config.jsonSchema.properties.id.$ref");
  expect(text).toContain("Fix: ");
});
