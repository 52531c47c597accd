//! What a secretariat submits (a form, a JSON body or a CSV row), and the checks that turn it into a valid input.
//! Every path into the registry goes through these functions, so forms, the API and imports accept the same things.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use utoipa::ToSchema;

use crate::platform::db::Db;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;
use crate::registry::model::{Body, BodyKind, Level, Position};
use crate::registry::{reference, store};

const NAME_MAX: usize = 200;

/// The registry's ids and codes that inputs may refer to, loaded once per request or import.
pub struct Refs {
    pub regions: HashSet<String>,
    pub groups: HashSet<String>,
    /// Bodies that may be chosen (not archived).
    pub bodies: HashMap<i64, Body>,
    /// The parent of every body, archived ones included, to walk up the tree.
    pub parents: HashMap<i64, Option<i64>>,
    pub associations: HashSet<i64>,
}

impl Refs {
    pub async fn load(db: &Db) -> sqlx::Result<Refs> {
        let regions = reference::regions().iter().map(|r| r.code.clone()).collect();
        let groups = reference::ethnic_groups().map(|g| g.slug.clone()).collect();
        let all = store::bodies(db, true).await?;
        let parents = all.iter().map(|b| (b.id, b.parent_id)).collect();
        let bodies = all.into_iter().filter(|b| b.archived_at.is_none()).map(|b| (b.id, b)).collect();
        let associations = store::association_ids(db).await?.into_iter().collect();
        Ok(Refs { regions, groups, bodies, parents, associations })
    }
}

fn optional_id(field: &'static str, value: &str) -> Result<Option<i64>, FieldError> {
    if value.trim().is_empty() { Ok(None) } else { validate::integer(field, value, 1..=i64::MAX).map(Some) }
}

// ---- associations ---------------------------------------------------------------------------------------------

/// An association as typed into the form or a CSV row (`groups` separated by `;` in CSV).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AssociationFields {
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub region_code: String,
    #[serde(default)]
    pub name_kk: String,
    #[serde(default)]
    pub name_ru: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub founded_year: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub groups: Vec<String>,
}

/// An association sent to the API.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssociationDraft {
    /// `republican` or `regional`.
    #[schema(pattern = "^(republican|regional)$")]
    pub level: String,
    /// Required for regional associations, absent for republican ones.
    #[schema(pattern = "^KZ-[0-9]{2}$")]
    pub region_code: Option<String>,
    #[schema(min_length = 2, max_length = 200)]
    pub name_kk: String,
    #[schema(min_length = 2, max_length = 200)]
    pub name_ru: String,
    #[schema(min_length = 2, max_length = 200)]
    pub name_en: String,
    /// From 1900 to the current year.
    #[schema(minimum = 1900)]
    pub founded_year: Option<i64>,
    /// An `http://` or `https://` address.
    #[schema(max_length = 200, pattern = "^https?://")]
    pub website: Option<String>,
    /// Slugs of the ethnic groups represented (at least one).
    #[schema(min_items = 1)]
    pub groups: Vec<String>,
}

impl From<AssociationDraft> for AssociationFields {
    fn from(d: AssociationDraft) -> AssociationFields {
        AssociationFields {
            level: d.level,
            region_code: d.region_code.unwrap_or_default(),
            name_kk: d.name_kk,
            name_ru: d.name_ru,
            name_en: d.name_en,
            founded_year: d.founded_year.map(|y| y.to_string()).unwrap_or_default(),
            website: d.website.unwrap_or_default(),
            groups: d.groups,
        }
    }
}

/// A checked association, ready to store.
#[derive(Clone, Debug, Default)]
pub struct AssociationInput {
    pub level: Level,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub founded_year: Option<i64>,
    pub website: Option<String>,
    pub groups: Vec<String>,
}

pub fn check_association(fields: &AssociationFields, refs: &Refs) -> Result<AssociationInput, Vec<FieldError>> {
    let mut checks = Checks::default();
    let level =
        checks.take(Level::from_code(fields.level.trim()).ok_or(FieldError::new("level", "field-invalid-choice")));
    let region = fields.region_code.trim();
    let region_code = match level {
        Level::Regional if region.is_empty() => {
            checks.push(FieldError::new("region_code", "field-region-required"));
            None
        }
        Level::Regional if !refs.regions.contains(region) => {
            checks.push(FieldError::new("region_code", "field-unknown-region"));
            None
        }
        Level::Regional => Some(region.to_owned()),
        Level::Republican => None,
    };
    let name_kk = checks.take(validate::line("name_kk", &fields.name_kk, 2, NAME_MAX));
    let name_ru = checks.take(validate::line("name_ru", &fields.name_ru, 2, NAME_MAX));
    let name_en = checks.take(validate::line("name_en", &fields.name_en, 2, NAME_MAX));
    let this_year = time::OffsetDateTime::now_utc().year() as i64;
    let founded_year = if fields.founded_year.trim().is_empty() {
        None
    } else {
        Some(checks.take(validate::integer("founded_year", &fields.founded_year, 1900..=this_year)))
    };
    let website = checks.take(validate::website("website", &fields.website));
    let mut groups: Vec<String> = fields
        .groups
        .iter()
        .flat_map(|g| g.split(';'))
        .map(|g| g.trim().to_owned())
        .filter(|g| !g.is_empty())
        .collect();
    groups.sort();
    groups.dedup();
    if groups.is_empty() {
        checks.push(FieldError::new("groups", "field-groups-required"));
    } else if groups.len() > 20 {
        checks.push(FieldError::new("groups", "field-too-many").with("max", 20));
    } else if groups.iter().any(|g| !refs.groups.contains(g)) {
        checks.push(FieldError::new("groups", "field-unknown-group"));
    }
    checks.finish(AssociationInput { level, region_code, name_kk, name_ru, name_en, founded_year, website, groups })
}

// ---- bodies ---------------------------------------------------------------------------------------------------

#[derive(Clone, Debug, Default, Deserialize)]
pub struct BodyFields {
    #[serde(default)]
    pub parent_id: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub region_code: String,
    #[serde(default)]
    pub name_kk: String,
    #[serde(default)]
    pub name_ru: String,
    #[serde(default)]
    pub name_en: String,
}

/// A body sent to the API.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyDraft {
    #[schema(minimum = 1)]
    pub parent_id: Option<i64>,
    /// One of the body kinds, e.g. `public_consent_council`.
    #[schema(
        pattern = "^(national_session|council|regional_assembly|public_consent_council|mothers_council|ethnomediation_council|scientific_expert_council|thematic_council)$"
    )]
    pub kind: String,
    #[schema(pattern = "^KZ-[0-9]{2}$")]
    pub region_code: Option<String>,
    #[schema(min_length = 2, max_length = 200)]
    pub name_kk: String,
    #[schema(min_length = 2, max_length = 200)]
    pub name_ru: String,
    #[schema(min_length = 2, max_length = 200)]
    pub name_en: String,
}

impl From<BodyDraft> for BodyFields {
    fn from(d: BodyDraft) -> BodyFields {
        BodyFields {
            parent_id: d.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            kind: d.kind,
            region_code: d.region_code.unwrap_or_default(),
            name_kk: d.name_kk,
            name_ru: d.name_ru,
            name_en: d.name_en,
        }
    }
}

#[derive(Clone, Debug)]
pub struct BodyInput {
    pub parent_id: Option<i64>,
    pub kind: BodyKind,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
}

/// Checks a body; `editing` is the body being edited, which may not become its own ancestor.
pub fn check_body(fields: &BodyFields, refs: &Refs, editing: Option<i64>) -> Result<BodyInput, Vec<FieldError>> {
    let mut checks = Checks::default();
    let parent_id = checks.take(optional_id("parent_id", &fields.parent_id));
    if let Some(parent) = parent_id {
        if !refs.bodies.contains_key(&parent) {
            checks.push(FieldError::new("parent_id", "field-unknown-body"));
        } else if editing.is_some_and(|id| is_self_or_descendant(refs, parent, id)) {
            checks.push(FieldError::new("parent_id", "field-parent-cycle"));
        }
    }
    let kind = BodyKind::from_code(fields.kind.trim());
    if kind.is_none() {
        checks.push(FieldError::new("kind", "field-invalid-choice"));
    }
    let region = fields.region_code.trim();
    let region_code = if region.is_empty() {
        None
    } else if refs.regions.contains(region) {
        Some(region.to_owned())
    } else {
        checks.push(FieldError::new("region_code", "field-unknown-region"));
        None
    };
    // A body under a regional body belongs to the same region: the tree and the map agree.
    let parent_region = parent_id.and_then(|p| refs.bodies.get(&p)).and_then(|p| p.region_code.clone());
    if parent_region.is_some() && region_code.is_some() && parent_region != region_code {
        checks.push(FieldError::new("region_code", "field-region-of-parent"));
    }
    let region_code = region_code.or(parent_region);
    let name_kk = checks.take(validate::line("name_kk", &fields.name_kk, 2, NAME_MAX));
    let name_ru = checks.take(validate::line("name_ru", &fields.name_ru, 2, NAME_MAX));
    let name_en = checks.take(validate::line("name_en", &fields.name_en, 2, NAME_MAX));
    match kind {
        Some(kind) => checks.finish(BodyInput { parent_id, kind, region_code, name_kk, name_ru, name_en }),
        None => Err(checks.errors),
    }
}

/// True when `candidate` is `body` or lies under it (walking up from `candidate`).
fn is_self_or_descendant(refs: &Refs, candidate: i64, body: i64) -> bool {
    let mut current = Some(candidate);
    let mut steps = 0;
    while let Some(id) = current {
        if id == body {
            return true;
        }
        steps += 1;
        if steps > 64 {
            return true;
        }
        current = refs.parents.get(&id).copied().flatten();
    }
    false
}

// ---- memberships ----------------------------------------------------------------------------------------------

#[derive(Clone, Debug, Default, Deserialize)]
pub struct MembershipFields {
    #[serde(default)]
    pub body_id: String,
    #[serde(default)]
    pub person_id: String,
    #[serde(default)]
    pub person_name: String,
    #[serde(default)]
    pub association_id: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub term_start: String,
    #[serde(default)]
    pub term_end: String,
}

/// A membership sent to the API: a new person by `person_name`, or an existing one by `person_id`.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MembershipDraft {
    #[schema(minimum = 1)]
    pub body_id: i64,
    #[schema(minimum = 1)]
    pub person_id: Option<i64>,
    #[schema(min_length = 3, max_length = 200)]
    pub person_name: String,
    #[schema(minimum = 1)]
    pub association_id: Option<i64>,
    /// `chair`, `deputy_chair`, `secretary` or `member`.
    #[schema(pattern = "^(chair|deputy_chair|secretary|member)$")]
    pub position: String,
    /// ISO date.
    #[schema(pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub term_start: String,
    /// ISO date, not before `term_start`.
    #[schema(pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub term_end: Option<String>,
}

impl From<MembershipDraft> for MembershipFields {
    fn from(d: MembershipDraft) -> MembershipFields {
        MembershipFields {
            body_id: d.body_id.to_string(),
            person_id: d.person_id.map(|p| p.to_string()).unwrap_or_default(),
            person_name: d.person_name,
            association_id: d.association_id.map(|a| a.to_string()).unwrap_or_default(),
            position: d.position,
            term_start: d.term_start,
            term_end: d.term_end.unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct MembershipInput {
    pub body_id: i64,
    pub person_id: Option<i64>,
    pub person_name: String,
    pub association_id: Option<i64>,
    pub position: Position,
    pub term_start: String,
    pub term_end: Option<String>,
}

pub fn check_membership(
    fields: &MembershipFields,
    refs: &Refs,
    persons: &HashSet<i64>,
) -> Result<MembershipInput, Vec<FieldError>> {
    let mut checks = Checks::default();
    let body_id = checks.take(validate::integer("body_id", &fields.body_id, 1..=i64::MAX));
    if body_id != 0 && !refs.bodies.contains_key(&body_id) {
        checks.push(FieldError::new("body_id", "field-unknown-body"));
    }
    let person_id = checks.take(optional_id("person_id", &fields.person_id));
    if person_id.is_some_and(|p| !persons.contains(&p)) {
        checks.push(FieldError::new("person_id", "field-unknown-person"));
    }
    let person_name = checks.take(validate::line("person_name", &fields.person_name, 3, NAME_MAX));
    let association_id = checks.take(optional_id("association_id", &fields.association_id));
    if association_id.is_some_and(|a| !refs.associations.contains(&a)) {
        checks.push(FieldError::new("association_id", "field-unknown-association"));
    }
    let position = Position::from_code(fields.position.trim());
    if position.is_none() {
        checks.push(FieldError::new("position", "field-invalid-choice"));
    }
    let term_start = checks.take(validate::date("term_start", &fields.term_start));
    let term_end = if fields.term_end.trim().is_empty() {
        None
    } else {
        Some(checks.take(validate::date("term_end", &fields.term_end)))
    };
    if let Some(end) = &term_end
        && !term_start.is_empty()
        && !end.is_empty()
        && end < &term_start
    {
        checks.push(FieldError::new("term_end", "field-term-end-before-start"));
    }
    match position {
        Some(position) => checks.finish(MembershipInput {
            body_id,
            person_id,
            person_name,
            association_id,
            position,
            term_start,
            term_end,
        }),
        None => Err(checks.errors),
    }
}
