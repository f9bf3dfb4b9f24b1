import type { ServerResponse } from "node:http";

/**
 * A route's JSON answer that keeps its text. `Response.json` builds a Web stream for the body,
 * which the production server then reads back chunk by chunk to write it: together about 5% of
 * the CPU a run costs (bench/README.md, "Fourth round"). This one builds the stream only when
 * something reads the body as a `Response` (Next's route handler under `next dev`, a test's
 * `json()`), and the production server writes `text` to the socket as it is (`writeJsonAnswer`).
 * Status and headers are the `Response`'s own, so middleware adds headers to it as to any other.
 * @example return new JsonAnswer({ uuid }, { status: 201 });
 */
export class JsonAnswer extends Response {
  /** The body as sent. */
  readonly jsonText: string;
  #full: Response | undefined;

  constructor(value: unknown, init: ResponseInit = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    super(null, { ...init, headers });
    this.jsonText = JSON.stringify(value) ?? "null";
  }

  /** The same answer as a plain `Response`, built once, for whatever reads its body. */
  full(): Response {
    this.#full ??= new Response(this.jsonText, { status: this.status, statusText: this.statusText, headers: this.headers });
    return this.#full;
  }

  override clone(): Response {
    return this.full().clone();
  }
  override text(): Promise<string> {
    return this.full().text();
  }
  override json(): Promise<unknown> {
    return this.full().json();
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.full().arrayBuffer();
  }
  override blob(): Promise<Blob> {
    return this.full().blob();
  }
  override formData(): Promise<FormData> {
    return this.full().formData();
  }
}

// `body` and `bodyUsed` are accessors of Response.prototype, which a class cannot override as such.
for (const name of ["body", "bodyUsed"] as const) {
  Object.defineProperty(JsonAnswer.prototype, name, {
    get(this: JsonAnswer) {
      return this.full()[name];
    },
  });
}
Object.defineProperty(JsonAnswer.prototype, "bytes", {
  value(this: JsonAnswer) {
    return (this.full() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  },
});

/**
 * Writes a `JsonAnswer` to Node's response as it is, with its status and headers and a
 * Content-Length; false (writing nothing) for any other `Response`, and for a HEAD request.
 */
export function writeJsonAnswer(response: Response, outgoing: ServerResponse, method: string): boolean {
  if (!(response instanceof JsonAnswer) || method === "HEAD") return false;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = String(Buffer.byteLength(response.jsonText));
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  outgoing.end(response.jsonText);
  return true;
}
