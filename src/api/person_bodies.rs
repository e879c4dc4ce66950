//! The person DB's request bodies and their rules (names, descriptions, thumbnails, id lists, search
//! options). Plain types read with serde; the operations that take them are in `persons`.

use serde::{Deserialize, Serialize};

use crate::api::types::Id;
use crate::api::Checked;
use crate::core::error::Error;
use crate::core::validate;

/// A thumbnail to attach: an uploaded thumbnail's key, and whether it is the primary one.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewThumbnail {
    pub thumbnail_key: String,
    pub is_primary_thumbnail: bool,
}

fn thumbnails(list: &[NewThumbnail], field: &'static str, exactly_one_primary: bool) -> Result<(), Error> {
    if list.is_empty() || list.len() > 100 {
        return Err(Error::validation(field, "must hold 1 to 100 thumbnails"));
    }
    if let Some(i) = list.iter().position(|t| t.thumbnail_key.is_empty()) {
        return Err(Error::validation(&format!("{field}[{i}].thumbnailKey"), "must be an uploaded thumbnail's key"));
    }
    let primaries = list.iter().filter(|t| t.is_primary_thumbnail).count();
    if exactly_one_primary && primaries != 1 {
        return Err(Error::validation(field, "must have exactly one primary thumbnail (isPrimaryThumbnail: true)"));
    }
    Ok(())
}

fn name(value: Option<&String>) -> Result<(), Error> {
    value.map_or(Ok(()), |n| validate::free_text("name", n, 1, 50))
}

fn description(value: Option<&String>) -> Result<(), Error> {
    match value {
        Some(d) if d.chars().count() > 700 || d.is_empty() => Err(Error::validation("description", "must be 1 to 700 characters")),
        _ => Ok(()),
    }
}

fn ids(field: &'static str, list: &[Id], max: usize) -> Result<(), Error> {
    if list.is_empty() || list.len() > max {
        return Err(Error::validation(field, &format!("must be an array of 1 to {max} ids")));
    }
    Ok(())
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePerson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub thumbnails: Vec<NewThumbnail>,
}

impl Checked for CreatePerson {
    fn check(&self) -> Result<(), Error> {
        name(self.name.as_ref())?;
        description(self.description.as_ref())?;
        thumbnails(&self.thumbnails, "thumbnails", true)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdatePerson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_thumbnail_id: Option<Id>,
}

impl Checked for UpdatePerson {
    fn check(&self) -> Result<(), Error> {
        name(self.name.as_ref())?;
        description(self.description.as_ref())
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchPersons {
    #[serde(default = "first_page")]
    pub page_num: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_ids: Option<Vec<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_ids: Option<Vec<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_column: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_type: Option<String>,
}

fn first_page() -> u32 {
    1
}

impl Checked for SearchPersons {
    fn check(&self) -> Result<(), Error> {
        if self.page_num == 0 {
            return Err(Error::validation("pageNum", "must be a whole number from 1"));
        }
        if self.page_size.is_some_and(|n| !(1..=50).contains(&n)) {
            return Err(Error::validation("pageSize", "must be a whole number from 1 to 50"));
        }
        if let Some(n) = &self.name {
            validate::free_text("name", n, 2, 50)?;
        }
        validate::one_of("nameType", self.name_type.as_deref(), &["NAMED", "ANONYMOUS"])?;
        validate::one_of("sortColumn", self.sort_column.as_deref(), &["ASSET_COUNT", "CREATED_AT", "PERSON_ID", "NAME"])?;
        validate::one_of("sortType", self.sort_type.as_deref(), &["ASC", "DESC"])
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonIds {
    pub person_ids: Vec<Id>,
}

impl Checked for PersonIds {
    fn check(&self) -> Result<(), Error> {
        ids("personIds", &self.person_ids, 10)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommend {
    pub thumbnail_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_threshold: Option<u32>,
}

impl Checked for Recommend {
    fn check(&self) -> Result<(), Error> {
        validate::non_empty("thumbnailKey", &self.thumbnail_key)?;
        if self.person_count.is_some_and(|n| !(1..=10).contains(&n)) {
            return Err(Error::validation("personCount", "must be a whole number from 1 to 10"));
        }
        if self.score_threshold.is_some_and(|n| !(80..=100).contains(&n)) {
            return Err(Error::validation("scoreThreshold", "must be a whole number from 80 to 100"));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TagIds {
    pub tag_ids: Vec<Id>,
}

impl Checked for TagIds {
    fn check(&self) -> Result<(), Error> {
        ids("tagIds", &self.tag_ids, 1000)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Thumbnails {
    pub thumbnails: Vec<NewThumbnail>,
}

impl Checked for Thumbnails {
    fn check(&self) -> Result<(), Error> {
        thumbnails(&self.thumbnails, "thumbnails", false)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThumbnailIds {
    pub thumbnail_ids: Vec<Id>,
}

impl Checked for ThumbnailIds {
    fn check(&self) -> Result<(), Error> {
        ids("thumbnailIds", &self.thumbnail_ids, 1000)
    }
}
