import { type Readable, pipeline } from "node:stream";
import zlib from "node:zlib";
import type { Dispatcher } from "undici";
import { BufferedResponse } from "./buffered-response";
import { outboundRefusalOf } from "./outbound-refused-error";
import { REDIRECT_STATUSES, type Hop } from "./redirects";

/** A body up to this size, declared and not encoded, is read whole before the `Response` is made. */
const BUFFERED_BODY_BYTES = 1024 * 1024;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
// What undici's fetch adds when the caller has not set them: servers see the same request as before.
const DEFAULT_HEADERS: ReadonlyArray<[string, string]> = [
  ["accept", "*/*"],
  ["accept-language", "*"],
  ["sec-fetch-mode", "cors"],
  ["user-agent", "node"],
];

/**
 * Sends one hop through the guard's dispatcher with undici's `request` and answers it as a
 * `Response`, the way `fetch` would for `redirect: "manual"` (or `"error"`): the same default
 * headers, gzip, deflate and brotli bodies decoded, a network failure as `TypeError("fetch failed")`
 * with the cause, an abort as the signal's reason. `fetch` itself cost three times as much CPU per
 * call (its Request, body streams, a cloned request and the fetch algorithm's bookkeeping; see
 * bench/README.md, "Fourth round"), and every integration call and httpRequest node goes through here.
 */
export async function sendHop(dispatcher: Dispatcher, hop: Hop, signal: AbortSignal | undefined, redirect: "manual" | "error"): Promise<Response> {
  const headers = requestHeaders(hop);
  let answer: Dispatcher.ResponseData;
  try {
    signal?.throwIfAborted();
    answer = await dispatcher.request({
      origin: hop.url.origin,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method as Dispatcher.HttpMethod,
      headers,
      body: hop.body,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    // The guard's refusal as itself (as before); anything else as fetch reports a network failure.
    throw outboundRefusalOf(error) ?? new TypeError("fetch failed", { cause: error });
  }
  try {
    return await responseOf(answer, hop, signal, redirect);
  } catch (error) {
    // Whatever was not made into a Response is nobody's: the connection must not wait for a reader.
    discard(answer.body);
    throw error;
  }
}

async function responseOf(answer: Dispatcher.ResponseData, hop: Hop, signal: AbortSignal | undefined, redirect: "manual" | "error"): Promise<Response> {
  const { statusCode: status } = answer;
  const headers = toHeaders(answer.headers);
  // As undici's fetch: a redirect without a Location is an answer like any other.
  if (redirect === "error" && REDIRECT_STATUSES.has(status) && headers.has("location")) {
    throw new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
  }
  if (status < 200 || status > 599) throw new TypeError("fetch failed", { cause: new Error(`unsupported status ${status}`) });
  // A reason phrase a Response cannot carry (not Latin-1) is left out rather than failing the call.
  const statusText = /^[\t\x20-\x7e\x80-\xff]*$/.test(answer.statusText) ? answer.statusText : "";
  const init = { status, statusText, headers };
  if (hop.method === "HEAD" || NULL_BODY_STATUSES.has(status)) {
    discard(answer.body);
    return new Response(null, init);
  }
  const decoders = decodersFor(headers.get("content-encoding"));
  const declared = Number(headers.get("content-length") ?? NaN);
  if (decoders.length === 0 && declared <= BUFFERED_BODY_BYTES) {
    try {
      return new BufferedResponse(new Uint8Array(await answer.body.arrayBuffer()), init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // Cut off after the headers: the reader meets it, as with fetch, not the call.
      return new Response(failedStream(new TypeError("terminated", { cause: error })), init);
    }
  }
  // A decoding error reaches the reader through the last stream, which pipeline destroys with it.
  const source = decoders.length === 0 ? answer.body : (pipeline([answer.body, ...decoders], () => undefined) as unknown as Readable);
  const stream = webStreamOf(source, signal);
  // The source weakly: one read to its end is nobody's to destroy, and must not be kept alive.
  unread.register(stream, new WeakRef(source));
  return new Response(stream, init);
}

/**
 * A streamed body collected before it was read to its end (its Response and every reader of it
 * dropped: a caller refusing it by its declared size, say) is destroyed, so its connection
 * closes, as fetch does for its own. Keyed by the Web stream, not the Response: a clone, a
 * `new Response(body)` or a reader keeps the stream, and so the body, alive.
 */
const unread = new FinalizationRegistry<WeakRef<Readable>>((ref) => {
  const source = ref.deref();
  if (source && !source.destroyed && !source.readableEnded) {
    source.on("error", () => undefined);
    source.destroy();
  }
});

function failedStream(error: Error): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.error(error);
    },
  });
}

/**
 * A Node stream as a Web stream, read only when pulled and destroyed when cancelled. (Node 20's
 * `Readable.toWeb` throws "Controller is already closed" from an event handler when the Web side
 * is cancelled while the Node side still has data, as a reader stopping at a size cap does.)
 */
function webStreamOf(source: Readable, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          // As fetch reports a body cut off: its reason when aborted, else "terminated".
          throw signal?.aborted ? signal.reason : new TypeError("terminated", { cause: error });
        }
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      async cancel() {
        // Destroying undici's body reports an AbortError nobody is left to hear.
        source.on("error", () => undefined);
        // return() of an iterator never pulled does not destroy the stream: destroy it here.
        source.destroy();
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Drops a body nobody reads: undici reuses the connection when little is left of it, else closes it. */
function discard(body: Dispatcher.ResponseData["body"]) {
  body.dump().catch(() => undefined);
}

function requestHeaders(hop: Hop): string[] {
  const flat: string[] = [];
  for (const [name, value] of hop.headers) flat.push(name, value);
  for (const [name, value] of DEFAULT_HEADERS) if (!hop.headers.has(name)) flat.push(name, value);
  if (typeof hop.body === "string" && !hop.headers.has("content-type")) flat.push("content-type", "text/plain;charset=UTF-8");
  if (!hop.headers.has("accept-encoding")) flat.push("accept-encoding", hop.url.protocol === "https:" ? "br, gzip, deflate" : "gzip, deflate");
  return flat;
}

function toHeaders(raw: Dispatcher.ResponseData["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** The decoders for a Content-Encoding, as fetch applies them (none for a coding it does not know). */
function decodersFor(contentEncoding: string | null): NodeJS.ReadWriteStream[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding.toLowerCase().split(",").map((coding) => coding.trim());
  if (codings.length > 5) throw new TypeError("fetch failed", { cause: new Error(`too many content-encodings in response: ${codings.length}`) });
  const decoders: NodeJS.ReadWriteStream[] = [];
  for (const coding of codings.reverse()) {
    if (coding === "gzip" || coding === "x-gzip") decoders.push(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    else if (coding === "deflate") decoders.push(zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    else if (coding === "br") decoders.push(zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }));
    else if (coding === "identity") continue;
    else return [];
  }
  return decoders;
}
