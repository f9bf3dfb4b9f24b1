import { describe, expect, it } from "vitest";
import { discardsExpression, expressionEditValue, expressionLanguage, expressionModeText, literalAfterExpressionMode } from "./expression-mode";

const expression = (text: string) => ({ kind: "templateExpression", expression: text, instructTo: "none", fromRecipe: false });

describe("expression mode", () => {
  it("shows an expression's source and a scalar literal as text", () => {
    expect(expressionModeText(expression("{{nodes.start.email}}"))).toBe("{{nodes.start.email}}");
    expect(expressionModeText("Acme")).toBe("Acme");
    expect(expressionModeText(42)).toBe("42");
    expect(expressionModeText(false)).toBe("false");
  });

  it("starts empty for nothing, objects and lists", () => {
    expect(expressionModeText(undefined)).toBe("");
    expect(expressionModeText({ email: "a@b.c" })).toBe("");
    expect(expressionModeText(["a"])).toBe("");
  });

  it("asks before discarding only a non-empty expression", () => {
    expect(discardsExpression(expression("{{nodes.start}}"))).toBe(true);
    expect(discardsExpression(expression("  "))).toBe(false);
    expect(discardsExpression("plain text")).toBe(false);
  });

  it("restores the literal from before, or keeps a literal typed in expression mode", () => {
    expect(literalAfterExpressionMode(expression("{{x}}"), "before")).toBe("before");
    expect(literalAfterExpressionMode(expression("{{x}}"), expression("{{y}}"))).toBeUndefined();
    expect(literalAfterExpressionMode("typed", "before")).toBe("typed");
  });

  it("keeps a jsExpression one while its text is edited; other text follows toExpressionValue", () => {
    const js = { kind: "jsExpression", expression: "nodes.a.b", instructTo: "none" };
    expect(expressionEditValue(js, "nodes.a.c")).toEqual({ ...js, expression: "nodes.a.c" });
    expect(expressionLanguage(js)).toBe("javascript");
    expect(expressionEditValue("x", "{{nodes.a}}")).toEqual(expression("{{nodes.a}}"));
    expect(expressionEditValue(undefined, "7", "number")).toBe(7);
    expect(expressionLanguage(expression("{{x}}"))).toBe("template");
  });
});
