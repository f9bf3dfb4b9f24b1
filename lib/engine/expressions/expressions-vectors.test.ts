import { beforeAll, describe, expect, it } from "vitest";
// The expression-evaluation cases, kept beside the test as the project's own data.
import vectors from "./expressions-vectors.json";
import { createExpressionEvaluator, ExpressionError, type ExpressionEvaluator } from ".";

interface ExpressionVector {
  name: string;
  value: unknown;
  expected?: unknown;
  error?: boolean;
}

const cases: ExpressionVector[] = vectors.cases;
let expressions: ExpressionEvaluator;

beforeAll(async () => {
  expressions = await createExpressionEvaluator();
});

describe("vectors/expressions.json", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((vector) => [vector.name, vector] as const))("%s", async (_name, vector) => {
    const computed = expressions.evaluateValue(vector.value, vectors.context);
    if (vector.error) await expect(computed).rejects.toBeInstanceOf(ExpressionError);
    else await expect(computed).resolves.toStrictEqual(vector.expected);
  });
});
