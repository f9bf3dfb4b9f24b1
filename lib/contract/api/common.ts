import { z } from "zod";
import { Problem } from "../problems";

/** Every error the API answers: Cargo's `{errorMessage}`, with `reason` where Cargo has a code. */
export const ApiErrorResponseBody = z.object({
  errorMessage: z.string().describe("Human-readable message, safe to show to the operator"),
  reason: z.string().optional().describe("Machine-readable reason code, where Cargo defines one"),
  problems: z
    .array(Problem)
    .optional()
    .describe("The validation problems, each with its JSON path (the first 100)"),
  problemsLeftOff: z.number().int().optional().describe("How many more problems there were, past the first 100"),
});
export type ApiErrorResponseBody = z.infer<typeof ApiErrorResponseBody>;

// Read in lower case, as stored: RFC 9562 has UUIDs compared case-insensitively, and one pasted in
// upper case would otherwise find nothing.
export const Uuid = z.uuid().toLowerCase().describe("A UUID");
export type Uuid = z.infer<typeof Uuid>;

export const IsoDateTime = z.string().describe("An ISO 8601 timestamp");

/** The range of each `queryInteger`'s digits, so the API reference describes it as the integer it is. */
const queryIntegerRanges = new WeakMap<z.ZodType, { minimum: number; maximum: number }>();

/**
 * A count in a query string, in plain digits. `z.coerce.number()` reads `0x10`, `1e2`, ` 5 ` and
 * the empty string (as 0) as numbers too, none of which a caller means; this refuses them by name.
 * @example limit: queryInteger(1, 500).default(50)
 */
export function queryInteger(minimum: number, maximum = Number.MAX_SAFE_INTEGER) {
  const integer = z
    .string()
    .regex(/^\d{1,15}$/, "must be a whole number in digits, at most 15 of them")
    .transform(Number)
    .pipe(z.number().int().min(minimum).max(maximum));
  queryIntegerRanges.set(integer, { minimum, maximum });
  return integer;
}

/**
 * The integer a `queryInteger`'s digits stand for, as JSON Schema (with the default of a
 * `.default()` around it, which zod leaves out of a pipe's input); undefined for any other schema.
 */
export function queryIntegerJsonSchema(schema: z.ZodType): { type: "integer"; minimum: number; maximum?: number; default?: unknown } | undefined {
  const def = schema.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
  if (def.type === "default") {
    const inner = queryIntegerJsonSchema(def.innerType!);
    return inner && { ...inner, default: def.defaultValue };
  }
  const range = queryIntegerRanges.get(schema);
  if (!range) return undefined;
  return { type: "integer", minimum: range.minimum, ...(range.maximum < Number.MAX_SAFE_INTEGER && { maximum: range.maximum }) };
}

const EARLIEST = "0000-01-01T00:00:00.000Z";
const LATEST = "9999-12-31T23:59:59.999Z";

/**
 * A moment in a query string: an ISO 8601 timestamp (any offset, any fraction digits) or a date
 * (midnight UTC), read as the UTC form the API stores, so comparing it with stored times as text
 * holds; an offset that carries it past year 9999 (or before 0) is held there, where the text
 * form (`+010000-…`) would sort wrongly.
 */
export const QueryDateTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 timestamp (2026-03-01T12:00:00Z) or date (2026-03-01)" })
  .transform((text) => {
    const iso = new Date(text).toISOString();
    return /^\d{4}-/.test(iso) ? iso : iso.startsWith("+") ? LATEST : EARLIEST;
  })
  .describe("An ISO 8601 timestamp or date");

/** What a route answers when there is nothing to say beyond success, such as a removal. */
export const EmptyResponseBody = z.object({}).describe("Nothing more: the change is done");
export type EmptyResponseBody = z.infer<typeof EmptyResponseBody>;

/** Route params of `/…/:uuid` routes. */
export const UuidParams = z.object({ uuid: Uuid });
export type UuidParams = z.infer<typeof UuidParams>;

/** Route params of `/…/:slug` routes. */
export const SlugParams = z.object({ slug: z.string().min(1) });
export type SlugParams = z.infer<typeof SlugParams>;
