/**
 * The caps that keep one run finite in time, memory and storage, whatever its graph, its data
 * or the integrations it calls answer. Each one fails with a message that names it, so an
 * operator sees which cap a run hit. (Expressions have their own caps, in `expressions/`.)
 */

/** A megabyte (MiB), as the caps' messages count them. */
export const MB = 1024 * 1024;

/**
 * The largest node output (or computed config) a run keeps, serialized: 5 MB, the same as the
 * largest answer the integration client accepts (docs/architecture.md, decision 3). The whole
 * state is rewritten at every save and handed to every expression after it, so one huge
 * output would slow every later step of the run.
 */
export const MAX_OUTPUT_BYTES = 5 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects an output (or computed config) may have. Saving
 * and the expression sandbox serialize recursively: an answer nested 100,000 levels deep makes
 * JSON.stringify throw, and no real payload needs more than a few dozen levels.
 */
export const MAX_OUTPUT_DEPTH = 64;

/**
 * The most node executions one run records, group items' included. Each one is part of the
 * state rewritten at every save; nested groups would otherwise multiply them without bound.
 */
export const MAX_EXECUTIONS_PER_RUN = 10_000;

/** The most items one group node runs; more fail the node rather than hold the queue for hours. */
export const MAX_GROUP_ITEMS = 1_000;

/**
 * The most item walks one top-level group may make, its nested groups' included: a group of
 * 1,000 items inside another of 1,000 would walk a million sub-graphs in one queue slot.
 */
export const MAX_GROUP_ITEM_WALKS = 10_000;

/**
 * The most attempts after errors, whatever a node or manifest asks (`maximumAttempts: 0`,
 * "unlimited" in Temporal's terms, included): the waits hold the run's queue slot.
 */
export const MAX_RETRY_ATTEMPTS = 10;

/**
 * The most calls while an action answers `executing`, whatever its manifest asks (0 included).
 * Higher than the default 10 (decision 4), so a slow export can still ask for more.
 */
export const MAX_EXECUTING_CALLS = 30;

/** The shortest wait between two calls of one node: an interval of 0 would hammer a failing server. */
export const MIN_RETRY_INTERVAL_MS = 100;

/**
 * The longest wait between two calls of one node, so a large backoff coefficient cannot park a
 * queue slot for days. Above the default executing policy's longest wait (256 s).
 */
export const MAX_RETRY_INTERVAL_MS = 5 * 60_000;
