import "server-only";

export { defineRoute, type RouteInput } from "./define-route";
export { getDeps, type Deps } from "./deps";
export { AppError, errorToResponse, type ErrorCode } from "./errors";
export { checkHealth } from "./health";
export { listIntegrations } from "./integration-catalog";
export { registerCustomIntegration, slugify } from "./custom-integrations";
