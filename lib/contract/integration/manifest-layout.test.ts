import { describe, expect, it } from "vitest";
import { legacyManifest } from "./fixtures/legacy-examples";
import { seedDynamicSchemaManifest, seedManifest } from "./fixtures/seed-manifests";
import { detectManifestLayout } from "./manifest-layout";

const model = legacyManifest.model;

const cases: Array<[string, unknown, "seed" | "legacy"]> = [
  ["the seed manifest", seedManifest, "seed"],
  ["the seed dynamic-schema manifest", seedDynamicSchemaManifest, "seed"],
  ["the dummy-integration manifest", legacyManifest, "legacy"],
  ["autocompletes as a list", { autocompletes: [] }, "legacy"],
  ["dynamicSchemas as a list", { dynamicSchemas: [] }, "legacy"],
  ["model without extractors", { actions: {}, model }, "legacy"],
  ["model alongside extractors", { actions: {}, model, extractors: {} }, "seed"],
  ["no capabilities at all", { actions: {} }, "seed"],
  ["null", null, "seed"],
  ["an array", [], "seed"],
  ["a string", "<html>", "seed"],
];

describe("detectManifestLayout", () => {
  it.each(cases)("%s → %s", (_name, raw, layout) => {
    expect(detectManifestLayout(raw)).toBe(layout);
  });
});
