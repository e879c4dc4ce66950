// A signing proxy as a Cloudflare Worker: the browser calls it with `new MediaIntelligence({ proxyUrl })`;
// only this Worker holds the NCP keys (as secrets: `wrangler secret put NCP_SECRET_KEY`). The test
// suite runs this exact file in workerd (tests/workerd/run.mjs).
import { createProxyHandler } from "ncloud-media-intelligence";

let handler;

export default {
  fetch(request, env) {
    handler ??= createProxyHandler({
      accessKey: env.NCP_ACCESS_KEY,
      secretKey: env.NCP_SECRET_KEY,
      endpoint: env.NCP_ENDPOINT || undefined, // unset: https://mi.apigw.ntruss.com
      allow: ["createWorkspace", "getWorkspace"],
      // Your own check of the caller. Here a shared token; in production a session or a JWT.
      authorize: (req) => req.headers.get("authorization") === `Bearer ${env.PROXY_TOKEN}`,
      cors: { origins: [env.APP_ORIGIN], headers: ["authorization"] },
    });
    return handler(request);
  },
};
