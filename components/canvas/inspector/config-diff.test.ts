import { describe, expect, it } from "vitest";
import { changedPath } from "./config-diff";

describe("changedPath", () => {
  it("finds the one field that changed, however deep", () => {
    expect(changedPath({ objectType: "contacts", fields: { email: "a" } }, { objectType: "contacts", fields: { email: "ab" } })).toEqual(["fields", "email"]);
    expect(changedPath({}, { objectType: "contacts" })).toEqual(["objectType"]);
  });

  it("stops where more than one key changed, or at a list", () => {
    expect(changedPath({ a: 1, b: 1 }, { a: 2, b: 2 })).toEqual([]);
    expect(changedPath({ fields: { a: 1, b: 1 } }, { fields: { a: 2, b: 2 } })).toEqual(["fields"]);
    expect(changedPath({ routes: [{ name: "a" }] }, { routes: [{ name: "b" }] })).toEqual(["routes"]);
  });
});
