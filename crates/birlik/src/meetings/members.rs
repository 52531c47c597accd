//! Who sits in a body, read from the registry's public store: the members a meeting counts for its quorum, and
//! the names of everyone who ever sat there (a roll call keeps the names of members archived since).

use std::collections::HashMap;

use crate::platform::db::Db;
use crate::registry::model::Membership;
use crate::registry::store::{self as registry, MembershipFilter};

/// The seats of a body, live ones only or archived ones too, every page of them.
async fn seats(db: &Db, body: i64, include_archived: bool) -> sqlx::Result<Vec<Membership>> {
    let mut out = Vec::new();
    for page in 1.. {
        let filter = MembershipFilter {
            body: Some(body),
            page: Some(page),
            per_page: Some(500),
            include_archived,
            ..Default::default()
        };
        let (rows, total) = registry::memberships(db, &filter).await?;
        let done = rows.is_empty() || page * 500 >= total;
        out.extend(rows);
        if done {
            break;
        }
    }
    Ok(out)
}

/// The members of a body now (live seats), by person, with their names.
pub async fn seated(db: &Db, body: i64) -> sqlx::Result<HashMap<i64, String>> {
    Ok(seats(db, body, false).await?.into_iter().map(|m| (m.person_id, m.person_name)).collect())
}

/// Does `person` hold a live seat in `body`? (One person's seats, not the whole body's: a member's every check-in
/// and vote asks.)
pub async fn is_seated(db: &Db, body: i64, person: i64) -> sqlx::Result<bool> {
    let filter = MembershipFilter { body: Some(body), person: Some(person), per_page: Some(50), ..Default::default() };
    Ok(!registry::memberships(db, &filter).await?.0.is_empty())
}

/// The names of everyone who sat in a body, archived seats included.
pub async fn names(db: &Db, body: i64) -> sqlx::Result<HashMap<i64, String>> {
    Ok(seats(db, body, true).await?.into_iter().map(|m| (m.person_id, m.person_name)).collect())
}

/// Of those registered present, how many are members of the body now.
pub fn present_members(seated: &HashMap<i64, String>, attendance: &[(i64, bool, bool)]) -> i64 {
    let n = attendance.iter().filter(|(person, present, _)| *present && seated.contains_key(person)).count();
    i64::try_from(n).unwrap_or(i64::MAX)
}
