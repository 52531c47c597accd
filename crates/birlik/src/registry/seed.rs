//! Loads the generated demo content (see [`super::demo`]) into an empty registry.

use std::collections::HashMap;

use crate::platform::db::Db;
use crate::registry::demo;
use crate::registry::input::{AssociationInput, BodyInput, MembershipInput};
use crate::registry::{reference, store};

/// Seeds the demo content unless the registry already has bodies; tells whether it seeded.
pub async fn load_demo(db: &Db) -> anyhow::Result<bool> {
    if !store::bodies(db, true).await?.is_empty() {
        return Ok(false);
    }
    let groups: Vec<_> = reference::ethnic_groups().cloned().collect();
    let data = demo::generate(reference::regions(), &groups);

    let mut body_ids: HashMap<String, i64> = HashMap::new();
    for b in &data.bodies {
        let parent_id = match &b.parent_key {
            Some(key) => Some(*body_ids.get(key).ok_or_else(|| anyhow::anyhow!("demo body parent {key} comes later"))?),
            None => None,
        };
        let input = BodyInput {
            parent_id,
            kind: b.kind,
            region_code: b.region_code.clone(),
            name_kk: b.name_kk.clone(),
            name_ru: b.name_ru.clone(),
            name_en: b.name_en.clone(),
        };
        body_ids.insert(b.key.clone(), store::create_body(db, None, &input).await?.id);
    }

    let inputs: Vec<AssociationInput> = data
        .associations
        .iter()
        .map(|a| AssociationInput {
            level: a.level,
            region_code: a.region_code.clone(),
            name_kk: a.name_kk.clone(),
            name_ru: a.name_ru.clone(),
            name_en: a.name_en.clone(),
            founded_year: a.founded_year,
            website: a.website.clone(),
            groups: a.groups.clone(),
        })
        .collect();
    let created = store::create_associations(db, None, &inputs).await?;
    let association_ids: HashMap<&str, i64> =
        data.associations.iter().zip(&created).map(|(a, row)| (a.key.as_str(), row.id)).collect();

    // The same full name is the same person (a regional deputy chair also sits in the national session):
    // first seats create the persons, later seats refer to them.
    let mut first_seats = Vec::new();
    let mut later_seats = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for m in &data.members {
        let input = MembershipInput {
            body_id: *body_ids.get(&m.body_key).ok_or_else(|| anyhow::anyhow!("demo member of unknown body"))?,
            person_id: None,
            person_name: m.full_name.clone(),
            association_id: m.association_key.as_deref().and_then(|k| association_ids.get(k).copied()),
            position: m.position,
            term_start: m.term_start.clone(),
            term_end: m.term_end.clone(),
        };
        if seen.insert(m.full_name.clone()) { first_seats.push(input) } else { later_seats.push(input) }
    }
    let persons: HashMap<String, i64> = store::create_memberships(db, None, &first_seats)
        .await?
        .into_iter()
        .map(|m| (m.person_name, m.person_id))
        .collect();
    for seat in &mut later_seats {
        seat.person_id = persons.get(&seat.person_name).copied();
    }
    store::create_memberships(db, None, &later_seats).await?;
    Ok(true)
}
