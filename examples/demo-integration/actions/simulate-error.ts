import { z } from "zod";
import { HttpError } from "../errors";
import { parseOrThrow } from "../parse";
import type { DemoAction } from "./types";

const STATUSES = [400, 401, 404, 422, 429, 500, 503] as const;

const Config = z.object({
  status: z.coerce.number().pipe(z.union(STATUSES.map((status) => z.literal(status)))),
  message: z.string().optional(),
});

/** simulateError: answers the chosen HTTP error, so clients can test how they surface failures. */
export const simulateError: DemoAction = {
  manifest: {
    name: "Simulate error",
    description: "Fails on purpose with the chosen HTTP status and message",
    config: {
      jsonSchema: {
        type: "object",
        required: ["status", "message"],
        properties: {
          status: { type: "integer", title: "HTTP status", enum: [...STATUSES], default: 500 },
          message: { type: "string", title: "Error message", default: "Something went wrong" },
        },
      },
      uiSchema: {},
    },
  },
  execute({ config }) {
    const { status, message } = parseOrThrow(Config, config, "config");
    const headers: Record<string, string> = status === 429 ? { "retry-after": "1" } : {};
    throw new HttpError(status, message || `Simulated ${status} error`, headers);
  },
};
