import { describe, expect, it } from "vitest";
import { createBoundedAjv, MAX_COMPILED_SCHEMAS } from "./bounded-ajv";

const schema = (index: number) => ({ type: "object", properties: { name: { type: "string", title: `Name ${index}` } } });

describe("createBoundedAjv", () => {
  it("compiles an equal schema once, whether the same object or a copy", () => {
    const schemas = createBoundedAjv();
    const first = schemas.compile(schema(1));
    expect(schemas.compile(schema(1))).toBe(first);
    expect(schemas.size).toBe(1);
    expect(first.ok && first.validate({ name: "Ada" })).toBe(true);
    expect(first.ok && first.validate({ name: 1 })).toBe(false);
  });

  it("keeps at most `max` schemas: past it the instance starts over, and validators already handed out still work", () => {
    const schemas = createBoundedAjv({}, 3);
    const early = schemas.compile(schema(0));
    for (let index = 1; index < 10; index++) {
      schemas.compile(schema(index));
      expect(schemas.size).toBeLessThanOrEqual(3);
    }
    expect(early.ok && early.validate({ name: 1 })).toBe(false);
    expect(MAX_COMPILED_SCHEMAS).toBe(500);
  });

  it("answers a schema that does not compile with its error, compiled once too", () => {
    const schemas = createBoundedAjv({ allErrors: true });
    const broken = schemas.compile({ type: "objekt" });
    expect(broken).toMatchObject({ ok: false, error: expect.any(Error) });
    expect(schemas.compile({ type: "objekt" })).toBe(broken);
    // Manifests' own formats and keywords do not fail a compile.
    expect(schemas.compile({ type: "string", format: "password", "x-cargo": true }).ok).toBe(true);
  });
});
