// A strict TypeScript consumer of the installed package (README "TypeScript"): tests/package/run.mjs
// type-checks it with `tsc --strict` under NodeNext and Bundler resolution, through the package's exports.
import {
  MediaIntelligence,
  isMediaIntelligenceError,
  type MediaIntelligenceError,
  type Workspace,
  type WorkspaceDetails,
} from "ncloud-media-intelligence";

export async function createAndRead(accessKey: string, secretKey: string): Promise<string> {
  const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787" });
  const created: Workspace = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "my-bucket" });
  const details: WorkspaceDetails = await mi.getWorkspace(created.workspaceName);
  try {
    await mi.getWorkspace("Not A Valid Name");
  } catch (e: unknown) {
    if (isMediaIntelligenceError(e)) {
      const typed: MediaIntelligenceError = e;
      if (typed.name === "ValidationError") return `${typed.code} ${typed.field ?? ""}`;
    }
  }
  return `${details.workspaceUrl ?? ""} ${details.monthlyAnalysisCount ?? 0}`;
}
