//! Who may read and act on a case: only its assigned mediators and the chair of its council — not an admin, not
//! the council's secretariat, not a mediator of another case. A case is opened by a member of the council or by
//! its secretariat (who then reads it only if he is among the mediators he assigns).

use super::model::CaseHead;
use crate::platform::db::Db;
use crate::platform::identity::{SessionUser, authz};
use crate::registry::model::{BodyKind, Position};
use crate::registry::store::MembershipFilter;

/// The person an account belongs to, if linked.
pub async fn person(db: &Db, user: &SessionUser) -> sqlx::Result<Option<i64>> {
    crate::platform::identity::store::person_of(db, user.id).await
}

/// The live seats of `person` (not archived, as meetings count them): (body, position).
async fn seats(db: &Db, person: i64) -> sqlx::Result<Vec<(i64, Position)>> {
    let filter = MembershipFilter { person: Some(person), per_page: Some(500), ..Default::default() };
    Ok(crate::registry::store::memberships(db, &filter).await?.0.into_iter().map(|m| (m.body_id, m.position)).collect())
}

/// The ethnomediation councils `person` chairs.
pub async fn chaired(db: &Db, person: Option<i64>) -> sqlx::Result<Vec<i64>> {
    let Some(person) = person else { return Ok(Vec::new()) };
    Ok(seats(db, person).await?.into_iter().filter(|(_, p)| *p == Position::Chair).map(|(b, _)| b).collect())
}

/// Is `person` seated in `council`?
pub async fn seated(db: &Db, person: Option<i64>, council: i64) -> sqlx::Result<bool> {
    let Some(person) = person else { return Ok(false) };
    Ok(seats(db, person).await?.iter().any(|(b, _)| *b == council))
}

/// May `user` read case `head`?
pub async fn may_read(db: &Db, user: &SessionUser, head: &CaseHead) -> sqlx::Result<bool> {
    let Some(person) = person(db, user).await? else { return Ok(false) };
    if super::store::mediators(db, head.id).await?.iter().any(|(p, _)| *p == person) {
        return Ok(true);
    }
    Ok(chaired(db, Some(person)).await?.contains(&head.council_id))
}

/// Is `user` the chair of the case's council (who sees who read it)?
pub async fn is_chair(db: &Db, user: &SessionUser, head: &CaseHead) -> sqlx::Result<bool> {
    Ok(chaired(db, person(db, user).await?).await?.contains(&head.council_id))
}

/// The ethnomediation councils `user` may open cases in: those he sits in, and those his secretariat runs.
pub async fn councils_to_open(db: &Db, user: &SessionUser) -> sqlx::Result<Vec<crate::registry::model::Body>> {
    let mine = person(db, user).await?;
    let mut out = Vec::new();
    for body in crate::registry::store::bodies(db, false).await? {
        if body.kind != BodyKind::EthnomediationCouncil {
            continue;
        }
        if seated(db, mine, body.id).await? || authz::manage_body(db, user, body.id).await.is_ok() {
            out.push(body);
        }
    }
    Ok(out)
}

/// The mediators a council may assign: its seated members, (person id, name).
pub async fn council_members(db: &Db, council: i64) -> sqlx::Result<Vec<(i64, String)>> {
    let filter = MembershipFilter { body: Some(council), per_page: Some(500), ..Default::default() };
    let mut out: Vec<(i64, String)> = crate::registry::store::memberships(db, &filter)
        .await?
        .0
        .into_iter()
        .map(|m| (m.person_id, m.person_name))
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}
