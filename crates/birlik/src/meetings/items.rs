//! An agenda item's own page: what the item is, who presents it, its consultation, and its documents — the
//! platform's documents of kind `agenda_item`, which the meeting's secretariat attaches there and anyone reads
//! (the agenda of the Assembly's bodies is public).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::{forms, store};
use crate::platform::Platform;
use crate::platform::files::{self, Attached, ItemKind};
use crate::platform::identity::SessionUser;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, PageCtx};

/// What the documents facility asks of agenda items.
pub fn document_access() -> files::ItemAccess {
    files::ItemAccess { may_read, may_attach, page: |id| format!("/agenda-items/{id}") }
}

fn may_read<'a>(state: &'a Platform, id: i64, _user: Option<&'a SessionUser>) -> files::Decision<'a> {
    Box::pin(async move { store::agenda_item(&state.db, id).await?.map(|_| true).ok_or(AppError::NotFound) })
}

fn may_attach<'a>(state: &'a Platform, id: i64, user: Option<&'a SessionUser>) -> files::Decision<'a> {
    Box::pin(async move {
        let item = store::agenda_item(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let meeting = store::meeting(&state.db, item.meeting_id).await?.ok_or(AppError::NotFound)?;
        match user {
            Some(user) => forms::runs(state, user, meeting.body_id).await,
            None => Ok(false),
        }
    })
}

#[derive(Template)]
#[template(path = "meetings/templates/agenda_item.html")]
struct ItemPage {
    ctx: PageCtx,
    meeting: i64,
    meeting_heading: String,
    position: i64,
    title: String,
    presenter: Option<String>,
    consultation: Option<i64>,
    documents: Attached,
}

pub async fn page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Html<String>, AppError> {
    let item = store::agenda_item(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let meeting = store::meeting(&state.db, item.meeting_id).await?.ok_or(AppError::NotFound)?;
    let documents = files::attached(&state, ItemKind::AgendaItem, item.id, ctx.user.as_ref(), ctx.lang).await?;
    render(&ItemPage {
        meeting: meeting.id,
        meeting_heading: super::pages::heading(&meeting, ctx.lang),
        position: item.position,
        title: item.title.show(ctx.lang).map(|s| s.text).unwrap_or_default(),
        presenter: item.presenter,
        consultation: item.consultation_id,
        documents,
        ctx,
    })
}
