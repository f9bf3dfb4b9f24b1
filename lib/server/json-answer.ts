import type { ServerResponse } from "node:http";
import { BufferedResponse } from "@/lib/integrations/outbound";

/**
 * A route's JSON answer that keeps its text. `Response.json` builds a Web stream for the body,
 * which the production server then reads back chunk by chunk to write it: together about 5% of
 * the CPU a run costs (bench/README.md, "Fourth round"). As a `BufferedResponse` it builds the
 * stream only when something reads the body as a `Response` (Next's route handler under
 * `next dev`, a test's `json()`), and the production server writes `jsonText` to the socket as it
 * is (`writeJsonAnswer`). Status and headers are the `Response`'s own, so middleware adds headers
 * to it as to any other.
 * @example return new JsonAnswer({ uuid }, { status: 201 });
 */
export class JsonAnswer extends BufferedResponse {
  /** The body as sent. */
  readonly jsonText: string;

  constructor(value: unknown, init: ResponseInit = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    const text = JSON.stringify(value) ?? "null";
    super(text, { ...init, headers });
    this.jsonText = text;
  }
}

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
