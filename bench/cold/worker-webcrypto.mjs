// workerd cold start of the hand-written alternative at the edge: WebCrypto HMAC for the same request.
export default {
  async test() {
    const utf8 = new TextEncoder();
    const key = await crypto.subtle.importKey("raw", utf8.encode("sk"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = await crypto.subtle.sign("HMAC", key, utf8.encode(`GET /api/v1/workspaces/w\n${Date.now()}\nak`));
    const signature = btoa(String.fromCharCode(...new Uint8Array(mac)));
    if (signature.length !== 44) throw new Error("bad signature");
  },
};
