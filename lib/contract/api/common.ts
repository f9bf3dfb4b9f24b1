import { z } from "zod";
import { Problem } from "../problems";

/** Every error the API answers: Cargo's `{errorMessage}`, with `reason` where Cargo has a code. */
export const ApiErrorResponseBody = z.object({
  errorMessage: z.string().describe("Human-readable message, safe to show to the operator"),
  reason: z.string().optional().describe("Machine-readable reason code, where Cargo defines one"),
  problems: z
    .array(Problem)
    .optional()
    .describe("Every validation problem, each with its JSON path"),
});
export type ApiErrorResponseBody = z.infer<typeof ApiErrorResponseBody>;

export const Uuid = z.uuid().describe("A UUID");
export type Uuid = z.infer<typeof Uuid>;

export const IsoDateTime = z.string().describe("An ISO 8601 timestamp");

/** What a route answers when there is nothing to say beyond success, such as a removal. */
export const EmptyResponseBody = z.object({}).describe("Nothing more: the change is done");
export type EmptyResponseBody = z.infer<typeof EmptyResponseBody>;

/** Route params of `/…/:uuid` routes. */
export const UuidParams = z.object({ uuid: Uuid });
export type UuidParams = z.infer<typeof UuidParams>;

/** Route params of `/…/:slug` routes. */
export const SlugParams = z.object({ slug: z.string().min(1) });
export type SlugParams = z.infer<typeof SlugParams>;
