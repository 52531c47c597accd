//! Published rebuttals of false rumours as a kind of the moderation facility (`platform::moderation`): the public
//! text early warning publishes. Their body is the region's assembly; they are the assembly's words, with no
//! personal author (so no statement of reasons goes to a person); hiding one takes it off the public page.

use crate::platform::Platform;
use crate::platform::moderation::{Item, Kind, Visibility};
use crate::platform::web::AppError;
use crate::registry::model::BodyKind;

use super::{access, store};

pub fn rebuttal() -> Kind {
    Kind { find, apply, edit: None }
}

fn find(state: &Platform, id: i64) -> crate::platform::moderation::Found<'_> {
    Box::pin(async move {
        let Some(s) = store::get(&state.db, id).await? else { return Ok(None) };
        if s.rebutted_at.is_none() {
            return Ok(None);
        }
        let owners = access::owners(&state.db, &s.region_code).await?;
        let Some(assembly) = owners.iter().find(|b| b.kind == BodyKind::RegionalAssembly).or(owners.first()) else {
            return Ok(None);
        };
        let text =
            [&s.rebuttal.kk, &s.rebuttal.ru, &s.rebuttal.en].into_iter().flatten().next().cloned().unwrap_or_default();
        Ok(Some(Item {
            body_id: assembly.id,
            author_id: None,
            excerpt: text.chars().take(300).collect(),
            text,
            link: "/early-warning/rebuttals".to_owned(),
            audience: 0,
        }))
    })
}

fn apply<'a>(
    state: &'a Platform,
    id: i64,
    visibility: Visibility,
    actor: Option<i64>,
    reason: &'a str,
) -> crate::platform::moderation::Applied<'a> {
    Box::pin(async move {
        store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
        Ok(store::set_rebuttal_hidden(&state.db, actor, id, visibility == Visibility::Hidden, reason).await?)
    })
}
