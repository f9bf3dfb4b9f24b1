import { describe, expect, it } from "vitest";
import { Integration, IntegrationManifest, LegacyIntegrationManifest, toProblems } from "@/lib/contract";
import type { FetchedManifest } from "./fetch-manifest";
import { normalizeManifest } from "./normalize-manifest";

const form = (jsonSchema: Record<string, unknown> = {}, uiSchema: Record<string, unknown> = {}) => ({ jsonSchema, uiSchema });
const fetchVariant = { mode: { kind: "fetch", isIncremental: false }, preview: "records" };

function makeBase(overrides: Record<string, unknown> = {}) {
  return {
    name: "Tiny CRM",
    description: "A tiny CRM",
    icon: "<svg></svg>",
    color: "#123456",
    url: "https://tiny.example",
    connector: { config: form({ type: "object" }), rateLimit: { unit: "minute", max: 60 } },
    actions: { ping: { name: "Ping", description: "Pings", config: form() } },
    ...overrides,
  };
}

function seed(overrides: Record<string, unknown> = {}): FetchedManifest {
  return { layout: "seed", manifest: IntegrationManifest.parse(makeBase(overrides)) };
}

function legacy(overrides: Record<string, unknown> = {}): FetchedManifest {
  return { layout: "legacy", manifest: LegacyIntegrationManifest.parse(makeBase(overrides)) };
}

function normalized(fetched: FetchedManifest, category?: "sales") {
  const integration = normalizeManifest(fetched, { slug: "tiny-crm", category });
  const check = Integration.safeParse(integration);
  expect(check.success ? [] : toProblems(check.error)).toEqual([]);
  return integration;
}

const slugForm = form({ type: "string", title: "Object type", oneOf: [{ const: "product", title: "Product" }, { const: "cart", title: "Cart" }] });

describe("normalizeManifest, seed layout", () => {
  it("maps one to one, with missing maps as {} and users as null", () => {
    const integration = normalized(seed());
    expect(integration).toMatchObject({
      slug: "tiny-crm",
      kind: "custom",
      category: "custom",
      name: "Tiny CRM",
      layout: "seed",
      users: null,
      extractors: {},
      autocompletes: {},
      dynamicSchemas: {},
    });
    expect(integration.connector.rateLimit).toEqual({ unit: "minute", max: 60 });
    expect(integration.actions.ping?.name).toBe("Ping");
  });

  it("keeps capabilities, users and the given category", () => {
    const integration = normalized(
      seed({
        users: { config: form({ type: "object" }) },
        extractors: { records: { name: "Records", description: "All", config: form(), ...fetchVariant } },
        autocompletes: { listThings: { params: { jsonSchema: {} }, cacheExpirationInSeconds: 60 } },
        dynamicSchemas: { fields: { params: { jsonSchema: {} } } },
      }),
      "sales",
    );
    expect(integration.category).toBe("sales");
    expect(integration.users).toEqual({ config: { jsonSchema: { type: "object" }, uiSchema: {} } });
    expect(Object.keys(integration.extractors)).toEqual(["records"]);
    expect(integration.autocompletes.listThings?.cacheExpirationInSeconds).toBe(60);
    expect(Object.keys(integration.dynamicSchemas)).toEqual(["fields"]);
  });

  it("returns a copy the caller may change", () => {
    const fetched = seed();
    normalized(fetched).actions.ping!.name = "Changed";
    expect(fetched.manifest.actions.ping?.name).toBe("Ping");
  });
});

describe("normalizeManifest, legacy layout", () => {
  it("turns autocomplete and dynamic schema lists into maps without their slug", () => {
    const integration = normalized(
      legacy({
        autocompletes: [{ slug: "listThings", params: { jsonSchema: {} }, cacheExpirationInSeconds: 30 }],
        dynamicSchemas: [{ slug: "fields", params: { jsonSchema: { type: "object" } } }],
      }),
    );
    expect(integration.layout).toBe("legacy");
    expect(integration.autocompletes).toEqual({ listThings: { params: { jsonSchema: {} }, cacheExpirationInSeconds: 30 } });
    expect(integration.dynamicSchemas).toEqual({ fields: { params: { jsonSchema: { type: "object" } } } });
    expect(integration.extractors).toEqual({});
  });

  it("turns a one-variant model into the extractor `model`, with the slug as a required first field", () => {
    const integration = normalized(
      legacy({
        model: {
          slug: slugForm,
          variants: [
            {
              config: form({ type: "object", properties: { pageSize: { type: "integer" } }, required: ["pageSize"] }, { pageSize: { "ui:widget": "updown" } }),
              ...fetchVariant,
              retry: { maximumAttempts: 3 },
            },
          ],
        },
      }),
    );
    expect(Object.keys(integration.extractors)).toEqual(["model"]);
    const extractor = integration.extractors.model!;
    expect(extractor).toMatchObject({ name: "Tiny CRM", description: "A tiny CRM", preview: "records", retry: { maximumAttempts: 3 } });
    expect(extractor.mode).toEqual({ kind: "fetch", isIncremental: false });
    expect(extractor.config.jsonSchema).toEqual({
      type: "object",
      properties: { slug: slugForm.jsonSchema, pageSize: { type: "integer" } },
      required: ["slug", "pageSize"],
    });
    expect(Object.keys(extractor.config.jsonSchema.properties as object)[0]).toBe("slug");
    expect(extractor.config.uiSchema).toEqual({ pageSize: { "ui:widget": "updown" }, slug: {} });
  });

  it("keys several variants model, model_1, … and narrows each slug field to the variant's condition", () => {
    const integration = normalized(
      legacy({
        model: {
          slug: slugForm,
          variants: [
            { condition: { slugs: ["cart"] }, config: form({}, { "ui:order": ["*"] }), ...fetchVariant },
            { config: form({ type: "object", properties: { slug: { type: "number" } } }), mode: { kind: "ingest" }, preview: "none" },
          ],
        },
      }),
    );
    expect(Object.keys(integration.extractors)).toEqual(["model", "model_1"]);
    const [cart, other] = [integration.extractors.model!, integration.extractors.model_1!];
    expect(cart.name).toBe("Tiny CRM: cart");
    expect(cart.config.jsonSchema.properties).toEqual({
      slug: { ...slugForm.jsonSchema, enum: ["cart"], oneOf: [{ const: "cart", title: "Cart" }] },
    });
    expect(cart.config.uiSchema["ui:order"]).toEqual(["slug", "*"]);
    expect(other.name).toBe("Tiny CRM (variant 2)");
    expect(other.mode).toEqual({ kind: "ingest" });
    expect(other.config.jsonSchema.properties).toEqual({ slug: slugForm.jsonSchema });
  });

  it("gives the slug field a title when the model slug schema has none", () => {
    const integration = normalized(legacy({ model: { slug: form({ type: "string" }), variants: [{ config: form(), ...fetchVariant }] } }));
    expect((integration.extractors.model!.config.jsonSchema.properties as Record<string, unknown>).slug).toEqual({ type: "string", title: "Object" });
  });
});
