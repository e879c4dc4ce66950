// A Worker that creates (POST, JSON body) and reads (GET ?workspace=NAME) Media Intelligence workspaces.
// README "Cloudflare Workers"; tests/package/run.mjs bundles it with wrangler and serves it in workerd.
import { MediaIntelligence, isMediaIntelligenceError } from "ncloud-media-intelligence";

export default {
  async fetch(request, env) {
    const mi = new MediaIntelligence({
      accessKey: env.NCP_ACCESS_KEY,
      secretKey: env.NCP_SECRET_KEY,
      endpoint: env.NCP_ENDPOINT, // unset: https://mi.apigw.ntruss.com
    });
    try {
      if (request.method === "POST") {
        const { workspaceName, bucketName } = await request.json();
        return Response.json(await mi.createWorkspace({ workspaceName, bucketName }), { status: 201 });
      }
      const name = new URL(request.url).searchParams.get("workspace") ?? "";
      return Response.json(await mi.getWorkspace(name));
    } catch (e) {
      if (!isMediaIntelligenceError(e)) throw e;
      const { name, code, field, message } = e;
      return Response.json({ name, code, field, message }, { status: e.status ?? (name === "ValidationError" ? 400 : 502) });
    }
  },
};
