import { Agent } from "undici";
import { parseAllowlist, type Allowlist } from "./allowlist";
import type { OutboundPolicy } from "./check-target";
import { guardedConnector } from "./guarded-connector";
import { OutboundRefusedError } from "./outbound-refused-error";
import { MAX_REDIRECTS, nextHop, redirectTarget, type Hop } from "./redirects";
import { systemResolver, type Resolver } from "./resolver";
import { sendHop } from "./send-hop";

export interface OutboundRequestInit {
  method?: string;
  headers?: HeadersInit;
  /** Text or bytes: a body that can be sent again when a 307/308 redirect is followed. */
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** `follow` (default): up to 5 hops, each checked; `error`: a redirect fails the call; `manual`: returned as is. */
  redirect?: "follow" | "error" | "manual";
}

/** fetch for calls the server makes on a user's behalf: every connection checked by the outbound guard. */
export type OutboundFetch = (url: string | URL, init?: OutboundRequestInit) => Promise<Response>;

export interface OutboundOptions {
  /** `OUTBOUND_ALLOWLIST` entries (a comma-separated string or a list), or an allowlist already parsed. Default: none. */
  allowlist?: Allowlist | string | readonly string[];
  /** Default: the operating system's resolver. Tests map names to the addresses they need. */
  resolve?: Resolver;
  maxRedirects?: number;
}

/**
 * The one way the server calls a URL on a user's behalf (integration servers, the httpRequest
 * node, SDK providers, OAuth code exchange). It refuses loopback, private, link-local, metadata,
 * unique-local, CGNAT, multicast and unspecified addresses unless the allowlist names them,
 * resolves each name once and connects to the address it checked, and checks every redirect hop.
 * A refusal rejects with `OutboundRefusedError`; anything else fails as fetch does.
 * @example
 * const outbound = createOutboundFetch({ allowlist: process.env.OUTBOUND_ALLOWLIST });
 * const res = await outbound("https://api.example.com/items", { signal });
 */
export function createOutboundFetch(options: OutboundOptions = {}): OutboundFetch {
  const allowlist = typeof options.allowlist === "object" && "allowsName" in options.allowlist ? options.allowlist : parseAllowlist(options.allowlist);
  const policy: OutboundPolicy = { allowlist, resolve: options.resolve ?? systemResolver };
  // One pool per guard: connections are reused, and each new one is checked by the connector.
  const dispatcher = new Agent({ connect: guardedConnector(policy) });
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;

  const send = (hop: Hop, init: OutboundRequestInit, redirect: "error" | "manual"): Promise<Response> => sendHop(dispatcher, hop, init.signal, redirect);

  return async (input, init = {}) => {
    let hop: Hop = { url: httpUrl(input), method: normalizeMethod(init.method ?? "GET"), headers: new Headers(init.headers), body: init.body };
    if (init.redirect === "error" || init.redirect === "manual") return send(hop, init, init.redirect);
    for (let redirects = 0; ; redirects++) {
      const response = await send(hop, init, "manual");
      const target = redirectTarget(response, hop.url);
      if (!target) return response;
      await response.body?.cancel();
      if (redirects >= maxRedirects) throw new TypeError("fetch failed", { cause: new Error(`more than ${maxRedirects} redirects`) });
      hop = nextHop(hop, response.status, httpUrl(target));
    }
  };
}

let strict: OutboundFetch | undefined;

/** The guard with an empty allowlist and the system resolver: what a call gets when nobody injected one. */
export function defaultOutboundFetch(): OutboundFetch {
  strict ??= createOutboundFetch();
  return strict;
}

// What fetch upper-cases (a method outside this list, `patch` say, goes as given).
const NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

function httpUrl(input: string | URL): URL {
  const url = new URL(input);
  // As fetch: credentials in the URL would be dropped silently, so the request is refused instead.
  if (url.username || url.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.origin}`);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundRefusedError(url.href, `only http and https URLs can be called, not ${url.protocol}`, { allowable: false });
  }
  return url;
}
