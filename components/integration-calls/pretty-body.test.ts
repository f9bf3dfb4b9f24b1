import { describe, expect, it } from "vitest";
import { prettyBody } from "./pretty-body";

describe("prettyBody", () => {
  it("pretty-prints JSON, and leaves any other text as it came", () => {
    expect(prettyBody('{"a":[1,"x"],"b":{"c":-2.5}}')).toBe('{\n  "a": [\n    1,\n    "x"\n  ],\n  "b": {\n    "c": -2.5\n  }\n}');
    expect(prettyBody("not json {")).toBe("not json {");
  });

  it("shows the stored text when printing it again would change a number", () => {
    const text = '{"id":12345678901234567890,"name":"12345678901234567890"}';
    expect(prettyBody(text)).toBe(text);
    expect(prettyBody('{"price":1.0}')).toBe('{"price":1.0}');
    expect(prettyBody('{"big":-2.5e3}')).toBe('{"big":-2.5e3}');
    // A string that looks like a number is not one.
    expect(prettyBody('{"id":"1.0","n":2}')).toBe('{\n  "id": "1.0",\n  "n": 2\n}');
  });
});
