// The contract checker: finds an integration server's contract bugs before an operator does.
// Pure library (no server-only, no lib/server or lib/db): the CLI, the API and tests run it.
export type { CheckOptions, CheckReport, Finding } from "./types";
export { checkIntegration, DEFAULT_CHECK_TIMEOUT_MS } from "./check-integration";
export { formatReport } from "./format-report";
export { lintManifest } from "./lint/lint-manifest";
export { CHECK_CODES, type CheckCode } from "./codes";
export { fetchThrough } from "./probe/transport";
