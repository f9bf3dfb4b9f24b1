import type { CorpusServerOptions } from "./corpus-server";

/** One broken server: its single fault, and the one finding the checker must report for it. */
export interface CorpusCase {
  name: string;
  server: CorpusServerOptions;
  expected: { code: string; path: string; endpoint?: string };
  /** Lint only (no connector config): for a manifest the client cannot use at all. */
  lintOnly?: boolean;
  /** Each call's limit, for the case of a server that never answers. */
  timeoutMs?: number;
}

const createRecordUi = "actions.createRecord.config.uiSchema";

/** A path below the base action's uiSchema, as the checker writes it. */
export const ui = (rest: string) => `${createRecordUi}${rest}`;
