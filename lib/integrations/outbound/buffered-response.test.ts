import { describe, expect, it } from "vitest";
import { BufferedResponse } from "./buffered-response";

const kinds = {
  bytes: (text: string) => new TextEncoder().encode(text),
  text: (text: string) => text,
};

describe.each(Object.entries(kinds))("BufferedResponse over %s", (_kind, contentOf) => {
  const made = () => new BufferedResponse(contentOf('{"a":"é"}'), { status: 201, statusText: "Created", headers: { "content-type": "application/json" } });

  it("reads once, by any method, as a Response does", async () => {
    for (const read of ["text", "json", "arrayBuffer", "bytes", "blob"] as const) {
      const response = made();
      expect(response.bodyUsed).toBe(false);
      const body = await response[read]();
      if (read === "text") expect(body).toBe('{"a":"é"}');
      if (read === "json") expect(body).toEqual({ a: "é" });
      if (read === "arrayBuffer" || read === "bytes") expect(new TextDecoder().decode(body as ArrayBuffer)).toBe('{"a":"é"}');
      if (read === "blob") expect(await (body as Blob).text()).toBe('{"a":"é"}');
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toThrow(TypeError);
      expect(() => response.clone()).toThrow(TypeError);
    }
  });

  it("gives a stream when asked for its body, which is then the body's one source", async () => {
    const response = made();
    const copy = response.clone();
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"a":"é"}');
    reader.releaseLock();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(copy.status).toBe(201);
    expect(copy.statusText).toBe("Created");
    expect(await copy.json()).toEqual({ a: "é" });
    const read = made();
    await read.text();
    expect(read.body).not.toBeNull();
    expect(read.bodyUsed).toBe(true);
    // Not an empty body to build another from: gone, as a read stream is.
    expect(() => new Response(read.body)).toThrow(TypeError);
  });

  it("makes a Blob typed as the standard one, and adds no Content-Type of its own", async () => {
    const headers = { "content-type": "Text/Plain; Charset=UTF-8" };
    const standard = await new Response("x", { headers }).blob();
    const blob = await new BufferedResponse(contentOf("x"), { headers }).blob();
    expect(blob.type).toBe(standard.type);
    expect(await blob.text()).toBe("x");
    const bare = new BufferedResponse(contentOf("x"), {});
    expect(bare.headers.get("content-type")).toBeNull();
    expect(await new Response(bare.body).text()).toBe("x");
  });
});
