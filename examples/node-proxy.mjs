// A signing proxy in Node: createProxyHandler behind node:http, through the small adapter below.
// The browser talks to this server with `new MediaIntelligence({ proxyUrl })`; only this process holds
// the keys. Run it:
//   NCP_ACCESS_KEY=... NCP_SECRET_KEY=... PROXY_TOKEN=... node examples/node-proxy.mjs [PORT]
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { createProxyHandler } from "../pkg/index.js";

/** Adapts a fetch handler `(Request) => Promise<Response>` to a node:http request listener. The body is
 *  streamed, not buffered: the handler runs `authorize` and its checks before it reads a byte, and
 *  reads at most its `maxBodyBytes` (plus one chunk); an upload it refused is not read to its end. */
export function toNodeListener(handler) {
  return async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = hasBody ? Readable.toWeb(req) : undefined;
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers, body, duplex: "half" });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
    // The rest of a refused or oversized upload is not read: the connection closes after the answer.
    if (!req.complete) res.once("finish", () => req.destroy());
  };
}

/** Starts a proxy server on 127.0.0.1:`port` (0 for any) and resolves its URL and a `close` function. */
export function startProxyServer(options, port = 0) {
  const server = createServer(toNodeListener(createProxyHandler(options)));
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolve({ url, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startProxyServer({
    accessKey: process.env.NCP_ACCESS_KEY,
    secretKey: process.env.NCP_SECRET_KEY,
    endpoint: process.env.NCP_ENDPOINT, // omit for https://mi.apigw.ntruss.com
    allow: ["createWorkspace", "getWorkspace"],
    // Your own check of the caller: a session cookie, a JWT, an API key. Here: a shared token.
    authorize: (request) => request.headers.get("authorization") === `Bearer ${process.env.PROXY_TOKEN}`,
    cors: { origins: ["http://localhost:5173"], headers: ["authorization"] },
  }, Number(process.argv[2] ?? 8787));
  console.log(`signing proxy listening ${url}`);
}
