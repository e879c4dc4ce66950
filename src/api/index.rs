//! Analysis into the asset's index and scene summaries: request, cancel, status (polled by
//! `waitForIndex` and `waitForSceneSummary`), read and delete. Docs: mi-request-index, mi-cancel-index,
//! mi-index-status, mi-get-index, mi-delete-index, mi-request-scene-summary, mi-scene-summary-status,
//! mi-get-scene-summary-result, mi-cancel-scene-summary. Each asset keeps only its latest index.

use serde::{Deserialize, Serialize};

use crate::api::assets::ASSET;
use crate::api::projects::PROJECT;
use crate::api::types::{op, query, Id, WORKSPACE};
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::http::Method;
use crate::core::operation::{Operation, Param, Poll, Rule};
use crate::core::shape::{opt, req, Shape, Ty};
use crate::core::validate;

const IDS: &[Param] = &[WORKSPACE, PROJECT, ASSET];
const INDEX: &str = "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/index";
const SUMMARY: &str = "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/scene-summary";

/// `confidence_level` of `getIndex`.
pub const CONFIDENCE_LEVELS: &[&str] = &["LOW", "MEDIUM", "HIGH"];
/// `sceneRange` of `requestIndex`.
pub const SCENE_RANGES: &[&str] = &["EXTRA_SHORT", "SHORT", "MEDIUM", "LONG"];
/// `sourceLanguage` of `requestIndex`.
pub const SOURCE_LANGUAGES: &[&str] = &["ENKO", "EN", "KO", "JA", "ZH-CN", "ZH-TW"];

/// `POST .../index`: starts an analysis (409 while one runs).
pub static REQUEST_INDEX: Operation = Operation {
    body: Some(&REQUEST_INDEX_OPTIONS),
    ..op("requestIndex", Method::Post, INDEX, IDS, "mi-request-index", "Starts the analysis that builds the asset's index; poll getIndexStatus (or waitForIndex).")
};

/// `POST .../index/cancel`: only while waiting or analysing (else 409).
pub static CANCEL_INDEX: Operation = Operation {
    ..op("cancelIndex", Method::Post, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/index/cancel", IDS, "mi-cancel-index", "Cancels a waiting or running analysis.")
};

/// `GET .../index/status`.
pub static GET_INDEX_STATUS: Operation = Operation {
    result: &INDEX_STATUS,
    poll: Some(Poll {
        field: "status",
        message: Some("analyzeStatusMessage"),
        done: &["ANALYZE_COMPLETED"],
        failed: &[("ANALYZE_FAIL", "ANALYSIS_FAILED"), ("ANALYZE_CANCEL", "ANALYSIS_CANCELED")],
    }),
    ..op("getIndexStatus", Method::Get, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/index/status", IDS, "mi-index-status", "The analysis status: BEFORE_ANALYZE, WAIT_ANALYZE, ANALYZING, ANALYZE_COMPLETED, ANALYZE_FAIL or ANALYZE_CANCEL.")
};

/// `GET .../index?confidence_level=`: the latest index, once the analysis completed.
pub static GET_INDEX: Operation = Operation {
    result: &INDEX_SHAPE,
    ..op("getIndex", Method::Get, INDEX, &[WORKSPACE, PROJECT, ASSET, query("confidenceLevel", "confidence_level", Rule::OneOf(CONFIDENCE_LEVELS))], "mi-get-index", "The asset's latest index (persons, keywords, objects, actions, script, captions, shots and scenes).")
};

/// `DELETE .../index`: the latest index and what hangs off it (scene summaries).
pub static DELETE_INDEX: Operation = Operation {
    ..op("deleteIndex", Method::Delete, INDEX, IDS, "mi-delete-index", "Deletes the latest index and its scene summaries (not while an analysis runs).")
};

/// `POST .../scene-summary`: a full run, or a partial one over chosen scenes.
pub static REQUEST_SCENE_SUMMARY: Operation = Operation {
    body: Some(&SCENE_SUMMARY_OPTIONS),
    ..op("requestSceneSummary", Method::Post, SUMMARY, IDS, "mi-request-scene-summary", "Starts a scene summary of the latest index (the first run covers every scene).")
};

/// `GET .../scene-summary/status`.
pub static GET_SCENE_SUMMARY_STATUS: Operation = Operation {
    result: &SUMMARY_STATUS,
    poll: Some(Poll {
        field: "status",
        // The new page's fields after `status` were not shown: no message member is read.
        message: None,
        done: &["SUMMARIZE_COMPLETED"],
        failed: &[("SUMMARIZE_FAIL", "SUMMARY_FAILED"), ("SUMMARIZE_CANCELED", "SUMMARY_CANCELED")],
    }),
    ..op("getSceneSummaryStatus", Method::Get, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/scene-summary/status", IDS, "mi-scene-summary-status", "The scene summary status: BEFORE_SUMMARIZE, WAIT_SUMMARIZE, SUMMARIZING, SUMMARIZE_COMPLETED, SUMMARIZE_FAIL or SUMMARIZE_CANCELED.")
};

/// `GET .../scene-summary`: the latest summary (404 when none ever ran).
pub static GET_SCENE_SUMMARY: Operation = Operation {
    result: &SCENE_SUMMARY_SHAPE,
    ..op("getSceneSummary", Method::Get, SUMMARY, IDS, "mi-get-scene-summary-result", "The latest scene summary, once it completed.")
};

/// `POST .../scene-summary/cancel`: only while waiting or summarising (a cancelled run is not charged).
pub static CANCEL_SCENE_SUMMARY: Operation = Operation {
    ..op("cancelSceneSummary", Method::Post, "/api/v1/workspaces/{workspaceName}/projects/{projectId}/assets/{assetId}/scene-summary/cancel", IDS, "mi-cancel-scene-summary", "Cancels a waiting or running scene summary.")
};

/// The body of `requestIndex`: the names `sceneRange`, `minSceneDurationSec` and
/// `maxSceneDurationSec` are documented for this operation; the others follow the deprecated
/// request-analysis body (mi-request-analysis), as the docs of this one were cut short.
pub static REQUEST_INDEX_OPTIONS: Shape = Shape {
    name: "RequestIndexOptions",
    ty: Ty::Object(&[
        opt("sceneRange", Ty::Text),
        opt("minSceneDurationSec", Ty::Count),
        opt("maxSceneDurationSec", Ty::Count),
        opt("analysisPersonCount", Ty::Count),
        opt("tagIdList", Ty::List(&Ty::Id)),
        opt("sourceLanguage", Ty::Text),
        opt("detectAudioEffects", Ty::Bool),
    ]),
};

/// The body of `requestSceneSummary`: `locale` is documented; `sceneNumbers` (the scenes of a partial
/// run) is not shown in the docs and is the emulator's reading.
pub static SCENE_SUMMARY_OPTIONS: Shape = Shape {
    name: "RequestSceneSummaryOptions",
    ty: Ty::Object(&[opt("locale", Ty::Text), opt("sceneNumbers", Ty::List(&Ty::Count))]),
};

/// The analysis status (typed as the deprecated analyze-status: the new page's fields were not shown).
pub static INDEX_STATUS: Shape = Shape { name: "IndexStatus", ty: Ty::Object(&[req("status", Ty::Text), opt("analyzeStatusMessage", Ty::Text)]) };

/// The scene summary status.
pub static SUMMARY_STATUS: Shape = Shape { name: "SceneSummaryStatus", ty: Ty::Object(&[req("status", Ty::Text)]) };

/// The index: its JSON shape is not shown in the docs; the members of the deprecated index details
/// are typed, and the rest passes through as sent.
pub static INDEX_SHAPE: Shape = Shape {
    name: "Index",
    ty: Ty::Object(&[opt("type", Ty::Text), opt("createdTime", Ty::Text), opt("createdUserName", Ty::Text)]),
};

/// The scene summary result: not shown in the docs; passed through as sent.
pub static SCENE_SUMMARY_SHAPE: Shape = Shape { name: "SceneSummary", ty: Ty::Object(&[]) };

/// The body of `requestIndex`, with its rules.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestIndex {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_range: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_scene_duration_sec: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_scene_duration_sec: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_person_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_id_list: Option<Vec<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detect_audio_effects: Option<bool>,
}

impl Checked for RequestIndex {
    fn check(&self) -> Result<(), Error> {
        validate::one_of("sceneRange", self.scene_range.as_deref(), SCENE_RANGES)?;
        validate::one_of("sourceLanguage", self.source_language.as_deref(), SOURCE_LANGUAGES)?;
        match (self.scene_range.is_some(), self.min_scene_duration_sec, self.max_scene_duration_sec) {
            (true, Some(_), _) | (true, _, Some(_)) => {
                return Err(Error::validation("sceneRange", "cannot be combined with minSceneDurationSec/maxSceneDurationSec"))
            }
            (_, Some(_), None) | (_, None, Some(_)) => {
                return Err(Error::validation("minSceneDurationSec", "and maxSceneDurationSec must be given together"))
            }
            (_, Some(min), Some(max)) if min == 0 || min > max => {
                return Err(Error::validation("minSceneDurationSec", "must be a positive number of seconds, at most maxSceneDurationSec"))
            }
            _ => {}
        }
        if self.analysis_person_count.is_some_and(|n| n > 10) {
            return Err(Error::validation("analysisPersonCount", "must be a whole number from 0 to 10"));
        }
        if self.tag_id_list.as_ref().is_some_and(|tags| tags.is_empty() || tags.len() > 30) {
            return Err(Error::validation("tagIdList", "must be an array of 1 to 30 person tag ids"));
        }
        Ok(())
    }
}

/// The body of `requestSceneSummary`, with its rules.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestSceneSummary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_numbers: Option<Vec<u32>>,
}

impl Checked for RequestSceneSummary {
    fn check(&self) -> Result<(), Error> {
        if let Some(locale) = &self.locale {
            let ok = (2..=10).contains(&locale.len()) && locale.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
            if !ok {
                return Err(Error::validation("locale", "must be a language tag such as ko, en or ja"));
            }
        }
        if let Some(scenes) = &self.scene_numbers {
            let distinct = scenes.iter().enumerate().all(|(i, n)| !scenes.iter().take(i).any(|m| m == n));
            if scenes.is_empty() || scenes.contains(&0) || !distinct {
                return Err(Error::validation("sceneNumbers", "must be a non-empty array of distinct scene numbers (1 and up)"));
            }
        }
        Ok(())
    }
}
