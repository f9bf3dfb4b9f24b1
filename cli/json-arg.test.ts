import { describe, expect, it } from "vitest";
import { expectObject, parseJsonArg, type ReadText } from "./json-arg";
import { CliError } from "./output";

const files: Record<string, string> = { "data.json": '{"domain":"acme.com"}', "broken.json": "{nope" };
const readText: ReadText = (path) => {
  if (path in files) return files[path]!;
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
};

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error("expected a CliError");
}

describe("parseJsonArg", () => {
  it("parses inline JSON of any kind", () => {
    expect(parseJsonArg('{"a":[1,2]}', "--data", readText)).toEqual({ a: [1, 2] });
    expect(parseJsonArg("[]", "--nodes", readText)).toEqual([]);
    expect(parseJsonArg("42", "--data", readText)).toBe(42);
  });

  it("reads @file values", () => {
    expect(parseJsonArg("@data.json", "--data", readText)).toEqual({ domain: "acme.com" });
  });

  it("names the flag and the file in every problem", () => {
    expect(failure(() => parseJsonArg("{nope", "--data", readText))).toMatch(/^--data is not valid JSON \(or use @file\.json\): /);
    expect(failure(() => parseJsonArg("@missing.json", "--nodes", readText))).toBe("--nodes: cannot read missing.json (no such file)");
    expect(failure(() => parseJsonArg("@broken.json", "--filter", readText))).toMatch(/^--filter: broken\.json is not valid JSON: /);
    expect(failure(() => parseJsonArg("@", "--data", readText))).toMatch(/^--data: give a file after @/);
  });

  it("carries the message as the {errorMessage} body the CLI prints", () => {
    const error = (() => {
      try {
        parseJsonArg("nope", "--data", readText);
      } catch (caught) {
        return caught as CliError;
      }
    })();
    expect(error?.body).toEqual({ errorMessage: error?.message });
  });
});

describe("expectObject", () => {
  it("accepts objects and refuses arrays, null and scalars", () => {
    expect(expectObject({ a: 1 }, "--config")).toEqual({ a: 1 });
    for (const value of [[], null, "x", 3]) expect(failure(() => expectObject(value, "--config"))).toBe("--config must be a JSON object");
  });
});
