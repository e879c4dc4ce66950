"use strict";

function readRequest(request) {
  if (!(request instanceof Request)) return null;
  try {
    const url = new URL(request.url);
    const names = [...request.headers.keys()];
    const origin = request.headers.get("origin") ?? undefined;
    const length = request.headers.get("content-length") ?? undefined;
    return [request.method, request.url, url.pathname, url.search, origin, url.origin, names, length];
  } catch {
    return null;
  }
}

async function readBody(request) {
  try {
    return await request.text();
  } catch {
    return "";
  }
}

async function authorize(check, request) {
  let copy;
  try {
    copy = request.clone();
  } catch {
    return 3;
  }
  try {
    return (await check(copy)) ? 0 : 1;
  } catch {
    return 2;
  }
}

function respond(status, body, headers) {
  const text = status === 204 || status === 304 ? null : body ?? null;
  try {
    return new Response(text, { status, headers: JSON.parse(headers) });
  } catch {
    return new Response(null, { status: 502 });
  }
}
module.exports = { readRequest,readBody,authorize,respond };
