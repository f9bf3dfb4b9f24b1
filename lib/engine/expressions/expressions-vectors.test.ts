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
let withFastPath: ExpressionEvaluator;
let sandboxOnly: ExpressionEvaluator;

beforeAll(async () => {
  withFastPath = await createExpressionEvaluator();
  sandboxOnly = await createExpressionEvaluator({ fastPath: false });
});

/** The value, or the error's message: what must not depend on where a path was read. */
async function outcome(evaluator: ExpressionEvaluator, value: unknown): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: await evaluator.evaluateValue(value, vectors.context) };
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return { error: (error as ExpressionError).message };
  }
}

describe("vectors/expressions.json", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((vector) => [vector.name, vector] as const))("%s", async (_name, vector) => {
    const sandboxed = await outcome(sandboxOnly, vector.value);
    if (vector.error) expect(sandboxed.error).toBeDefined();
    else expect(sandboxed).toStrictEqual({ value: vector.expected });
    // Plain paths read in the host give the same values, and the same errors, word for word.
    expect(await outcome(withFastPath, vector.value)).toStrictEqual(sandboxed);
  });
});
