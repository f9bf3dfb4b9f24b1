import { describe, expect, it } from "vitest";
import { integrationOrigin } from "./category-labels";

describe("integrationOrigin", () => {
  it("calls the built-in flow nodes and SDK integrations native, and a server of any layout custom", () => {
    expect(integrationOrigin({ kind: "native", layout: null })).toEqual({ label: "Native", tone: "neutral" });
    expect(integrationOrigin({ kind: "custom", layout: null })).toEqual({ label: "Native", tone: "neutral" });
    expect(integrationOrigin({ kind: "custom", layout: "seed" })).toEqual({ label: "Custom", tone: "accent" });
    expect(integrationOrigin({ kind: "custom", layout: "legacy" })).toEqual({ label: "Custom", tone: "accent" });
  });
});
