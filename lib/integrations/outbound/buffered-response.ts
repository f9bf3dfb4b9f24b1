const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A `Response` whose body is already in memory, as bytes or as text: a small answer `sendHop`
 * read whole, or a route's JSON answer (`JsonAnswer`). undici's `Response` wraps any body in a
 * Web stream (its constructor alone was 4% of a run's CPU in the engine bench, each httpRequest
 * node making one), and `text()` reads it back through that stream. This one keeps the body:
 * `text`, `json`, `arrayBuffer` and `bytes` answer from it, and a stream is made only when
 * someone asks for `body` (a reader, `formData`, `blob`), from then on the single source of the
 * body, as the standard one would be. Its headers are exactly those given: a text body adds no
 * Content-Type of its own.
 */
export class BufferedResponse extends Response {
  #content: string | Uint8Array;
  #used = false;
  /** The standard response over the same body, once something needed its stream. */
  #streamed: Response | null = null;

  constructor(content: string | Uint8Array, init: ResponseInit) {
    super(null, init);
    this.#content = content;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#standard().body;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#streamed?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    if (this.#streamed && !this.#used) return this.#streamed.text();
    const content = this.#take();
    return typeof content === "string" ? content : decoder.decode(content);
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed && !this.#used) return this.#streamed.arrayBuffer();
    const bytes = bytesOf(this.#take());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    // The standard one's, for its MIME type as a Blob writes it.
    if (this.#used) this.#take();
    return this.#standard().blob();
  }

  override async formData(): Promise<FormData> {
    if (this.#used) this.#take();
    return this.#standard().formData();
  }

  override clone(): Response {
    if (this.#used) throw new TypeError("Response.clone: Body has already been consumed.");
    if (this.#streamed) return this.#streamed.clone();
    return new BufferedResponse(this.#content, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
  }

  #take(): string | Uint8Array {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#content;
  }

  #standard(): Response {
    if (this.#streamed) return this.#streamed;
    const body = this.#used ? new Uint8Array(0) : (bytesOf(this.#content) as Uint8Array<ArrayBuffer>);
    this.#streamed = new Response(body, { status: this.status, statusText: this.statusText, headers: this.headers });
    // A body already read is a stream nobody can read again, as a read one would be.
    if (this.#used) this.#streamed.body?.getReader();
    return this.#streamed;
  }
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? encoder.encode(content) : content;
}
