// The JS half of `createProxyHandler` (src/js_proxy.rs): reads an incoming Request into plain values,
// runs the caller's `authorize`, reads the body, and builds Responses, one crossing each. It holds no
// policy (routes, header and body rules, signing are all in Rust) and never forwards a header.

/** `[method, url, pathname, search, origin, ownOrigin, headerNames, contentLength]`, or `null` for a non-Request or an unreadable one. */
export function readRequest(request) {
  if (!(request instanceof Request)) return null;
  try {
    const url = new URL(request.url);
    const names = [...request.headers.keys()];
    const origin = request.headers.get("origin") ?? undefined;
    const length = request.headers.get("content-length") ?? undefined;
    return [request.method, request.url, url.pathname, url.search, origin, url.origin, names, length];
  } catch {
    // A Request subclass whose getters throw: refused like a non-Request, never thrown into the wasm.
    return null;
  }
}

/** The body as text; `""` when it cannot be read. */
export async function readBody(request) {
  try {
    return await request.text();
  } catch {
    return "";
  }
}

/** Runs `check(copy of request)`: 0 when truthy, 1 when falsy, 2 when it throws or rejects, 3 when the request cannot be copied. */
export async function authorize(check, request) {
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

/** A Response with `status`, an optional text body and the headers given as JSON text (name to value). */
export function respond(status, body, headers) {
  // 204 and 304 may not carry a body.
  const text = status === 204 || status === 304 ? null : body ?? null;
  try {
    return new Response(text, { status, headers: JSON.parse(headers) });
  } catch {
    // Only a status the API should never send (outside 200 to 599) gets here.
    return new Response(null, { status: 502 });
  }
}
