import { describe, expect, it } from "vitest";
import { editFilter, editJson, initialDraft } from "@/components/records/filter/filter-draft";
import type { Filter } from "@/lib/contract";
import { batchDataOf, filterOf, parsePastedRecords, type SourceDraft } from "./batch-source";

const draft = (overrides: Partial<SourceDraft>): SourceDraft => ({
  kind: "records",
  pasted: "",
  fileUuid: null,
  modelUuid: "",
  segmentUuid: "",
  filter: initialDraft(),
  limitText: "",
  ...overrides,
});

describe("pasted records", () => {
  it("reads a JSON array of objects, or one object", () => {
    expect(parsePastedRecords('[{"id":"a"},{"id":"b"}]')).toEqual({ ok: true, value: [{ id: "a" }, { id: "b" }] });
    expect(parsePastedRecords('{"id":"a"}')).toEqual({ ok: true, value: [{ id: "a" }] });
  });

  it("reads CSV with a header row, cells as text", () => {
    expect(parsePastedRecords("id,email\np1,a@x.io\np2,b@x.io\n")).toEqual({
      ok: true,
      value: [
        { id: "p1", email: "a@x.io" },
        { id: "p2", email: "b@x.io" },
      ],
    });
  });

  it("explains what is wrong", () => {
    expect(parsePastedRecords("")).toMatchObject({ ok: false, message: expect.stringContaining("Paste") });
    expect(parsePastedRecords('[{"id":')).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    expect(parsePastedRecords("[1, 2]")).toMatchObject({ ok: false, message: "Record 1 is not an object: each record is one {…} with its fields." });
    expect(parsePastedRecords("[]")).toMatchObject({ ok: false, message: expect.stringContaining("empty") });
    expect(parsePastedRecords("id,email")).toMatchObject({ ok: false });
    expect(parsePastedRecords("hello")).toMatchObject({ ok: false, message: expect.stringContaining("neither") });
  });
});

describe("a filter and its batch data", () => {
  const nameContains = (values: string): Filter => ({
    conjonction: "and",
    groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "name", operator: "contains", values }] }],
  });

  it("runs with the builder's filter once every condition has its value", () => {
    expect(filterOf(editFilter(nameContains("Acme")))).toEqual({ ok: true, value: nameContains("Acme") });
    expect(filterOf(initialDraft())).toEqual({ ok: true, value: { conjonction: "and", groups: [] } });
  });

  it("refuses a condition left without a value, where the records browser would leave it out", () => {
    expect(filterOf(editFilter(nameContains("")))).toEqual({ ok: false, message: "A condition has no value yet: fill it in or remove it." });
  });

  it("refuses JSON that is not a filter, rather than run the last good one", () => {
    const typed = editJson(editFilter(nameContains("Acme")), '{"conjunction":"and","groups":[]}');
    expect(filterOf(typed)).toMatchObject({ ok: false, message: expect.stringContaining("Correct the filter JSON") });
    expect(filterOf(editJson(initialDraft(), "{"))).toMatchObject({ ok: false, message: expect.stringContaining("Not valid JSON") });
  });

  it("builds each kind's data, or the fields' errors", () => {
    expect(batchDataOf(draft({ pasted: '[{"id":"a"}]' }))).toEqual({ data: { kind: "records", records: [{ id: "a" }] } });
    expect(batchDataOf(draft({ kind: "segment", modelUuid: "m" }))).toEqual({ errors: { segment: "Choose a segment." } });
    expect(batchDataOf(draft({ kind: "segment" }))).toEqual({ errors: { model: "Choose a model." } });
    expect(batchDataOf(draft({ kind: "segment", segmentUuid: "s" }))).toEqual({ data: { kind: "segment", segmentUuid: "s" } });
    expect(batchDataOf(draft({ kind: "filter", modelUuid: "m", limitText: "10" }))).toEqual({
      data: { kind: "filter", modelUuid: "m", filter: { conjonction: "and", groups: [] }, limit: 10 },
    });
    expect(batchDataOf(draft({ kind: "filter", limitText: "0" }))).toEqual({ errors: { model: "Choose a model.", limit: "The limit is a whole number, 1 or more." } });
    expect(batchDataOf(draft({ kind: "filter", modelUuid: "m", filter: editFilter(nameContains("")) }))).toEqual({
      errors: { filter: "A condition has no value yet: fill it in or remove it." },
    });
    expect(batchDataOf(draft({ kind: "file" }))).toMatchObject({ errors: { file: expect.any(String) } });
  });
});
