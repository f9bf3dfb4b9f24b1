import { z } from "zod";
import { HttpError } from "../errors";
import { parseOrThrow } from "../parse";
import type { DemoAction } from "./types";

const STATUSES = [400, 401, 404, 422, 429, 500, 503] as const;

const Config = z.object({
  status: z.coerce.number().pipe(z.union(STATUSES.map((status) => z.literal(status)))),
  message: z.string().optional(),
  succeedAfter: z.coerce.number().int().min(0).max(20).optional(),
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
          succeedAfter: {
            type: "integer",
            title: "Succeed after",
            description: "Fail this many times per Idempotency-Key, then succeed (for testing retries)",
            minimum: 0,
            maximum: 20,
          },
        },
      },
      uiSchema: {},
    },
  },
  execute({ state, config, jobKey }) {
    const { status, message, succeedAfter } = parseOrThrow(Config, config, "config");
    if (succeedAfter !== undefined) {
      const progressKey = `simulateError\u0000${jobKey}`;
      const failures = state.exportProgress.get(progressKey) ?? 0;
      if (failures >= succeedAfter) {
        state.exportProgress.delete(progressKey);
        return { outcome: "executed", title: `Recovered after ${failures} failure(s)`, data: { recovered: true, failures } };
      }
      state.exportProgress.set(progressKey, failures + 1);
    }
    const headers: Record<string, string> = status === 429 ? { "retry-after": "1" } : {};
    throw new HttpError(status, message || `Simulated ${status} error`, headers);
  },
};
