// A signing proxy in Node: createProxyHandler behind node:http, through the small adapter below.
// The browser talks to this server with `new MediaIntelligence({ proxyUrl })`; only this process holds
// the keys. Run it:
//   NCP_ACCESS_KEY=... NCP_SECRET_KEY=... PROXY_TOKEN=... node examples/node-proxy.mjs [PORT]
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { createProxyHandler } from "../pkg/index.js";

/** Adapts a fetch handler `(Request) => Promise<Response>` to a node:http request listener. */
export function toNodeListener(handler) {
  return async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers, body });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
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
