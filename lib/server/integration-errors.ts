import { IntegrationError } from "@/lib/integrations";
import { AppError, type ErrorCode } from "./errors";

const codeByKind: Record<IntegrationError["kind"], ErrorCode> = {
  unreachable: "unavailable:integration",
  timeout: "gateway_timeout:integration",
  badResponse: "bad_gateway:integration",
  errorResponse: "bad_gateway:integration",
};

/** Maps a failed call to an integration server onto the API's statuses (503, 504, 502). */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof IntegrationError)) return error;
  return new AppError(codeByKind[error.kind], error.message, { problems: error.problems, cause: error });
}
