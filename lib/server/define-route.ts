import type { z } from "zod";
import { toProblems } from "@/lib/contract";
import { readCappedText } from "@/lib/integrations/read-answer";
import { getDeps, type Deps } from "./deps";
import { AppError, errorToResponse, invalidInput, isAppError } from "./errors";
import { JsonAnswer } from "./json-answer";
import { parseJsonBody } from "./json-body";
import { checkPathParams, readQuery } from "./request-values";
import { authSettings } from "./auth/auth-settings";
import { clearSessionCookieHeader } from "./auth/session-cookie";
import { bodyTooLarge, resolveRequestContext, type AccessLevel, type RequestContext } from "./request-context";
import type { Settings } from "./settings";

type Schema = z.ZodType;

/** nginx's status for a request whose client closed the connection first; never seen by a client. */
const CLIENT_CLOSED = 499;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;
/** What a handler may return: anything, or, where the route names its `response`, that shape (or a Response of its own). */
type Answer<R> = R extends Schema ? z.input<R> | Response : unknown;

interface RouteSchemas<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema | undefined> {
  /** One line for the API reference (the OpenAPI document's `summary`); the comment above the row is not there at runtime. */
  summary?: string;
  /** More for the API reference, when one line is not enough. */
  description?: string;
  /** Who may call it (default `member`: any signed-in member or API token of the workspace). */
  access?: AccessLevel;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The handler streams the body itself, a `multipart/form-data` upload (`request.body`; no `body`
   * schema): its declared size is held to this cap instead of `MAX_BODY_BYTES`, and the app's own
   * pages may send it with the session cookie (other cookie-authenticated writes are JSON only).
   */
  upload?: { maxBytes: (settings: Settings) => number };
  /** What a success answers, for the API reference; the handler's result is held to it at compile time, not parsed. */
  response?: R;
  /**
   * The media type of a success that is not JSON (a CSV download, plain text): the handler answers
   * a `Response` of its own, and the API reference describes it as that, not as a JSON object.
   */
  responseContentType?: NonJsonContentType;
}

/** What a route may answer instead of JSON. */
export type NonJsonContentType = "text/csv" | "text/plain";

/** What a route declares, kept on its handler so the OpenAPI document is generated from the same schemas that parse. */
export interface RouteDoc {
  summary?: string;
  description?: string;
  access: AccessLevel;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Takes a `multipart/form-data` upload rather than JSON. */
  upload: boolean;
  response?: Schema;
  responseContentType?: NonJsonContentType;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  ctx: RequestContext;
  deps: Deps;
  request: Request;
}

/** A route's handler, as the API's route table holds it: a Web request and its path parameters in, a response out. */
export interface RouteHandler {
  (request: Request, params?: Record<string, string>): Promise<Response>;
  /** Who may call it, so the route table can say which routes are public. */
  readonly access: AccessLevel;
  /** Its schemas and summary, for `lib/server/http/openapi.ts`. */
  readonly doc: RouteDoc;
}

/**
 * Wraps a route handler: resolves who is calling and checks they may (401/403 before anything is
 * read), parses params, query and body with contract schemas (400 with every problem), and maps
 * thrown errors to `{errorMessage}` + status. A query string is held to its schema's keys, each once
 * (`readQuery`); a route without a query schema ignores its query string.
 * @example route("GET", "/connection/connectors/list", defineRoute({ query: ListQuery }, ({ query, deps, ctx }) => list(deps, ctx.workspaceUuid, query)))
 */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(
  schemas: RouteSchemas<P, Q, B, R>,
  handler: (input: RouteInput<Infer<P>, Infer<Q>, Infer<B>>) => Promise<Answer<R>> | Answer<R>,
): RouteHandler {
  const handle = async (request: Request, pathParams: Record<string, string> = {}) => {
    try {
      const deps = await getDeps();
      const upload = schemas.upload && { type: "multipart/form-data" as const, maxBytes: schemas.upload.maxBytes(deps.settings) };
      const ctx = await resolveRequestContext(request, deps, schemas.access, upload);
      const params = parse("path parameters", schemas.params, checkPathParams(pathParams));
      const query = schemas.query && parse("query", schemas.query, readQuery(new URL(request.url).searchParams, schemas.query));
      const body = schemas.body ? parse("body", schemas.body, await readJson(request)) : undefined;
      const result = await handler({ params, query, body, ctx, deps, request } as RouteInput<Infer<P>, Infer<Q>, Infer<B>>);
      return result instanceof Response ? result : new JsonAnswer(result ?? {});
    } catch (error) {
      // The caller hung up (a playground execute it stopped waiting for): whatever failed for it,
      // nobody reads the answer, and it is not the server's error to log.
      if (request.signal.aborted) return Response.json({ errorMessage: "The client closed the connection" }, { status: CLIENT_CLOSED });
      const response = errorToResponse(error);
      // An ended session's cookie is cleared, so the browser stops sending it.
      if (isAppError(error) && error.code === "unauthorized:session") response.headers.append("set-cookie", clearSessionCookieHeader());
      return response;
    }
  };
  const { summary, description, params, query, body, upload, response, responseContentType } = schemas;
  const access = schemas.access ?? "member";
  return Object.assign(handle, { access, doc: { summary, description, access, params, query, body, upload: Boolean(upload), response, responseContentType } });
}

function parse<S extends Schema | undefined>(where: string, schema: S, value: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Infer<S>;
  // A contract refinement may name Cargo's reason for what it refuses (`params.reason`).
  const reason = result.error.issues.map((issue) => (issue.code === "custom" ? (issue.params?.reason as string | undefined) : undefined)).find(Boolean);
  throw invalidInput(where, toProblems(result.error), reason);
}

async function readJson(request: Request): Promise<unknown> {
  const limit = authSettings().maxBodyBytes;
  const text = await readCappedText(request, limit, () => bodyTooLarge(limit));
  if (text.trim() === "") throw new AppError("bad_request:body", "The request body is empty; send a JSON object");
  return parseJsonBody(text);
}
