import { describe, expect, it } from "vitest";
import { Filter, type FilterCondition, type ModelColumn } from "@/lib/contract";
import { newCondition, operatorsFor, withColumn, withOperator, withValue } from "./conditions";

const column = (slug: string, type: ModelColumn["type"]): ModelColumn => ({ slug, type, label: slug });
const valid = (condition: FilterCondition) => Filter.safeParse({ conjonction: "and", groups: [{ conjonction: "and", conditions: [condition] }] }).success;

describe("operatorsFor", () => {
  it.each([
    ["string", ["is", "isNot", "contains", "doesNotContain", "startsWith", "endsWith", "isEmpty", "isNotEmpty", "isNull", "isNotNull"]],
    ["number", ["is", "isNot", "greaterThan", "lowerThan", "between", "isNull", "isNotNull"]],
    ["date", ["is", "isNot", "greaterThan", "lowerThan", "between", "isNull", "isNotNull"]],
    ["boolean", ["isTrue", "isFalse", "isNull", "isNotNull"]],
    ["object", ["isNull", "isNotNull"]],
  ] as const)("limits a %s column to its operators", (type, operators) => expect(operatorsFor(type)).toEqual(operators));

  it("offers only operators the contract accepts for that kind", () => {
    for (const type of ["string", "number", "date", "boolean", "object", "array", "any"] as const) {
      for (const operator of operatorsFor(type)) {
        const condition = withValue(withValue(withOperator(newCondition(column("c", type)), operator), 0, "1"), 1, "2");
        expect(valid(condition), `${type} ${operator}`).toBe(true);
      }
    }
  });
});

describe("building a condition", () => {
  it("starts a string condition as contains with an empty value, valid once typed", () => {
    const condition = newCondition(column("name", "string"));
    expect(condition).toEqual({ kind: "string", columnSlug: "name", operator: "contains", values: "" });
    expect(withValue(condition, 0, "Acme")).toEqual({ kind: "string", columnSlug: "name", operator: "contains", values: "Acme" });
  });

  it("types number values as numbers, and keeps a number condition invalid while empty", () => {
    const condition = newCondition(column("employeeCount", "number"));
    expect(valid(condition)).toBe(false);
    expect(withValue(condition, 0, "250")).toMatchObject({ value: 250 });
    expect(withValue(condition, 0, "2.5e")).toMatchObject({ value: "2.5e" });
  });

  it("keeps the value across operators, and splits it for between", () => {
    const is = withValue(newCondition(column("n", "number")), 0, "10");
    expect(withOperator(is, "greaterThan")).toEqual({ kind: "number", columnSlug: "n", operator: "greaterThan", value: 10 });
    expect(withOperator(is, "between")).toEqual({ kind: "number", columnSlug: "n", operator: "between", firstValue: 10, lastValue: "" });
    expect(withOperator(is, "isNull")).toEqual({ kind: "number", columnSlug: "n", operator: "isNull" });
  });

  it("keeps the operator when the new column has the same type, starts over otherwise", () => {
    const condition = withValue(newCondition(column("name", "string")), 0, "x");
    expect(withColumn(condition, column("domain", "string"))).toEqual({ ...condition, columnSlug: "domain" });
    expect(withColumn(condition, column("active", "boolean"))).toEqual({ kind: "boolean", columnSlug: "active", operator: "isTrue" });
  });
});
