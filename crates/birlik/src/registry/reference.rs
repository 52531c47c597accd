//! The reference data that ships inside the binary: the 20 regions (ISO 3166-2:KZ, borders since 2022) and the
//! ethnic groups with their census figures. Sources and caveats are in `reference/*.NOTE.md`.
//!
//! It is immutable while the server runs: every start writes it to the database (for joins, foreign keys and
//! exports), and pages read this in-memory copy, which saves queries on every request.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::platform::db::Db;
use crate::registry::model::{EthnicGroup, Region};
use crate::registry::store;

const REGIONS_CSV: &str = include_str!("../../reference/regions.csv");
const GROUPS_CSV: &str = include_str!("../../reference/ethnic-groups.csv");

#[derive(Deserialize)]
struct RegionRow {
    iso_3166_2: String,
    #[serde(rename = "type")]
    kind: String,
    name_kk_cyrl: String,
    name_ru: String,
    name_en: String,
    centre_kk_cyrl: Option<String>,
    centre_ru: Option<String>,
    centre_en: Option<String>,
}

#[derive(Deserialize)]
struct GroupRow {
    slug: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    census_2021: Option<i64>,
    estimate_2025: Option<i64>,
    source_note: Option<String>,
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn parse_regions() -> anyhow::Result<Vec<Region>> {
    let mut reader = csv::Reader::from_reader(REGIONS_CSV.as_bytes());
    reader
        .deserialize::<RegionRow>()
        .map(|row| {
            let r = row?;
            Ok(Region {
                code: r.iso_3166_2,
                kind: r.kind,
                name_kk: r.name_kk_cyrl,
                name_ru: r.name_ru,
                name_en: r.name_en,
                centre_kk: nonempty(r.centre_kk_cyrl),
                centre_ru: nonempty(r.centre_ru),
                centre_en: nonempty(r.centre_en),
            })
        })
        .collect()
}

fn parse_ethnic_groups() -> anyhow::Result<Vec<(EthnicGroup, String)>> {
    let mut reader = csv::Reader::from_reader(GROUPS_CSV.as_bytes());
    reader
        .deserialize::<GroupRow>()
        .map(|row| {
            let g = row?;
            let group = EthnicGroup {
                slug: g.slug,
                name_kk: g.name_kk,
                name_ru: g.name_ru,
                name_en: g.name_en,
                census_2021: g.census_2021,
                estimate_2025: g.estimate_2025,
            };
            Ok((group, g.source_note.unwrap_or_default()))
        })
        .collect()
}

static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| parse_regions().expect("the shipped regions.csv is valid"));
static GROUPS: LazyLock<Vec<(EthnicGroup, String)>> =
    LazyLock::new(|| parse_ethnic_groups().expect("the shipped ethnic-groups.csv is valid"));

/// The regions, in ISO code order.
pub fn regions() -> &'static [Region] {
    &REGIONS
}

pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The ethnic groups, in census order.
pub fn ethnic_groups() -> impl Iterator<Item = &'static EthnicGroup> {
    GROUPS.iter().map(|(g, _)| g)
}

pub fn ethnic_group(slug: &str) -> Option<&'static EthnicGroup> {
    ethnic_groups().find(|g| g.slug == slug)
}

/// Loads (or refreshes) the reference data; run at every start, so corrections ship with upgrades.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    store::upsert_reference(db, regions(), &GROUPS).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn twenty_regions_with_iso_codes() {
        let regions = super::parse_regions().unwrap();
        assert_eq!(regions.len(), 20);
        assert!(regions.iter().all(|r| r.code.starts_with("KZ-") && r.code.len() == 5));
        assert_eq!(regions.iter().filter(|r| r.kind == "city").count(), 3);
    }

    #[test]
    fn groups_have_three_names_and_census_where_known() {
        let groups = super::parse_ethnic_groups().unwrap();
        assert!(groups.len() >= 18);
        let kazakhs = groups.iter().find(|(g, _)| g.slug == "kazakhs").unwrap();
        assert_eq!(kazakhs.0.census_2021, Some(13_497_891));
        assert!(groups.iter().all(|(g, _)| !g.name_kk.is_empty() && !g.name_ru.is_empty() && !g.name_en.is_empty()));
    }
}
