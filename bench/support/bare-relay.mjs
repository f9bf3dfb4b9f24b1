#!/usr/bin/env node
// The bare node:http baseline of bench/engine-http: what `http in → http request → http response`
// costs with nothing in between. Each request's body is sent on to the echo server (ECHO_URL, over
// keep-alive connections) and the echo's answer is sent back. Prints `listening <port>`.
import http from "node:http";

const echo = new URL(process.env.ECHO_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const upstream = http.request(
      { agent, host: echo.hostname, port: echo.port, path: echo.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
      (answer) => {
        const parts = [];
        answer.on("data", (chunk) => parts.push(chunk));
        answer.on("end", () => {
          const text = Buffer.concat(parts);
          response.writeHead(answer.statusCode ?? 502, { "content-type": "application/json", "content-length": text.length });
          response.end(text);
        });
      },
    );
    upstream.on("error", (error) => {
      response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ errorMessage: String(error) }));
    });
    upstream.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
