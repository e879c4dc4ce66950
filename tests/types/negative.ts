// Misuse that the types must reject: each line below carries @ts-expect-error, so tsc fails with
// "Unused '@ts-expect-error' directive" if the typings ever stop catching it.
import { MediaIntelligence, signRequest } from "../../pkg/index.js";

export async function misuse(mi: MediaIntelligence): Promise<void> {
  // @ts-expect-error secretKey is required
  new MediaIntelligence({ accessKey: "ak" });
  // @ts-expect-error a misspelt field is not an option
  await mi.createWorkspace({ workspacename: "x" });
  // @ts-expect-error workspaceName must be a string
  await mi.createWorkspace({ workspaceName: 42 });
  // @ts-expect-error getWorkspace takes the name or { workspaceName: string }
  await mi.getWorkspace({ workspaceName: 42 });
  const details = await mi.getWorkspace("x");
  // @ts-expect-error documented fields keep their types (fields the API adds later are `unknown`)
  const url: number = details.workspaceUrl;
  // @ts-expect-error an undocumented field is `unknown`, not `any`
  const extra: string = details.internalShardId;
  // @ts-expect-error the count may be null
  const n: number = details.monthlyAnalysisCount;
  // @ts-expect-error timeoutMs is a number
  new MediaIntelligence({ accessKey: "a", secretKey: "s", timeoutMs: "5" });
  // @ts-expect-error retries is an object
  await mi.getWorkspace("x", { retries: 3 });
  // @ts-expect-error signal must be an AbortSignal
  await mi.getWorkspace("x", { signal: "stop" });
  // @ts-expect-error uri is required
  signRequest({ method: "GET", accessKey: "a", secretKey: "s" });
  void n;
  void url;
  void extra;
}
