#!/usr/bin/env bash
# Shell helpers shared by demo.sh, serve-demo.sh and test.sh: starting servers that announce
# `listening URL` on their first stdout line, and finding a closed port.

# start_listening VAR COMMAND...: runs COMMAND in the background, waits for its first stdout line
# `listening URL`, stores the URL in VAR and the PID in VAR_PID. The caller's EXIT trap stops it.
start_listening() {
  local var="$1"; shift
  local log; log="$(mktemp)"
  "$@" >"$log" 2>"$log.err" &
  local pid=$!
  local url=""
  for _ in $(seq 1 100); do
    url="$(head -n 1 "$log" 2>/dev/null | sed -n 's/^listening //p')"
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "$* did not start:" >&2; cat "$log.err" >&2
    return 1
  fi
  printf -v "$var" '%s' "$url"
  printf -v "${var}_PID" '%s' "$pid"
}

# start_emulator VAR [NAME=VALUE...]: tests/emulator/server.mjs on a free port, with that environment.
start_emulator() {
  local var="$1"; shift
  start_listening "$var" env "$@" node "$ROOT/tests/emulator/server.mjs" --port 0 --quiet
}

# closed_port_url: an http URL on 127.0.0.1 whose port was just free (nothing listens there).
closed_port_url() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{const p=s.address().port;s.close(()=>console.log("http://127.0.0.1:"+p))})'
}
