//! TypeScript declarations of the media pipeline's options and results (projects, assets, the index
//! and scene summaries), carried into the `.d.ts`. Only documented fields are typed; every result also
//! carries what the API sends beyond them (`unknown` until named).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const MEDIA_TYPES: &str = r#"
/** An id: a positive integer, or its decimal text (the API documents ids as both). */
export type Id = number | string;

/** Options naming one project. */
export interface ProjectOptions extends WorkspaceOptions {
  projectId: Id;
}

/** Options of `createProject`: `name` 1 to 100 characters without `;`, `|` or a backtick, unique in the workspace. */
export interface CreateProjectOptions extends WorkspaceOptions {
  name: string;
}

/** Options of `updateProject` (not the base project). */
export interface UpdateProjectOptions extends ProjectOptions {
  name: string;
}

/** A project. Times are ISO 8601 local date-times (KST) without a zone. */
export interface Project {
  projectId: number;
  name: string;
  /** The workspace's base project, which cannot be renamed or deleted. */
  isBaseProject?: boolean;
  createdUserName?: string;
  createdTime?: string;
  updatedUserName?: string;
  updatedTime?: string;
  [field: string]: unknown;
}

/** What `listProjects` resolves (the list is not paged). */
export interface ProjectList {
  projects: Project[];
  totalCount?: number;
  [field: string]: unknown;
}

/** Options of `importAsset`: a file already in Object Storage. */
export interface ImportAssetOptions extends ProjectOptions {
  bucketName: string;
  /** The object's full name, not a folder; mp4, mkv, mov, webm, jpg, jpeg, png or heic (any case). */
  key: string;
}

/** What `importAsset` resolves (not shown in the docs: `assetId` as the deprecated import had it). */
export interface ImportedAsset {
  assetId?: number;
  [field: string]: unknown;
}

/** Options naming one asset. */
export interface AssetOptions extends ProjectOptions {
  assetId: Id;
}

/** Options of `listAssets` and `assets()`: `pageSize` 1 to 1000 (the API's default 1000). */
export interface ListAssetsOptions extends ProjectOptions, PageOptions {}

/** Options of `moveAsset`. */
export interface MoveAssetOptions extends AssetOptions {
  /** The destination project. */
  newProjectId: Id;
}

/** A media asset. */
export interface Asset {
  assetId: number;
  fileName?: string;
  projectId?: number;
  metaData?: {
    /** e.g. `1920x1080`. */
    resolution?: string;
    /** Video length in milliseconds. */
    durationMs?: number;
    /** File size in bytes. */
    size?: number;
    format?: "mp4" | "mkv" | "mov" | "webm" | "png" | "jpg" | "heic" | (string & {});
    [field: string]: unknown;
  };
  /** The object's full name in the bucket. */
  key?: string;
  /** The creator (spelt `createUserName` by this operation). */
  createUserName?: string;
  [field: string]: unknown;
}

/** One page of `listAssets`. */
export type AssetPage = Page<Asset>;

/** The import states; `COMPLETED` and the three failures are final. */
export type AssetImportState = "IN_PROGRESS" | "COMPLETED" | "FAILED" | "FILE_NOT_EXIST" | "INVALID_METADATA";

/** What `getAssetImportStatus` and `waitForAssetImport` resolve. */
export interface AssetImportStatus {
  assetId?: number;
  uploadStatus: AssetImportState;
  /** Why, for a failure (e.g. an unsupported resolution). */
  uploadResult?: string;
  [field: string]: unknown;
}

/** Options of `requestIndex` (video-only options are refused by the API for an image). */
export interface RequestIndexOptions extends AssetOptions {
  /** How finely scenes are cut; not with min/maxSceneDurationSec. */
  sceneRange?: "EXTRA_SHORT" | "SHORT" | "MEDIUM" | "LONG";
  /** Scene length bounds in seconds: both or neither, min <= max. */
  minSceneDurationSec?: number;
  maxSceneDurationSec?: number;
  /** 0 to 10 persons to analyse (0: none, faster). */
  analysisPersonCount?: number;
  /** 1 to 30 person tag ids whose persons to look for. */
  tagIdList?: Id[];
  sourceLanguage?: "ENKO" | "EN" | "KO" | "JA" | "ZH-CN" | "ZH-TW";
  /** Detect applause, laughter and background music (video). */
  detectAudioEffects?: boolean;
}

/** The analysis states; `ANALYZE_COMPLETED`, `ANALYZE_FAIL` and `ANALYZE_CANCEL` are final. */
export type IndexState = "BEFORE_ANALYZE" | "WAIT_ANALYZE" | "ANALYZING" | "ANALYZE_COMPLETED" | "ANALYZE_FAIL" | "ANALYZE_CANCEL";

/** What `getIndexStatus` and `waitForIndex` resolve. */
export interface IndexStatus {
  status: IndexState;
  /** Why, for a failure. */
  analyzeStatusMessage?: string;
  [field: string]: unknown;
}

/** Options of `getIndex`. */
export interface GetIndexOptions extends AssetOptions {
  /** LOW (more keywords), MEDIUM (the API's default) or HIGH (more accurate keywords). */
  confidenceLevel?: "LOW" | "MEDIUM" | "HIGH";
}

/** The asset's latest index, as the API sends it: its JSON shape is not shown in the docs (scenes,
 *  shots, persons, keywords, objects, actions, script and captions arrive as members of their own). */
export interface Index {
  type?: "VIDEO" | "IMAGE" | (string & {});
  createdTime?: string;
  createdUserName?: string;
  [field: string]: unknown;
}

/** Options of `requestSceneSummary`. */
export interface RequestSceneSummaryOptions extends AssetOptions {
  /** The summary language (e.g. `ko`, `en`, `ja`), on a full run only. */
  locale?: string;
  /** Scenes to summarise again (not shown in the API pages); absent: every scene. */
  sceneNumbers?: number[];
}

/** The scene summary states; the last three are final. */
export type SceneSummaryState = "BEFORE_SUMMARIZE" | "WAIT_SUMMARIZE" | "SUMMARIZING" | "SUMMARIZE_COMPLETED" | "SUMMARIZE_FAIL" | "SUMMARIZE_CANCELED";

/** What `getSceneSummaryStatus` and `waitForSceneSummary` resolve. */
export interface SceneSummaryStatus {
  status: SceneSummaryState;
  [field: string]: unknown;
}

/** The latest scene summary, as the API sends it (its shape is not shown in the docs). */
export interface SceneSummary {
  [field: string]: unknown;
}
"#;
