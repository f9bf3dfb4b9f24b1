import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Filter, FilterCondition, type Conjonction, type RecordSort } from "@/lib/contract";
import { openDatabase, type Database } from "../open-database";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { compileFilter, compileSort, FilterError } from "./filter-sql";
import { ALL_IDS, allBut, COLUMNS, EVIL_SLUG, insertFixtureModel, MODEL_UUID, PATH_SLUG, QUOTES_SLUG } from "./testing/record-fixtures";

const NOW = new Date("2025-06-15T12:00:00.000Z");

/** A condition, through the contract's schema so every case is a filter the API would accept. */
const when = (kind: string, columnSlug: string, operator: string, rest: Record<string, unknown> = {}) =>
  FilterCondition.parse({ kind, columnSlug, operator, ...rest });
const group = (conjonction: Conjonction, ...conditions: FilterCondition[]) => ({ conjonction, conditions });
const only = (condition: FilterCondition): Filter => ({ conjonction: "and", groups: [group("and", condition)] });

const FILTER_CASES: Array<[string, Filter, string[]]> = [
  // string
  ["string is: any case", only(when("string", "company", "is", { values: "acme" })), ["r01", "r02", "r09"]],
  ["string is: any of several values", only(when("string", "company", "is", { values: ["beta", "INJECTION"] })), ["r10", "r12"]],
  ["string isNot: includes null and missing", only(when("string", "company", "isNot", { values: "Acme" })), allBut("r01", "r02", "r09")],
  ["string isNot: none of several values", only(when("string", "company", "isNot", { values: ["acme", "beta"] })), allBut("r01", "r02", "r09", "r10")],
  ["string contains: any case", only(when("string", "name", "contains", { values: "ACME" })), ["r01", "r02"]],
  ["string contains: any of several values", only(when("string", "name", "contains", { values: ["corp", "zeta"] })), ["r01", "r09"]],
  ["string doesNotContain: includes missing", only(when("string", "name", "doesNotContain", { values: "e" })), ["r04", "r06", "r07", "r08", "r12"]],
  ["string doesNotContain: none of several", only(when("string", "name", "doesNotContain", { values: ["e", "%"] })), ["r06", "r07", "r08", "r12"]],
  ["string startsWith", only(when("string", "name", "startsWith", { values: "evil" })), ["r13", "r14"]],
  ["string startsWith: non-ASCII letters keep their case", only(when("string", "name", "startsWith", { values: "É" })), ["r03"]],
  ["string startsWith: lower-case accent", only(when("string", "name", "startsWith", { values: "é" })), ["r11"]],
  ["string endsWith", only(when("string", "name", "endsWith", { values: "CO" })), ["r03"]],
  ["string endsWith: unicode", only(when("string", "company", "endsWith", { values: "ïcode" })), ["r11"]],
  ["string contains %: a plain character", only(when("string", "name", "contains", { values: "%" })), ["r04"]],
  ["string contains _: a plain character", only(when("string", "name", "contains", { values: "_" })), ["r10"]],
  ["string contains \\: a plain character", only(when("string", "name", "contains", { values: "\\" })), ["r06"]],
  ["string startsWith %: no wildcard", only(when("string", "name", "startsWith", { values: "%" })), []],
  ["string contains quotes", only(when("string", "name", "contains", { values: `"quotes"` })), ["r05"]],
  ["string contains an apostrophe", only(when("string", "name", "contains", { values: "'" })), ["r05", "r12"]],
  ["string is: an injection attempt is data", only(when("string", "name", "is", { values: "' OR '1'='1" })), ["r12"]],
  ["string is: an injection attempt matches nothing else", only(when("string", "company", "is", { values: "' OR '1'='1" })), []],
  ["string is: a statement in a value stays a value", only(when("string", "company", "is", { values: "'); DELETE FROM model_records; --" })), []],
  ["string isNull: missing or null", only(when("string", "company", "isNull")), ["r06", "r08", "r13", "r14"]],
  ["string isNotNull", only(when("string", "company", "isNotNull")), allBut("r06", "r08", "r13", "r14")],
  ["string isEmpty: missing, null or empty", only(when("string", "company", "isEmpty")), ["r06", "r07", "r08", "r13", "r14"]],
  ["string isNotEmpty", only(when("string", "company", "isNotEmpty")), allBut("r06", "r07", "r08", "r13", "r14")],
  // number
  ["number is", only(when("number", "employees", "is", { value: 250 })), ["r01", "r09"]],
  ["number is: a numeric string on either side", only(when("number", "employees", "is", { value: "75" })), ["r03"]],
  ["number is: padded and exponent strings", only(when("number", "employees", "is", { value: 42 })), ["r11"]],
  ["number isNot: includes missing and non-numbers", only(when("number", "employees", "isNot", { value: 250 })), allBut("r01", "r09")],
  ["number greaterThan: strict", only(when("number", "employees", "greaterThan", { value: 99.99 })), ["r01", "r07", "r09", "r12"]],
  ["number lowerThan: negative", only(when("number", "employees", "lowerThan", { value: 0 })), ["r05"]],
  ["number lowerThan: strict", only(when("number", "employees", "lowerThan", { value: 12 })), ["r04", "r05"]],
  ["number between: inclusive, either order", only(when("number", "employees", "between", { firstValue: 100, lastValue: 12 })), ["r02", "r03", "r10", "r11", "r12"]],
  ["number between: decimals", only(when("number", "employees", "between", { firstValue: "99.98", lastValue: 99.999 })), ["r10"]],
  ["number between: negative to zero", only(when("number", "employees", "between", { firstValue: -3.5, lastValue: 0 })), ["r04", "r05"]],
  ["number isNull: a non-number is still a value", only(when("number", "employees", "isNull")), ["r08", "r13", "r14"]],
  ["number isNotNull", only(when("number", "employees", "isNotNull")), allBut("r08", "r13", "r14")],
  // date
  ["date is: a day", only(when("date", "signedUpAt", "is", { value: "2025-06-14" })), ["r01", "r10"]],
  ["date is: an instant", only(when("date", "signedUpAt", "is", { value: "2025-06-15T11:00:00.000Z" })), ["r05"]],
  ["date is: an instant with an offset", only(when("date", "signedUpAt", "is", { value: "2025-06-15T13:00:00+02:00" })), ["r05"]],
  ["date isNot: includes missing and junk", only(when("date", "signedUpAt", "isNot", { value: "2025-06-14" })), allBut("r01", "r10")],
  ["date greaterThan: after a day", only(when("date", "signedUpAt", "greaterThan", { value: "2025-06-01" })), ["r01", "r05", "r09", "r10"]],
  ["date greaterThan: after an instant", only(when("date", "signedUpAt", "greaterThan", { value: "2025-06-14T12:00:00Z" })), ["r05", "r09"]],
  ["date lowerThan: before a day", only(when("date", "signedUpAt", "lowerThan", { value: "2025-01-01" })), ["r04", "r07"]],
  ["date between: days, either order, through the last", only(when("date", "signedUpAt", "between", { firstValue: "2025-06-14", lastValue: "2025-03-15" })), ["r01", "r02", "r03", "r10", "r11"]],
  ["date greaterThan: 2 weeks ago", only(when("date", "signedUpAt", "greaterThan", { value: "2 weeks" })), ["r01", "r05", "r09", "r10"]],
  ["date greaterThan: 1 month ago, strict", only(when("date", "signedUpAt", "greaterThan", { value: "1 month" })), ["r01", "r02", "r05", "r09", "r10"]],
  ["date greaterThan: 1 hour ago, strict", only(when("date", "signedUpAt", "greaterThan", { value: "1 hour" })), ["r09"]],
  ["date lowerThan: 1 year ago", only(when("date", "signedUpAt", "lowerThan", { value: "1 year" })), ["r07"]],
  ["date lowerThan: 6 hours ago", only(when("date", "signedUpAt", "lowerThan", { value: "6 hours" })), ["r01", "r02", "r03", "r04", "r07", "r10", "r11"]],
  ["date between: 3 months and 10 days ago, inclusive", only(when("date", "signedUpAt", "between", { firstValue: "3 months", lastValue: "10 days" })), ["r02", "r11"]],
  ["date isNull", only(when("date", "signedUpAt", "isNull")), ["r08", "r12", "r13", "r14"]],
  ["date isNotNull: junk is a value", only(when("date", "signedUpAt", "isNotNull")), allBut("r08", "r12", "r13", "r14")],
  // boolean
  ["boolean isTrue: JSON and strings", only(when("boolean", "active", "isTrue")), ["r01", "r03", "r07", "r10"]],
  ["boolean isFalse: JSON and strings, any case", only(when("boolean", "active", "isFalse")), ["r02", "r04", "r09"]],
  ["boolean isNull", only(when("boolean", "active", "isNull")), ["r05", "r08", "r11", "r12", "r13", "r14"]],
  ["boolean isNotNull", only(when("boolean", "active", "isNotNull")), ["r01", "r02", "r03", "r04", "r06", "r07", "r09", "r10"]],
  // object, array, vector, any
  ["object isNotNull: empty objects count", only(when("object", "meta", "isNotNull")), ["r01", "r03"]],
  ["object isNull", only(when("object", "meta", "isNull")), allBut("r01", "r03")],
  ["array isNotNull: empty arrays count", only(when("array", "tags", "isNotNull")), ["r01", "r02"]],
  ["vector isNotNull", only(when("vector", "embedding", "isNotNull")), ["r01"]],
  ["any isNull", only(when("any", "misc", "isNull")), allBut("r01", "r02")],
  ["any column: a string condition", only(when("string", "misc", "contains", { values: "ELL" })), ["r01"]],
  ["any column: a number as its text", only(when("string", "misc", "is", { values: "42" })), ["r02"]],
  ["any column: a number condition", only(when("number", "misc", "greaterThan", { value: 40 })), ["r02"]],
  ["a string isNull on a number column", only(when("string", "employees", "isNull")), ["r08", "r13", "r14"]],
  // groups
  ["no groups: every record", { conjonction: "and", groups: [] }, ALL_IDS],
  ["an empty group: every record", { conjonction: "and", groups: [group("and")] }, ALL_IDS],
  ["an empty group and another", { conjonction: "and", groups: [group("or"), group("and", when("string", "company", "is", { values: "acme" }))] }, ["r01", "r02", "r09"]],
  ["an empty group or another: every record", { conjonction: "or", groups: [group("and"), group("and", when("string", "company", "is", { values: "acme" }))] }, ALL_IDS],
  [
    "groups of and, joined by or",
    {
      conjonction: "or",
      groups: [
        group("and", when("string", "company", "is", { values: "acme" }), when("number", "employees", "greaterThan", { value: 100 })),
        group("and", when("boolean", "active", "isTrue"), when("string", "name", "contains", { values: "_" })),
      ],
    },
    ["r01", "r09", "r10"],
  ],
  [
    "groups of or, joined by and",
    {
      conjonction: "and",
      groups: [
        group("or", when("string", "company", "is", { values: "beta" }), when("string", "company", "is", { values: "injection" })),
        group("or", when("string", "name", "contains", { values: "score" }), when("boolean", "active", "isTrue")),
      ],
    },
    ["r10"],
  ],
  ["or inside a group", { conjonction: "and", groups: [group("or", when("number", "employees", "lowerThan", { value: 0 }), when("date", "signedUpAt", "is", { value: "2025-03-15" }))] }, ["r03", "r05"]],
  ["and inside a group", { conjonction: "and", groups: [group("and", when("string", "company", "is", { values: "acme" }), when("boolean", "active", "isFalse"))] }, ["r02", "r09"]],
  // slugs that would be SQL if they were ever pasted into it
  ["a slug with a quote, a paren and a comment", only(when("string", EVIL_SLUG, "is", { values: "evil" })), ["r13"]],
  ["a slug with \", ', $ and ]", only(when("number", QUOTES_SLUG, "is", { value: 7 })), ["r13", "r14"]],
  ["a slug that looks like a JSON path", only(when("string", PATH_SLUG, "is", { values: "dollar" })), ["r13"]],
  ["a JSON-path slug isNull", only(when("string", PATH_SLUG, "isNull")), allBut("r13")],
];

const SORT_CASES: Array<[string, Filter, RecordSort, string[]]> = [
  ["no sort: record id", { conjonction: "and", groups: [] }, [], ALL_IDS],
  ["number asc, missing last", { conjonction: "and", groups: [] }, [{ columnSlug: "employees", kind: "asc" }], ["r05", "r04", "r02", "r11", "r03", "r10", "r12", "r01", "r09", "r07", "r06", "r08", "r13", "r14"]],
  ["number desc, missing last, ties by id", { conjonction: "and", groups: [] }, [{ columnSlug: "employees", kind: "desc" }], ["r07", "r01", "r09", "r12", "r10", "r03", "r11", "r02", "r04", "r05", "r06", "r08", "r13", "r14"]],
  ["string asc by code point, missing last", { conjonction: "and", groups: [] }, [{ columnSlug: "name", kind: "asc" }], ["r07", "r12", "r04", "r01", "r13", "r14", "r05", "r09", "r02", "r06", "r10", "r03", "r11", "r08"]],
  ["date desc, missing last", { conjonction: "and", groups: [] }, [{ columnSlug: "signedUpAt", kind: "desc" }], ["r09", "r05", "r01", "r10", "r02", "r11", "r03", "r04", "r07", "r06", "r08", "r12", "r13", "r14"]],
  [
    "boolean desc then string asc",
    { conjonction: "and", groups: [] },
    [{ columnSlug: "active", kind: "desc" }, { columnSlug: "name", kind: "asc" }],
    ["r07", "r01", "r10", "r03", "r04", "r09", "r02", "r12", "r13", "r14", "r05", "r06", "r11", "r08"],
  ],
  ["filtered and sorted", only(when("string", "company", "is", { values: "acme" })), [{ columnSlug: "employees", kind: "desc" }], ["r01", "r09", "r02"]],
  ["a slug with quotes", { conjonction: "and", groups: [] }, [{ columnSlug: QUOTES_SLUG, kind: "desc" }, { columnSlug: EVIL_SLUG, kind: "asc" }], ["r13", "r14", ...allBut("r13", "r14")]],
];

describe("compileFilter and compileSort", () => {
  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage("filter-sql-test-");
    db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
    await insertFixtureModel(db.client);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  const ids = async (filter: Filter, sort: RecordSort = []) => {
    const where = compileFilter(filter, COLUMNS, db.dialect, NOW);
    const order = compileSort(sort, COLUMNS, db.dialect);
    const rows = await db.client.all<{ record_id: string }>(
      `SELECT r.record_id FROM model_records r WHERE r.model_uuid = ? AND (${where.sql}) ORDER BY ${order.sql}`,
      [MODEL_UUID, ...where.params, ...order.params],
    );
    return rows.map((row) => row.record_id);
  };

  it.each(FILTER_CASES)("filters: %s", async (_name, filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it.each(SORT_CASES)("sorts: %s", async (_name, filter, sort, expected) => {
    expect(await ids(filter, sort)).toEqual(expected);
  });

  it("keeps slugs and values out of the SQL text", () => {
    const filter: Filter = {
      conjonction: "or",
      groups: [group("and", when("string", EVIL_SLUG, "contains", { values: ["' OR '1'='1", "%_\\"] }), when("number", QUOTES_SLUG, "greaterThan", { value: 1 }))],
    };
    const where = compileFilter(filter, COLUMNS, db.dialect, NOW);
    const order = compileSort([{ columnSlug: PATH_SLUG, kind: "asc" }], COLUMNS, db.dialect);
    for (const text of [EVIL_SLUG, QUOTES_SLUG, PATH_SLUG, "OR '1'", "%_"]) {
      expect(where.sql + order.sql).not.toContain(text);
    }
    expect(where.params).toEqual(expect.arrayContaining([EVIL_SLUG, QUOTES_SLUG, "%' or '1'='1%", "%\\%\\_\\\\%", 1]));
    expect(order.params).toEqual([PATH_SLUG]);
  });

  it("leaves the table whole after a value that reads as a statement", async () => {
    expect(await ids(only(when("string", "name", "contains", { values: "x'); DROP TABLE model_records; --" })))).toEqual([]);
    expect(await ids({ conjonction: "and", groups: [] })).toEqual(ALL_IDS);
  });

  it("is 1 = 1 without groups, and r.record_id without sort", () => {
    expect(compileFilter({ conjonction: "or", groups: [] }, COLUMNS, db.dialect, NOW)).toEqual({ sql: "1 = 1", params: [] });
    expect(compileSort([], COLUMNS, db.dialect)).toEqual({ sql: "r.record_id", params: [] });
  });
});

describe("FilterError", () => {
  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof FilterError) return { message: error.message, path: error.path };
      throw error;
    }
    throw new Error("expected a FilterError");
  };
  const filterError = (filter: Filter) => failure(() => compileFilter(filter, COLUMNS, "sqlite", NOW));
  const twoGroups = (condition: FilterCondition): Filter => ({
    conjonction: "and",
    groups: [group("and"), group("or", when("string", "name", "isNotNull"), condition)],
  });

  it.each([
    ["an unknown column", when("string", "nope", "is", { values: "x" }), ["groups", 1, "conditions", 1, "columnSlug"], /Unknown column "nope".*"name", "company", "employees"/],
    ["a number condition on a string column", when("number", "name", "is", { value: 1 }), ["groups", 1, "conditions", 1, "kind"], /number condition .*"name" of type string/],
    ["a string condition on a date column", when("string", "signedUpAt", "contains", { values: "2025" }), ["groups", 1, "conditions", 1, "kind"], /string condition .*"signedUpAt" of type date/],
    ["a boolean condition on a number column", when("boolean", "employees", "isTrue"), ["groups", 1, "conditions", 1, "kind"], /boolean condition .*"employees" of type number/],
    ["a date that is not one", when("date", "signedUpAt", "is", { value: "yesterday-ish" }), ["groups", 1, "conditions", 1, "value"], /"yesterday-ish" is not a date/],
    ["a day that does not exist", when("date", "signedUpAt", "greaterThan", { value: "2025-02-29" }), ["groups", 1, "conditions", 1, "value"], /"2025-02-29" is not a date/],
    ["a number as a date", when("date", "signedUpAt", "lowerThan", { value: 1718000000000 }), ["groups", 1, "conditions", 1, "value"], /is not a date/],
    ["a bad last date of between", when("date", "signedUpAt", "between", { firstValue: "3 months", lastValue: "soon" }), ["groups", 1, "conditions", 1, "lastValue"], /"soon" is not a date/],
    ["a number that is not one", when("number", "employees", "greaterThan", { value: "abc" }), ["groups", 1, "conditions", 1, "value"], /"abc" is not a number/],
  ])("%s", (_name, condition, path, message) => {
    const error = filterError(twoGroups(condition));
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(message);
  });

  it("names the unknown sort column", () => {
    const error = failure(() => compileSort([{ columnSlug: "name", kind: "asc" }, { columnSlug: "nope", kind: "desc" }], COLUMNS, "postgres"));
    expect(error).toEqual({ message: expect.stringMatching(/Unknown column "nope"/), path: ["sort", 1, "columnSlug"] });
  });
});

describe("the Filter schema", () => {
  it("names the English spelling of conjonction", () => {
    const result = Filter.safeParse({ conjunction: "and", groups: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["conjonction"] }),
        expect.objectContaining({ code: "unrecognized_keys", message: expect.stringMatching(/"conjunction".*"conjonction"/) }),
      ]),
    );
  });

  it("names the allowed operators of a kind", () => {
    const result = FilterCondition.safeParse({ kind: "string", columnSlug: "name", operator: "greaterThan", value: 1 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["operator"], message: expect.stringMatching(/"greaterThan" for a string condition: expected one of "is", "isNot", "contains"/) }),
    ]);
  });

  it("names the allowed kinds", () => {
    const result = FilterCondition.safeParse({ kind: "text", columnSlug: "name", operator: "is", values: "x" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["kind"], message: expect.stringMatching(/Unknown kind "text".*"string", "number"/) })]);
  });
});
