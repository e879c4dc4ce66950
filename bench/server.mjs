// The bench's API server: answers canned success envelopes as fast as node:http can, checking nothing
// (not even signatures: correctness is the emulator's job, tests/emulator/). Runs in its own process so
// its CPU is never counted as the client's.
//   node bench/server.mjs    prints `listening http://127.0.0.1:PORT` first; exits when stdin closes
//   GET  /api/v1/workspaces/{name}  200 tests/fixtures/get-workspace.ok.json
//   POST /api/v1/workspaces         200 tests/fixtures/create-workspace.ok.json (body read and dropped)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { ROOT } from "./lib.mjs";

const fixture = (name) => readFileSync(join(ROOT, "tests", "fixtures", name));
const GET_BODY = fixture("get-workspace.ok.json");
const CREATE_BODY = fixture("create-workspace.ok.json");
const NOT_FOUND = Buffer.from('{"error":{"errorCode":"300","message":"Not Found Exception"}}');

const server = createServer((req, res) => {
  const send = (status, body) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  };
  if (req.method === "GET" && req.url.startsWith("/api/v1/workspaces/")) return send(200, GET_BODY);
  if (req.method === "POST" && req.url === "/api/v1/workspaces") {
    req.resume();
    req.on("end", () => send(200, CREATE_BODY));
    return;
  }
  send(404, NOT_FOUND);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${server.address().port}`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
