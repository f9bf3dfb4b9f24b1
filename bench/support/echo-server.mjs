#!/usr/bin/env node
// A zero-latency echo server for bench/engine-http: answers every request at once with the body it
// was sent (JSON), or `{}` for an empty one. Listens on PORT (0: any free port) and prints
// `listening <port>` when ready.
import http from "node:http";

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = chunks.length > 0 ? Buffer.concat(chunks) : Buffer.from("{}");
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(Number(process.env.PORT) || 0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
