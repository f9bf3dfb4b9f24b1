import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { JsonAnswer, writeJsonAnswer } from "./json-answer";

describe("JsonAnswer", () => {
  it("reads as the Response.json it stands for: status, content type, body by json, text and stream", async () => {
    const value = { name: "Ada", tags: ["vip"], n: 1 };
    const answer = new JsonAnswer(value, { status: 201, headers: { "x-one": "1" } });
    expect(answer).toBeInstanceOf(Response);
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("x-one")).toBe("1");
    expect(answer.jsonText).toBe(JSON.stringify(value));
    expect(await answer.clone().json()).toEqual(value);
    expect(await new Response(answer.body).text()).toBe(JSON.stringify(value));
    expect(answer.bodyUsed).toBe(true);
  });

  it("keeps a content type given to it", async () => {
    const answer = new JsonAnswer({ ok: true }, { headers: { "content-type": "application/problem+json" } });
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(await answer.text()).toBe('{"ok":true}');
  });
});

describe("writeJsonAnswer", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** Serves `answer` through writeJsonAnswer; what it returned, and what the client got. */
  async function serve(answer: Response, method = "GET") {
    let written: boolean | undefined;
    server = http.createServer((request, response) => {
      written = writeJsonAnswer(answer, response, request.method ?? "GET");
      if (!written) response.writeHead(299).end("fallback");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { method });
    return { written, response, text: await response.text() };
  }

  it("writes its status, headers, both cookies, a Content-Length and the text as it is", async () => {
    const answer = new JsonAnswer({ name: "Zoë" }, { status: 202 });
    answer.headers.set("x-frame-options", "DENY");
    answer.headers.append("set-cookie", "a=1; Path=/");
    answer.headers.append("set-cookie", "b=2; Path=/");
    const { written, response, text } = await serve(answer);
    expect(written).toBe(true);
    expect(response.status).toBe(202);
    expect(text).toBe('{"name":"Zoë"}');
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength('{"name":"Zoë"}')));
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("leaves any other Response, and a HEAD request, to the adapter", async () => {
    expect((await serve(Response.json({ a: 1 }))).written).toBe(false);
    server!.close();
    expect((await serve(new JsonAnswer({ a: 1 }), "HEAD")).written).toBe(false);
  });
});
