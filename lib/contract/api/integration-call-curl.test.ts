import { describe, expect, it } from "vitest";
import { integrationCallCurl } from "./integration-call-curl";

describe("integrationCallCurl", () => {
  it("quotes every word for a POSIX shell, a single quote inside included", () => {
    const curl = integrationCallCurl({
      method: "POST",
      url: "http://127.0.0.1:4010/actions/it's/execute",
      requestHeaders: { accept: "application/json", "x-request-id": "r-1" },
      requestBody: `{"name":"O'Hara","key":"[redacted]"}`,
    });
    expect(curl).toBe(
      [
        `curl -X POST 'http://127.0.0.1:4010/actions/it'\\''s/execute' \\`,
        `  -H 'accept: application/json' \\`,
        `  -H 'x-request-id: r-1' \\`,
        `  --data-raw '{"name":"O'\\''Hara","key":"[redacted]"}'`,
      ].join("\n"),
    );
  });

  it("sends no body for a GET", () => {
    expect(integrationCallCurl({ method: "GET", url: "http://h/manifest", requestHeaders: {}, requestBody: null })).toBe("curl -X GET 'http://h/manifest'");
  });
});
