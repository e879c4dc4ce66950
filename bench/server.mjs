// The bench's API server: answers canned success envelopes as fast as node:http can, checking nothing
// (not even signatures: correctness is the emulator's job, tests/emulator/). Runs in its own process so
// its CPU is never counted as the client's. Any workspace name, project id or asset id and any query
// get the same answer (bench/routes.mjs):
//   GET    /api/v1/workspaces/{ws}                          tests/fixtures/get-workspace.ok.json
//   POST   /api/v1/workspaces                               tests/fixtures/create-workspace.ok.json
//   POST   /api/v1/workspaces/{ws}/projects                 createProject  \
//   GET    .../projects/{pid}/assets?pageNum=&pageSize=     listAssets      | the emulator's answers,
//   GET    .../projects/{pid}/assets/{aid}                  getAsset        | captured by
//   DELETE .../projects/{pid}/assets/{aid}                  deleteAsset     | bench/capture.mjs (the
//   GET    .../assets/{aid}/index/status                    ANALYZING       | 2-hour sample video; a
//   GET    .../assets/{aid}/index?confidence_level=         its whole index/  page of 100 assets)
//   (... = /api/v1/workspaces/{ws}; POST bodies are read and dropped); anything else 404.
//   node bench/server.mjs    prints `listening http://127.0.0.1:PORT` first; exits when stdin closes
import { createServer } from "node:http";
import { match, routes } from "./routes.mjs";

const table = (await routes()).map((r) => ({ ...r, body: Buffer.from(r.body, "utf8") }));
const NOT_FOUND = Buffer.from('{"error":{"errorCode":"300","message":"Not Found Exception"}}');

const server = createServer((req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  };
  const route = match(table, req.method, req.url);
  if (!route) return send(404, NOT_FOUND);
  if (req.method === "POST") {
    req.resume();
    req.on("end", () => send(200, route.body));
    return;
  }
  send(200, route.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${server.address().port}`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
