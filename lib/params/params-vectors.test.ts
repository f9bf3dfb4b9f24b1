import { describe, expect, it } from "vitest";
// The params-resolution cases (ui:options.params), kept beside the test as the project's own data.
import vectors from "./params-vectors.json";
import { type FieldPath } from "./field-path";
import { resolveParams } from "./resolve-params";

interface ParamsVector {
  name: string;
  formData: unknown;
  fieldPath: FieldPath;
  params: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const cases: ParamsVector[] = vectors.cases;

describe("vectors/params.json", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((vector) => [vector.name, vector] as const))("%s", (_name, vector) => {
    expect(resolveParams(vector.params, vector.formData, vector.fieldPath)).toStrictEqual(vector.expected);
  });
});
