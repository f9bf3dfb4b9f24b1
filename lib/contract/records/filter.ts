import { z } from "zod";

/**
 * Cargo's filter syntax (segments, batches of kind `filter`), with its French `conjonction`.
 * Every object is strict: Cargo answers a typo such as `conjunction` with no rows, silently; we
 * answer 400 naming the field, so a mistyped filter never looks like an empty segment.
 */
export const Conjonction = z.enum(["and", "or"]).describe("How the parts are joined (French spelling, as Cargo's)");
export type Conjonction = z.infer<typeof Conjonction>;

const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(", ");

/** A strict object whose unknown keys are named, with a hint for the English `conjunction`. */
const strictObject = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const keys: readonly string[] = issue.keys;
      const hint = keys.includes("conjunction") ? ` (Cargo spells it "conjonction", in French)` : "";
      return `Unknown key${keys.length > 1 ? "s" : ""} ${quoted(keys)}${hint}`;
    },
  });

/** The message of a discriminated union whose discriminator matched no option: what is allowed. */
const noMatch = (what: string) => (issue: z.core.$ZodRawIssue) => {
  if (issue.code !== "invalid_union" || !issue.discriminator || !("options" in issue) || !Array.isArray(issue.options)) return undefined;
  const given = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
  return `Unknown ${issue.discriminator} ${JSON.stringify(given) ?? "(missing)"}${what}: expected one of ${quoted(issue.options)}`;
};

const column = { columnSlug: z.string().min(1).describe("The column the condition reads") };
const nullOperators = ["isNull", "isNotNull"] as const;

const StringCondition = z.discriminatedUnion(
  "operator",
  [
    strictObject({
      kind: z.literal("string"),
      ...column,
      operator: z.enum(["is", "isNot", "contains", "doesNotContain", "startsWith", "endsWith"]),
      values: z.union([z.string(), z.array(z.string()).min(1)]).describe("One value, or several of which any may match"),
    }),
    strictObject({ kind: z.literal("string"), ...column, operator: z.enum([...nullOperators, "isEmpty", "isNotEmpty"]) }),
  ],
  { error: noMatch(" for a string condition") },
);

/** A number, or for dates an ISO timestamp or a relative span such as `3 months` (that long ago). */
const Comparable = z.union([z.number(), z.string().min(1)]);

const comparisonCondition = <Kind extends "number" | "date">(kind: Kind) =>
  z.discriminatedUnion(
    "operator",
    [
      strictObject({ kind: z.literal(kind), ...column, operator: z.enum(["is", "isNot", "greaterThan", "lowerThan"]), value: Comparable }),
      strictObject({ kind: z.literal(kind), ...column, operator: z.literal("between"), firstValue: Comparable, lastValue: Comparable }),
      strictObject({ kind: z.literal(kind), ...column, operator: z.enum(nullOperators) }),
    ],
    { error: noMatch(` for a ${kind} condition`) },
  );

const BooleanCondition = strictObject({
  kind: z.literal("boolean"),
  ...column,
  operator: z.enum(["isTrue", "isFalse", ...nullOperators]),
});

const OtherKindCondition = strictObject({
  kind: z.enum(["object", "array", "vector", "any"]),
  ...column,
  operator: z.enum(nullOperators),
});

/**
 * One condition on one column. Kinds and operators as Cargo's filter syntax (reference §5.5).
 * Discriminated on `kind`, then `operator`, so a wrong one is answered with the allowed ones.
 */
export const FilterCondition = z.discriminatedUnion(
  "kind",
  [StringCondition, comparisonCondition("number"), comparisonCondition("date"), BooleanCondition, OtherKindCondition],
  { error: noMatch("") },
);
export type FilterCondition = z.infer<typeof FilterCondition>;

export const FilterGroup = strictObject({
  conjonction: Conjonction,
  conditions: z.array(FilterCondition).describe("An empty group matches every record"),
});
export type FilterGroup = z.infer<typeof FilterGroup>;

/** Groups joined by `conjonction`; a filter without groups matches every record. */
export const Filter = strictObject({
  conjonction: Conjonction,
  groups: z.array(FilterGroup),
});
export type Filter = z.infer<typeof Filter>;

export const EMPTY_FILTER: Filter = { conjonction: "and", groups: [] };

/** Sort keys, first one first. */
export const RecordSort = z.array(strictObject({ columnSlug: z.string().min(1), kind: z.enum(["asc", "desc"]) }));
export type RecordSort = z.infer<typeof RecordSort>;
