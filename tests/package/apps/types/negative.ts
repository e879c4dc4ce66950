// Misuse the package's types must reject. Each line carries @ts-expect-error, so tsc fails with "Unused
// '@ts-expect-error' directive" the day the types stop catching it (or turn into `any`).
import { MediaIntelligence } from "ncloud-media-intelligence";

export async function misuse(mi: MediaIntelligence): Promise<void> {
  // @ts-expect-error a wrong field: the option is bucketName
  await mi.createWorkspace({ workspaceName: "my-workspace", bucket: "my-bucket" });
  // @ts-expect-error secretKey is required
  new MediaIntelligence({ accessKey: "ak" });
  const details = await mi.getWorkspace("my-workspace");
  // @ts-expect-error workspaceUrl may be null
  details.workspaceUrl.length;
  // @ts-expect-error a field the docs do not show is `unknown` (results stay forward compatible), not `any`
  const extra: string = details.shardId;
  void extra;
}
