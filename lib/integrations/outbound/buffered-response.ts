const decoder = new TextDecoder();

/**
 * A `Response` whose body is already in memory: a small answer `sendHop` read whole. undici's
 * `Response` wraps any body in a Web stream (its constructor alone was 4% of a run's CPU in the
 * engine bench, each httpRequest node making one), and `text()` reads it back through that
 * stream. This one keeps the bytes: `text`, `json`, `arrayBuffer` and `bytes` answer from
 * them, and a stream is made only when someone asks for `body` (a reader, `formData`, `blob`),
 * from then on the single source of the body, as the standard one would be.
 */
export class BufferedResponse extends Response {
  #bytes: Uint8Array;
  #used = false;
  /** The standard response over the same bytes, once something needed its stream. */
  #streamed: Response | null = null;

  constructor(bytes: Uint8Array, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#standard().body;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#streamed?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    return this.#streamed && !this.#used ? this.#streamed.text() : decoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#streamed && !this.#used) return this.#streamed.arrayBuffer();
    const bytes = this.#take();
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
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
  }

  #take(): Uint8Array {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes;
  }

  #standard(): Response {
    if (this.#streamed) return this.#streamed;
    this.#streamed = new Response(this.#used ? new Uint8Array(0) : (this.#bytes as Uint8Array<ArrayBuffer>), { status: this.status, statusText: this.statusText, headers: this.headers });
    // A body already read is a stream nobody can read again, as a read one would be.
    if (this.#used) this.#streamed.body?.getReader();
    return this.#streamed;
  }
}
