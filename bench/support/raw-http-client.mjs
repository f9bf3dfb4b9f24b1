// The load generator's lean HTTP/1.1 client: one keep-alive TCP connection that writes the same
// request bytes (built once) and reads each answer with as little work as the answer allows (its
// status line, Content-Length or chunked framing, Connection: close). node:http's client parses
// every header into an object, emits a stream per answer and keeps a socket pool; on 2 cores that
// CPU is taken from the servers measured, the same for each, which pulls every ratio towards 1.
// Answers are read one at a time (no pipelining), as a browser's or node:http's keep-alive
// connection does.
import net from "node:net";

const HEADER_END = Buffer.from("\r\n\r\n");

/** The bytes of one HTTP/1.1 request, written as they go on the wire. */
export function requestBytes({ url, method = "GET", headers = {}, body }) {
  const target = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(body);
  const lines = [`${method} ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`, "connection: keep-alive"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (payload) lines.push(`content-length: ${payload.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return { host: target.hostname, port: Number(target.port) || 80, bytes: payload ? Buffer.concat([head, payload]) : head };
}

/** A keep-alive connection sending one request at a time; reconnects when the server closed it. */
export class RawConnection {
  #request;
  #socket;
  #buffer = Buffer.alloc(0);
  #pending;

  constructor(request) {
    this.#request = request;
  }

  /** Sends the request; resolves with the answer's status and body once the whole answer is read. */
  send() {
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      if (!this.#socket) this.#connect();
      this.#socket.write(this.#request.bytes);
    });
  }

  close() {
    this.#socket?.destroy();
    this.#socket = undefined;
  }

  #connect() {
    const socket = net.connect({ host: this.#request.host, port: this.#request.port, noDelay: true });
    this.#socket = socket;
    this.#buffer = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#read();
    });
    // A socket this connection already left (closed after a `Connection: close`) fails nothing.
    const lost = (error) => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#fail(error ?? new Error("the server closed the connection"));
    };
    socket.on("error", lost);
    socket.on("close", () => lost());
  }

  #fail(error) {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }

  /** Reads one whole answer from the buffer when it is all there. */
  #read() {
    if (!this.#pending) return;
    const headEnd = this.#buffer.indexOf(HEADER_END);
    if (headEnd < 0) return;
    const head = this.#buffer.toString("latin1", 0, headEnd);
    const status = Number(head.slice(9, 12));
    const lower = head.toLowerCase();
    const close = lower.includes("\r\nconnection: close");
    const bodyStart = headEnd + HEADER_END.length;
    let body;
    let end;
    const length = /\r\ncontent-length: *(\d+)/.exec(lower);
    if (length) {
      end = bodyStart + Number(length[1]);
      if (this.#buffer.length < end) return;
      body = this.#buffer.subarray(bodyStart, end);
    } else if (lower.includes("\r\ntransfer-encoding: chunked")) {
      let chunked;
      try {
        chunked = readChunked(this.#buffer, bodyStart);
      } catch (error) {
        this.#fail(error);
        this.close();
        return;
      }
      if (!chunked) return;
      ({ body, end } = chunked);
    } else {
      this.#fail(new Error(`an answer with neither Content-Length nor chunked framing: ${head.slice(0, 200)}`));
      this.close();
      return;
    }
    this.#buffer = this.#buffer.subarray(end);
    const pending = this.#pending;
    this.#pending = undefined;
    if (close) this.close();
    pending.resolve({ status, body });
  }
}

/**
 * A chunked body from `start`, or undefined while it is not all there. Enough for the servers the
 * bench measures: trailers are not read, nor answers framed by the connection's close (nor a
 * 204's or a HEAD's empty one, which load.mjs never asks for).
 */
function readChunked(buffer, start) {
  const parts = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", at, "latin1");
    if (lineEnd < 0) return undefined;
    const line = buffer.toString("latin1", at, lineEnd);
    if (!/^[0-9a-f]+(?:[ \t]*;.*)?$/i.test(line)) throw new Error(`a chunk size that is not hexadecimal: ${line.slice(0, 40)}`);
    const size = Number.parseInt(line, 16);
    const dataStart = lineEnd + 2;
    if (buffer.length < dataStart + size + 2) return undefined;
    if (size === 0) return { body: Buffer.concat(parts), end: dataStart + 2 };
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
