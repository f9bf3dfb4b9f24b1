import { IntegrationError } from "@/lib/integrations";
import { AppError, type ErrorCode } from "./errors";

const codeByKind: Record<IntegrationError["kind"], ErrorCode> = {
  unreachable: "unavailable:integration",
  timeout: "gateway_timeout:integration",
  badResponse: "bad_gateway:integration",
  errorResponse: "bad_gateway:integration",
  notSupported: "not_implemented:integration",
  rateLimited: "rate_limited:integration",
};

/**
 * Runs a call to an integration server and maps its failure onto the API's statuses (503, 504,
 * 502, 501, 429), with secrets the server may have echoed removed from the message.
 */
export async function callingIntegration<T>(work: () => Promise<T>, redact: (text: string) => string = (t) => t): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    throw new AppError(codeByKind[error.kind], redact(error.message), {
      reason: error.kind === "notSupported" ? "notSupported" : undefined,
      problems: error.problems,
      cause: error,
    });
  }
}
