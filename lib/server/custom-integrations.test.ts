import { describe, expect, it } from "vitest";
import { slugify } from "./custom-integrations";

describe("slugify", () => {
  it.each([
    ["Demo CRM", "demo_crm"],
    ["Demo CRM (legacy)", "demo_crm_legacy"],
    ["  Héllo—Wörld!  ", "hello_world"],
    ["HubSpot", "hubspot"],
    ["***", "integration"],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugify(name)).toMatch(/^[a-z0-9_]+$/);
  });
});
