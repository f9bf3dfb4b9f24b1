import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, type Filter } from "@/lib/contract";
import { editFilter, editJson, initialDraft } from "./filter-draft";

const nameContains = (values: string): Filter => ({
  conjonction: "and",
  groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "name", operator: "contains", values }] }],
});

describe("filter drafts", () => {
  it("applies a builder edit, leaving out the conditions still being filled in", () => {
    const state = editFilter(nameContains(""));
    expect(state.applied).toEqual({ conjonction: "and", groups: [{ conjonction: "and", conditions: [] }] });
    expect(editFilter(nameContains("Acme")).applied).toEqual(nameContains("Acme"));
    expect(JSON.parse(state.json)).toEqual(nameContains(""));
  });

  it("applies JSON that is a valid filter, as typed", () => {
    const json = JSON.stringify(nameContains("Acme"));
    expect(editJson(initialDraft(), json)).toEqual({ draft: nameContains("Acme"), json, jsonError: null, applied: nameContains("Acme") });
  });

  it("keeps the last good filter when the JSON does not parse", () => {
    const good = editFilter(nameContains("Acme"));
    const state = editJson(good, '{"conjonction": "and", ');
    expect(state.jsonError).toMatch(/^Not valid JSON/);
    expect(state.applied).toEqual(nameContains("Acme"));
    expect(state.draft).toEqual(nameContains("Acme"));
    expect(state.json).toBe('{"conjonction": "and", ');
  });

  it.each([
    [{ conjunction: "and", groups: [] }, /conjonction/],
    [{ ...EMPTY_FILTER, groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "name", operator: "greaterThan", value: 3 }] }] }, /Unknown operator "greaterThan" for a string condition/],
    [{ ...EMPTY_FILTER, groups: [{ conjonction: "and", conditions: [{ kind: "number", columnSlug: "n", operator: "between", value: 3 }] }] }, /groups\[0\]\.conditions\[0\]/],
  ])("says why JSON is not a filter: %j", (value, message) => {
    const state = editJson(initialDraft(), JSON.stringify(value));
    expect(state.jsonError).toMatch(message);
    expect(state.applied).toEqual(EMPTY_FILTER);
  });
});
