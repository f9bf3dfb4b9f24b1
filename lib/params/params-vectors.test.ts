import { describe, expect, it } from "vitest";
// The shared vectors are read as they stand in the sibling shared/ folder, never copied.
import vectors from "../../../shared/vectors/params.json";
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
