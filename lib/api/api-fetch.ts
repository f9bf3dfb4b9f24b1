import type { z } from "zod";
import { ApiErrorResponseBody, type Problem } from "@/lib/contract";

/** An API answer that was not a success, carrying the server's message for the operator. */
export class ApiError extends Error {
  readonly status: number;
  readonly reason?: string;
  readonly problems?: Problem[];
  /** The whole error body, for fields some errors add (the current workflow on a 409). */
  readonly body?: unknown;

  constructor(status: number, message: string, options: { reason?: string; problems?: Problem[]; body?: unknown } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.reason = options.reason;
    this.problems = options.problems;
    this.body = options.body;
  }
}

/** Whether a failed load means there is no such resource: a 404, or a 400 for a malformed id (just as missing, for the operator). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/**
 * Calls the app's API and validates the answer with a contract schema, so a component never sees
 * a shape it did not expect. Errors become ApiError with the server's `errorMessage`.
 * @example const { integrations } = await apiFetch(IntegrationListResponseBody, "/api/v1/connection/integrations/list");
 */
export async function apiFetch<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      // A FormData body sets its own multipart content type, boundary included.
      headers: { accept: "application/json", ...(init?.body && !(init.body instanceof FormData) ? { "content-type": "application/json" } : {}), ...init?.headers },
    });
  } catch {
    throw new ApiError(0, "Could not reach the server. Check your connection and try again.");
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401) leaveForSignIn(path);
    const error = ApiErrorResponseBody.safeParse(json);
    throw error.success
      ? new ApiError(response.status, error.data.errorMessage, { reason: error.data.reason, problems: error.data.problems, body: json })
      : new ApiError(response.status, `The server answered HTTP ${response.status}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, `The server's answer to ${path} had an unexpected shape.`);
  return parsed.data;
}

/** Paths whose 401 is an answer for the form that called them, not an ended session. */
const SIGN_IN_PATHS = ["/api/v1/session", "/api/v1/setup", "/api/v1/invitations/"];

/** A session that ended (expired, signed out elsewhere) sends the page to sign-in, then back. */
function leaveForSignIn(path: string) {
  if (typeof window === "undefined" || SIGN_IN_PATHS.some((p) => path.startsWith(p))) return;
  const here = `${window.location.pathname}${window.location.search}`;
  // Outside React (no router here), and a full load is what we want: nothing of the old session stays.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}
