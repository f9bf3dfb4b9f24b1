import { badRequest, HttpError, notFound } from "./errors";
import { CORS_HEADERS, json } from "./http";
import { asObject, readContractBody } from "./request-body";
import { matchRoute } from "./router";
import { ROUTES, TEST_HOOK_PREFIX } from "./routes";
import { createDemoState, resetDemoState, type DemoState } from "./state";

/** Options of a demo integration instance. */
export interface DemoIntegrationOptions {
  /** Delay before every answer, to make loading states visible. */
  latencyMs?: number;
  /** A path prefix to strip, when the handler is mounted below the origin (e.g. "/demo"). */
  basePath?: string;
  /** The connector rate limit the manifests declare (default 20 per second); null declares none. */
  rateLimit?: { unit: "second"; max: number } | null;
  /**
   * Enforce the declared limit per connector (`connector.uuid` of the body) over a sliding window
   * of 1 s: a call past it answers 429 with `Retry-After`. `/_demo/stats` then reports every
   * call's arrival and status by the demo's clock. Default off.
   */
  enforceRateLimit?: boolean;
}

/** A demo integration: a standard fetch handler over its own in-memory CRM. */
export interface DemoIntegration {
  fetch(request: Request): Promise<Response>;
  /** Restores the generated data and clears stats, idempotency results and exports. */
  reset(): void;
}

/**
 * Creates a demo CRM integration speaking the custom-integration contract in both layouts.
 * @example
 * const demo = createDemoIntegration();
 * const manifest = await (await demo.fetch(new Request("http://demo.test/manifest"))).json();
 */
export function createDemoIntegration(options: DemoIntegrationOptions = {}): DemoIntegration {
  const state = createDemoState({ rateLimit: options.rateLimit, enforceRateLimit: options.enforceRateLimit });
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const latencyMs = options.latencyMs ?? 0;

  return {
    async fetch(request) {
      if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      try {
        return await route(state, request, basePath);
      } catch (error) {
        return errorResponse(error);
      }
    },
    reset: () => resetDemoState(state),
  };
}

async function route(state: DemoState, request: Request, basePath: string): Promise<Response> {
  const url = new URL(request.url);
  const inside = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
  const path = (inside ? url.pathname.slice(basePath.length) : "").replace(/(.)\/+$/, "$1") || "/";
  const match = inside ? matchRoute(ROUTES, request.method, path) : undefined;
  if (!match) throw notFound(`No route for ${request.method} ${url.pathname}`);
  const isHook = path.startsWith(TEST_HOOK_PREFIX);
  if (!isHook) state.stats.record(request.method, path);

  const raw = request.method === "POST" ? await readJsonObject(request) : {};
  const body = readContractBody(raw);
  const handle = async () => {
    const result = await match.route.handle({ state, params: match.params, body, url, headers: request.headers, baseUrl: `${url.origin}${basePath}` });
    return result instanceof Response ? result : json(result);
  };
  if (isHook || !state.rateWindow) return handle();

  const { rateWindow } = state;
  const at = Date.now();
  const waitMs = isConnectorCall(request.method, path) ? rateWindow.admit(body.connectorUuid, at) : null;
  const response = waitMs === null ? await handle().catch(errorResponse) : tooManyRequests(waitMs);
  rateWindow.log({ at, connector: body.connectorUuid, call: `${request.method} ${path}`, status: response.status });
  return response;
}

/** Calls made through a connector, which its rate limit counts: every POST but the OAuth code exchange. */
function isConnectorCall(method: string, path: string): boolean {
  return method === "POST" && !path.endsWith("/completeOauth");
}

function tooManyRequests(waitMs: number): Response {
  // Retry-After carries whole seconds (RFC 9110), so a wait of 1 ms still says 1.
  const seconds = Math.ceil(waitMs / 1000);
  return json({ errorMessage: "Rate limit exceeded: too many calls for this connector" }, 429, { "retry-after": String(seconds) });
}

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Malformed JSON body: ${(error as Error).message}`);
  }
  if (asObject(parsed) !== parsed) throw badRequest("The request body must be a JSON object");
  return parsed as Record<string, unknown>;
}

// Unlike the reference server, a crash answers with its real message: this is a development tool.
function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json({ errorMessage: error.message }, error.status, error.headers);
  const message = error instanceof Error ? error.message : String(error);
  return json({ errorMessage: message || "Internal error" }, 500);
}
