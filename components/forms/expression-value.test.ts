import { describe, expect, it } from "vitest";
import { expressionText, isExpressionValue, toExpressionValue } from "./expression-value";

describe("toExpressionValue", () => {
  it("stores text holding {{ as a template expression", () => {
    expect(toExpressionValue("Hi {{nodes.start.name}}")).toEqual({
      kind: "templateExpression",
      expression: "Hi {{nodes.start.name}}",
      instructTo: "none",
      fromRecipe: false,
    });
  });

  it("stores other text as a plain literal", () => {
    expect(toExpressionValue("Acme")).toBe("Acme");
    expect(toExpressionValue("a } b {")).toBe("a } b {");
  });

  it("stores empty text as undefined", () => {
    expect(toExpressionValue("")).toBeUndefined();
  });

  it("types a literal by the field's schema", () => {
    expect(toExpressionValue("42", "number")).toBe(42);
    expect(toExpressionValue("42", ["integer", "null"])).toBe(42);
    expect(toExpressionValue("4x", "number")).toBe("4x");
    expect(toExpressionValue("true", "boolean")).toBe(true);
    expect(toExpressionValue("42", "string")).toBe("42");
  });
});

describe("expressionText", () => {
  it("shows the text of a literal or an expression", () => {
    expect(expressionText({ kind: "jsExpression", expression: "1 + 1" })).toBe("1 + 1");
    expect(expressionText("x")).toBe("x");
    expect(expressionText(3)).toBe("3");
    expect(expressionText(undefined)).toBe("");
  });
});

describe("isExpressionValue", () => {
  it("accepts only expression objects", () => {
    expect(isExpressionValue({ kind: "templateExpression", expression: "{{a}}" })).toBe(true);
    expect(isExpressionValue({ kind: "other", expression: "{{a}}" })).toBe(false);
    expect(isExpressionValue("{{a}}")).toBe(false);
    expect(isExpressionValue(null)).toBe(false);
  });
});
