import { describe, expect, it } from "vitest";
import { readCappedText } from "./read-answer";

/** A body that arrives in chunks with no Content-Length, as a chunked upload does. */
function streamed(chunks: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readCappedText", () => {
  const tooLarge = () => new Error("too large");

  it("reads a body under the limit, counting bytes rather than characters", async () => {
    expect(await readCappedText(streamed(["ab", "cd"]), 4, tooLarge)).toBe("abcd");
    await expect(readCappedText(streamed(["é", "é", "é"]), 5, tooLarge)).rejects.toThrow("too large");
  });

  it("stops a body without Content-Length as soon as it passes the limit", async () => {
    await expect(readCappedText(streamed(["x".repeat(6), "y".repeat(6)]), 10, tooLarge)).rejects.toThrow("too large");
  });

  it("refuses a declared length over the limit before reading", async () => {
    const request = new Request("http://localhost/", { method: "POST", headers: { "content-length": "11" }, body: "x" });
    await expect(readCappedText(request, 10, tooLarge)).rejects.toThrow("too large");
  });
});
