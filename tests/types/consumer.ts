// A strict TypeScript consumer of the built package: it must type-check with `tsc --strict --noEmit`.
// The IsAny checks fail compilation if any public parameter or result is typed `any`.
import {
  MediaIntelligence,
  NcpSigner,
  isMediaIntelligenceError,
  signRequest,
  type AttemptRecord,
  type MediaIntelligenceError,
  type NcpSignatureHeaders,
  type Workspace,
  type WorkspaceDetails,
  type WorkspaceOptions,
  type WorkspacePage,
  type WorkspaceSummary,
  type DeletedWorkspace,
} from "../../pkg/index.js";

type IsAny<T> = 0 extends 1 & T ? true : false;
type Is<T, U> = [T] extends [U] ? ([U] extends [T] ? true : false) : false;
const notAny = <T>(_: IsAny<T> extends false ? true : never) => {};
const exactly = <T, U>(_: Is<T, U> extends true ? true : never) => {};

type Create = MediaIntelligence["createWorkspace"];
type Get = MediaIntelligence["getWorkspace"];
notAny<Parameters<Create>[0]>(true);
notAny<ReturnType<Create>>(true);
notAny<Parameters<Get>[0]>(true);
notAny<Awaited<ReturnType<MediaIntelligence["listWorkspaces"]>>>(true);
exactly<Awaited<ReturnType<MediaIntelligence["listWorkspaces"]>>, WorkspacePage>(true);
exactly<ReturnType<MediaIntelligence["workspaces"]>, AsyncIterableIterator<WorkspaceSummary>>(true);
exactly<Awaited<ReturnType<MediaIntelligence["deleteWorkspace"]>>, DeletedWorkspace>(true);
notAny<ReturnType<Get>>(true);
notAny<ConstructorParameters<typeof MediaIntelligence>[0]>(true);
notAny<Parameters<typeof signRequest>[0]>(true);
notAny<ReturnType<typeof signRequest>>(true);
notAny<ReturnType<NcpSigner["sign"]>>(true);
exactly<ReturnType<NcpSigner["sign"]>, NcpSignatureHeaders>(true);
// The timestamp is optional (default now), as the docs call it.
exactly<Parameters<NcpSigner["sign"]>, [method: string, uri: string, timestamp?: number | string]>(true);
exactly<Awaited<ReturnType<Create>>, Workspace>(true);
exactly<Awaited<ReturnType<Get>>, WorkspaceDetails>(true);
exactly<Parameters<Get>[0], string | WorkspaceOptions>(true);
exactly<WorkspaceDetails["monthlyAnalysisCount"], number | null | undefined>(true);

export async function demo(accessKey: string, secretKey: string): Promise<string> {
  const mi = new MediaIntelligence({ accessKey, secretKey, endpoint: "http://127.0.0.1:8787", timeoutMs: 5000 });
  const created: Workspace = await mi.createWorkspace({ workspaceName: "my-workspace", bucketName: "b" });
  const details: WorkspaceDetails = await mi.getWorkspace(created.workspaceName, {
    timeoutMs: 1000,
    retries: { maxAttempts: 1 },
    signal: AbortSignal.timeout(100),
  });
  const logged = new MediaIntelligence({
    accessKey, secretKey, retries: { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 2000 },
    logger: (record: AttemptRecord) => console.log(record.method, record.path, record.status ?? "-", record.outcome),
  });
  void logged;
  const count: number = details.monthlyAnalysisCount ?? 0;
  const page: WorkspacePage = await mi.listWorkspaces({ pageNum: 1, pageSize: 100 });
  const names: string[] = page.content.map((w) => w.workspaceName);
  for await (const workspace of mi.workspaces({ pageSize: 100 })) names.push(workspace.workspaceName);
  const gone: DeletedWorkspace = await mi.deleteWorkspace(names[0] ?? "x");
  void gone;
  const headers: NcpSignatureHeaders = signRequest({ method: "GET", uri: "/api/v1/workspaces", accessKey, secretKey });
  try {
    await mi.getWorkspace("missing");
  } catch (e: unknown) {
    if (isMediaIntelligenceError(e)) {
      const typed: MediaIntelligenceError = e;
      if (typed.code === "NOT_FOUND" && typed.status === 404) return `${count} ${typed.apiCode ?? ""} ${typed.attempts}`;
      if (typed.name === "AbortError") return String(typed.reason);
    }
  }
  return headers["x-ncp-apigw-signature-v2"];
}
