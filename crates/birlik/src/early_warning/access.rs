//! Who sees and acts on what in early warning. Bodies give authority over regions: a body with a region covers
//! that region, a national body (no region) covers all. Verifiers are named per body by its secretariat; the
//! secretariat of a body covering a region may verify its signals too. The public sees weekly aggregates only.

use super::store::{self, Regions};
use crate::platform::db::Db;
use crate::platform::identity::{SessionUser, authz};
use crate::registry::model::{Body, BodyKind};

/// The regions the bodies `ids` cover together.
async fn covered(db: &Db, ids: &[i64]) -> sqlx::Result<Regions> {
    let mut codes = Vec::new();
    for id in ids {
        let Some(body) = crate::registry::store::body(db, *id).await?.filter(|b| b.archived_at.is_none()) else {
            continue;
        };
        match body.region_code {
            None => return Ok(Regions::All),
            Some(code) => codes.push(code),
        }
    }
    codes.sort();
    codes.dedup();
    Ok(Regions::Only(codes))
}

/// The regions whose signals `user` sees and verifies: an admin's all, a verifier's and a secretariat's those
/// their bodies cover.
pub async fn verifiable(db: &Db, user: &SessionUser) -> sqlx::Result<Regions> {
    if user.roles.is_admin() {
        return Ok(Regions::All);
    }
    let mut bodies = store::verifier_bodies(db, user.id).await?;
    bodies.extend(authz::live_secretariats(db, user).await?);
    covered(db, &bodies).await
}

/// The ethnomediation councils `user` sits in now (through the person his account is linked to).
pub async fn councils_of(db: &Db, user: &SessionUser) -> sqlx::Result<Vec<Body>> {
    let Some(person) = crate::platform::identity::store::person_of(db, user.id).await? else { return Ok(Vec::new()) };
    let filter =
        crate::registry::store::MembershipFilter { person: Some(person), per_page: Some(500), ..Default::default() };
    let mut out: Vec<Body> = Vec::new();
    // A seat is live until archived, as meetings count it.
    for seat in crate::registry::store::memberships(db, &filter).await?.0 {
        if out.iter().any(|b| b.id == seat.body_id) {
            continue;
        }
        if let Some(body) = crate::registry::store::body(db, seat.body_id).await?
            && body.kind == BodyKind::EthnomediationCouncil
            && body.archived_at.is_none()
        {
            out.push(body);
        }
    }
    Ok(out)
}

/// The regions whose alerts `user` owns: those he verifies, and those his ethnomediation councils cover.
pub async fn alert_regions(db: &Db, user: &SessionUser) -> sqlx::Result<Regions> {
    let verifiable = verifiable(db, user).await?;
    let councils: Vec<i64> = councils_of(db, user).await?.iter().map(|b| b.id).collect();
    Ok(match (verifiable, covered(db, &councils).await?) {
        (Regions::All, _) | (_, Regions::All) => Regions::All,
        (Regions::Only(mut a), Regions::Only(b)) => {
            a.extend(b);
            a.sort();
            a.dedup();
            Regions::Only(a)
        }
    })
}

/// May `user` enter a report for someone else (a walk-in or a telephone call)? Those who work for a body: its
/// secretariat, its members, verifiers and ethnomediators.
pub async fn may_proxy(db: &Db, user: &SessionUser) -> sqlx::Result<bool> {
    use crate::platform::identity::Role;
    if user.roles.0.iter().any(|r| matches!(r, Role::Admin | Role::Secretariat { .. } | Role::Member { .. })) {
        return Ok(true);
    }
    Ok(!store::verifier_bodies(db, user.id).await?.is_empty() || !councils_of(db, user).await?.is_empty())
}

/// The bodies that own a region's alerts: its regional assembly and the ethnomediation councils covering it.
pub async fn owners(db: &Db, region: &str) -> sqlx::Result<Vec<Body>> {
    Ok(crate::registry::store::bodies(db, false)
        .await?
        .into_iter()
        .filter(|b| match b.kind {
            BodyKind::RegionalAssembly => b.region_code.as_deref() == Some(region),
            BodyKind::EthnomediationCouncil => b.region_code.as_deref().is_none_or(|r| r == region),
            _ => false,
        })
        .collect())
}

/// The national bodies an unacknowledged alert escalates to: the session and the Council of the Assembly.
pub async fn national(db: &Db) -> sqlx::Result<Vec<Body>> {
    Ok(crate::registry::store::bodies(db, false)
        .await?
        .into_iter()
        .filter(|b| matches!(b.kind, BodyKind::NationalSession | BodyKind::Council))
        .collect())
}
