import { describe, expect, it } from "vitest";
import { requestHosts } from "./request-context";

describe("requestHosts", () => {
  it("gives the Host header and each forwarded host once", () => {
    const request = (headers: Record<string, string>) => new Request("http://internal:3000/x", { headers });
    expect(requestHosts(request({ host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000" }))).toEqual(["127.0.0.1:3000"]);
    expect(requestHosts(request({ host: "internal:3000", "x-forwarded-host": "relay.example, edge.example" }))).toEqual(["internal:3000", "relay.example", "edge.example"]);
  });
});
