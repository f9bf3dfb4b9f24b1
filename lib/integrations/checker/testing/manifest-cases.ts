import { ui, type CorpusCase } from "./corpus-case";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutations reach into a JSON document
const action = (manifest: Json) => manifest.actions.createRecord;
const uiOf = (manifest: Json) => action(manifest).config.uiSchema;

/** Faults of the manifest itself: the lint finds them, and the probes add nothing. */
export const manifestCases: CorpusCase[] = [
  {
    name: "an autocomplete slug the manifest does not declare",
    server: { manifest: (m) => void (uiOf(m).owner["ui:options"].slug = "listOwnerz") },
    expected: { code: "autocomplete.unknown-slug", path: ui('.owner["ui:options"].slug') },
  },
  {
    name: "a $parent that climbs past the root",
    server: { manifest: (m) => void (uiOf(m).owner["ui:options"].params.objectType = "$this.$parent.$parent.objectType") },
    expected: { code: "params.past-root", path: ui('.owner["ui:options"].params.objectType') },
  },
  {
    name: "a param naming a field the form does not have",
    server: { manifest: (m) => void (uiOf(m).owner["ui:options"].params.objectType = "$this.$parent.objectKind") },
    expected: { code: "params.missing-field", path: ui('.owner["ui:options"].params.objectType') },
  },
  {
    name: "a param inside an array item that names a missing field",
    server: { manifest: (m) => void (uiOf(m).mappings.items.name["ui:options"].params.objectType = "$this.$parent.$parent.objectType") },
    expected: { code: "params.missing-field", path: ui('.mappings.items.name["ui:options"].params.objectType') },
  },
  {
    name: "a param written as $parent without $this",
    server: { manifest: (m) => void (uiOf(m).owner["ui:options"].params.objectType = "$parent.objectType") },
    expected: { code: "params.malformed", path: ui('.owner["ui:options"].params.objectType') },
  },
  {
    name: "a required autocomplete param the field does not pass",
    server: { manifest: (m) => void (uiOf(m).mappings.items.name["ui:options"].params = {}) },
    expected: { code: "params.missing-required", path: ui('.mappings.items.name["ui:options"].params') },
  },
  {
    name: "an unresolved $ref",
    server: { manifest: (m) => void (action(m).config.jsonSchema.properties.owner = { $ref: "#/definitions/owner" }) },
    expected: { code: "ref.unresolved", path: "actions.createRecord.config.jsonSchema.properties.owner.$ref" },
  },
  {
    name: "a $ref to another document",
    server: { manifest: (m) => void (action(m).config.jsonSchema.properties.mappings.items.properties.value = { $ref: "https://schemas.example/value.json" }) },
    expected: { code: "ref.external", path: "actions.createRecord.config.jsonSchema.properties.mappings.items.properties.value.$ref" },
  },
  {
    name: "a widget Relay does not render",
    server: { manifest: (m) => void (uiOf(m).notes["ui:widget"] = "RichTextWidget") },
    expected: { code: "ui.unknown-widget", path: ui('.notes["ui:widget"]') },
  },
  {
    name: "a widget alias that does not exist for the field's type",
    server: { manifest: (m) => void (uiOf(m).notes["ui:widget"] = "checkboxes") },
    expected: { code: "ui.widget-type-mismatch", path: ui('.notes["ui:widget"]') },
  },
  {
    name: "a uiSchema entry for a field the schema does not declare",
    server: { manifest: (m) => void (uiOf(m).note = { "ui:widget": "textarea" }) },
    expected: { code: "ui.unknown-property", path: ui(".note") },
  },
  {
    name: "a dynamic schema slug the manifest does not declare",
    server: { manifest: (m) => void (uiOf(m).fields["ui:options"].slug = "recordFieldz") },
    expected: { code: "dynamic-schema.unknown-slug", path: ui('.fields["ui:options"].slug') },
  },
  {
    name: "an autocomplete field without a slug",
    server: { manifest: (m) => void delete uiOf(m).owner["ui:options"].slug },
    expected: { code: "ui.missing-slug", path: ui('.owner["ui:options"].slug') },
  },
  {
    name: "a retry policy with unlimited attempts",
    server: { manifest: (m) => void (action(m).retry.maximumAttempts = 0) },
    expected: { code: "retry.unlimited", path: "actions.createRecord.retry.maximumAttempts" },
  },
  {
    name: "a retry policy without an interval",
    server: { manifest: (m) => void (action(m).retry.initialInterval = 0) },
    expected: { code: "retry.no-interval", path: "actions.createRecord.retry.initialInterval" },
  },
  {
    name: "a retry interval written in seconds",
    server: { manifest: (m) => void (action(m).retry.initialInterval = 5) },
    expected: { code: "retry.interval-too-short", path: "actions.createRecord.retry.initialInterval" },
  },
  {
    name: "an absurd connector rate limit",
    server: { manifest: (m) => void (m.connector.rateLimit = { unit: "second", max: 100_000 }) },
    expected: { code: "rate-limit.too-high", path: "connector.rateLimit.max" },
  },
  {
    name: "a scoped rate limit whose schema does not compile",
    server: { manifest: (m) => void (action(m).rateLimits[0].config.jsonSchema = { type: "objekt" }) },
    expected: { code: "rate-limit.scoped-schema-invalid", path: "actions.createRecord.rateLimits[0].config.jsonSchema" },
  },
  {
    name: "an action with an empty children list",
    server: { manifest: (m) => void (action(m).children = []) },
    expected: { code: "action.no-children", path: "actions.createRecord.children" },
  },
  {
    name: "a manifest that breaks the contract's types",
    lintOnly: true,
    server: { manifest: (m) => void ((m.extractors.records.mode as Json).kind = "push") },
    expected: { code: "manifest.invalid", path: "extractors.records.mode.kind" },
  },
];
