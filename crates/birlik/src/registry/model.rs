//! The registry in the Assembly's words: regions, ethnic groups, bodies, associations, persons, memberships.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::{Lang, Localized};

macro_rules! localized {
    ($($ty:ty),*) => {$(
        impl Localized for $ty {
            fn name_kk(&self) -> &str { &self.name_kk }
            fn name_ru(&self) -> &str { &self.name_ru }
            fn name_en(&self) -> &str { &self.name_en }
        }
    )*};
}
localized!(Region, EthnicGroup, Body, Association);

/// A region or city of republican significance (ISO 3166-2:KZ, borders since 2022).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Region {
    /// ISO 3166-2 code, e.g. `KZ-75`.
    pub code: String,
    /// `region` or `city`.
    pub kind: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub centre_kk: Option<String>,
    pub centre_ru: Option<String>,
    pub centre_en: Option<String>,
}

/// An ethnic group with its census figure where known.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct EthnicGroup {
    pub slug: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    /// 2021 census count, when the source gives it.
    pub census_2021: Option<i64>,
    /// Bureau of National Statistics estimate for 2025, when known.
    pub estimate_2025: Option<i64>,
}

impl EthnicGroup {
    /// The best known population figure: the census, else the latest estimate.
    pub fn population(&self) -> Option<i64> {
        self.census_2021.or(self.estimate_2025)
    }
}

/// The kinds of bodies of the Assembly, from the national session down to district councils. Stored as its code;
/// a stored value that is none of these is a decoding error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum BodyKind {
    NationalSession,
    Council,
    RegionalAssembly,
    PublicConsentCouncil,
    MothersCouncil,
    EthnomediationCouncil,
    ScientificExpertCouncil,
    ThematicCouncil,
}

impl BodyKind {
    pub const ALL: [BodyKind; 8] = [
        BodyKind::NationalSession,
        BodyKind::Council,
        BodyKind::RegionalAssembly,
        BodyKind::PublicConsentCouncil,
        BodyKind::MothersCouncil,
        BodyKind::EthnomediationCouncil,
        BodyKind::ScientificExpertCouncil,
        BodyKind::ThematicCouncil,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::NationalSession => "national_session",
            BodyKind::Council => "council",
            BodyKind::RegionalAssembly => "regional_assembly",
            BodyKind::PublicConsentCouncil => "public_consent_council",
            BodyKind::MothersCouncil => "mothers_council",
            BodyKind::EthnomediationCouncil => "ethnomediation_council",
            BodyKind::ScientificExpertCouncil => "scientific_expert_council",
            BodyKind::ThematicCouncil => "thematic_council",
        }
    }

    pub fn from_code(code: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The message key of the kind's name.
    pub fn label_key(self) -> String {
        format!("body-kind-{}", self.code().replace('_', "-"))
    }
}

/// A body of the Assembly: a session, a council, a regional assembly, a district council.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Body {
    pub id: i64,
    /// The body this one stands under; `null` for the national bodies.
    pub parent_id: Option<i64>,
    /// One of the body kinds, e.g. `regional_assembly`.
    pub kind: BodyKind,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub archived_at: Option<String>,
}

impl Body {
    pub fn kind_label(&self, lang: Lang) -> String {
        lang.t(&self.kind.label_key())
    }
}

/// Whether an association works across the republic or in one region (most are regional).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum Level {
    Republican,
    #[default]
    Regional,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Republican => "republican",
            Level::Regional => "regional",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        match code {
            "republican" => Some(Level::Republican),
            "regional" => Some(Level::Regional),
            _ => None,
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An ethnocultural association and the groups it represents.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Association {
    pub id: i64,
    pub level: Level,
    /// The region of a regional association; `null` for republican ones.
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub founded_year: Option<i64>,
    pub website: Option<String>,
    pub archived_at: Option<String>,
    /// Slugs of the ethnic groups the association represents.
    #[sqlx(skip)]
    pub groups: Vec<String>,
}

impl Association {
    pub fn level(&self) -> Level {
        self.level
    }
}

/// The positions a member holds in a body. Stored as its code; a stored value that is none of these is a decoding
/// error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Position {
    Chair,
    DeputyChair,
    Secretary,
    Member,
}

impl Position {
    pub const ALL: [Position; 4] = [Position::Chair, Position::DeputyChair, Position::Secretary, Position::Member];

    pub fn code(self) -> &'static str {
        match self {
            Position::Chair => "chair",
            Position::DeputyChair => "deputy_chair",
            Position::Secretary => "secretary",
            Position::Member => "member",
        }
    }

    pub fn from_code(code: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("position-{}", self.code().replace('_', "-"))
    }
}

/// A person's seat in a body: position and term, and the association he represents.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Membership {
    pub id: i64,
    pub body_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub association_id: Option<i64>,
    pub position: Position,
    /// ISO date, e.g. `2023-04-27`.
    pub term_start: String,
    pub term_end: Option<String>,
    pub archived_at: Option<String>,
}

impl Membership {
    pub fn position_label(&self, lang: Lang) -> String {
        lang.t(&self.position.label_key())
    }
}
