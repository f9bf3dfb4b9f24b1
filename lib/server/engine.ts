import { randomUUID } from "node:crypto";
import { createRunQueue, createRunSystem, systemClock, type RunQueue, type RunSystem } from "@/lib/engine";
import { createExpressionEvaluator } from "@/lib/engine/expressions";
import type { ConnectorCtx } from "./connector-access";
import { createEngineActions } from "./engine-actions";

export interface Runs {
  system: RunSystem;
  queue: RunQueue;
}

/** How many runs execute at once in this process; the rest wait in the queue. */
const RUN_CONCURRENCY = 8;

/** Wires the engine to the database, the integrations and the sandbox. One per process. */
export async function createRuns(ctx: ConnectorCtx): Promise<Runs> {
  const system = createRunSystem({
    store: ctx.db.runs,
    actions: createEngineActions(ctx),
    expressions: await createExpressionEvaluator(),
    clock: systemClock,
    ids: { uuid: randomUUID },
    random: Math.random,
    logger: { warn: (message, meta) => console.warn(`[engine] ${message}`, meta) },
  });
  const queue = createRunQueue({
    system,
    store: ctx.db.runs,
    concurrency: RUN_CONCURRENCY,
    onError: (runUuid, error) => console.error(`[engine] run ${runUuid} could not be executed`, error),
  });
  return { system, queue };
}
