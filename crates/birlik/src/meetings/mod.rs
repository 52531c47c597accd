//! Capability 2, sessions and decisions: the bodies of the Assembly meet (a numbered session, XXXII), publish an
//! agenda, register who is present, vote on motions by the body's quorum and majority, and number the decisions
//! they adopt. A member votes from his own login: a login names its person of the registry (`users.person_id`,
//! set by an operator with `identity::store::link_person`), and that person's live seat in the body makes him a
//! member of its meetings.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod api;
pub mod calendar;
pub mod changes;
pub mod demo;
pub mod export;
pub mod forms;
pub mod input;
pub mod items;
pub mod live;
pub mod members;
pub mod minutes;
pub mod model;
pub mod month;
pub mod notices;
pub mod pages;
pub mod search;
pub mod store;
pub mod view;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::web::sections::{BodyView, Section, Shown};

/// What runs beside the requests: members' check-ins and votes, written by group commit (700 members acting in the
/// same second share a few commits instead of queueing for 1,400).
#[derive(Clone)]
pub struct Runtime {
    pub presence: crate::platform::batch::GroupCommit<store::Presence, store::Cast>,
}

impl Runtime {
    pub fn start(db: &crate::platform::db::Db) -> Runtime {
        let presence = crate::platform::batch::GroupCommit::start(db.clone(), 1024, |db, ops| async move {
            store::record_all(&db, &ops).await
        });
        Runtime { presence }
    }
}

/// Every meeting, its agenda, attendance, votes and decisions: one scope, since a body's page lists its meetings.
pub const LIST: Scope = Scope::all("meetings");

/// The pages of meetings, under `/{lang}`, the member's forms (check in, vote) and the secretariat's.
pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    Router::new()
        .route("/{lang}/meetings", get(pages::list).post(forms::create_meeting))
        .route("/{lang}/meetings/new", get(forms::new_meeting))
        .route("/{lang}/meetings/month", get(month::month))
        .route("/{lang}/meetings/{id}", get(pages::meeting))
        .route("/{lang}/meetings/{id}/live", get(live::part))
        .route("/{lang}/agenda-items/{id}", get(items::page))
        .route("/{lang}/meetings/{id}/manage", get(forms::manage))
        .route("/{lang}/meetings/{id}/status", post(forms::set_status))
        .route("/{lang}/meetings/{id}/agenda", post(forms::add_agenda_item))
        .route("/{lang}/meetings/{id}/agenda/publish", post(forms::publish_agenda))
        .route("/{lang}/meetings/{id}/attendance", post(forms::register_attendance))
        .route("/{lang}/meetings/{id}/motions", post(forms::put_motion))
        .route("/{lang}/meetings/{id}/check-in", post(forms::check_in))
        .route("/{lang}/meetings/{id}/minutes", get(pages::minutes))
        .route("/{lang}/meetings/{id}/minutes/draft", get(forms::minutes_draft))
        .route("/{lang}/meetings/{id}/minutes/narrative", post(forms::save_narrative))
        .route("/{lang}/meetings/{id}/minutes/approve", post(forms::approve_minutes))
        .route("/{lang}/meetings/{id}/minutes/{version}", get(pages::minutes_version))
        .route("/{lang}/motions/{id}/votes", post(forms::vote))
        .route("/{lang}/motions/{id}/close", post(forms::close_motion))
        .route("/{lang}/decisions/{id}/execution", post(forms::set_execution))
        .route("/{lang}/bodies/{id}/meeting-rules", get(forms::edit_rules).post(forms::set_rules))
        .route("/api/v1/calendar.ics", get(calendar::all::<S>))
        .route("/api/v1/bodies/{id}/calendar.ics", get(calendar::of_body::<S>))
        .route("/api/v1/regions/{code}/calendar.ics", get(calendar::of_region::<S>))
}

/// One meeting, as an item people follow.
pub fn scope(id: i64) -> Scope {
    Scope::item("meeting", id)
}

/// Makes the capability's area known to the change worker (events of other servers drop cached pages).
pub fn start() {
    crate::platform::change::area(LIST.area);
}

/// What a cached page of meetings reads: meetings, and names from the registry.
pub fn page_scopes(path: &str) -> Option<Vec<Scope>> {
    let mut parts = path.split('/').skip(2);
    (parts.next() == Some("meetings")).then(|| vec![LIST, crate::platform::change::REGISTRY])
}

/// The home page shows the meetings to come (or under way), the soonest first: sessions people can follow. Nothing
/// when none is planned.
pub fn home_section<'a>(
    state: &'a Platform,
    ctx: &'a crate::platform::web::PageCtx,
) -> crate::platform::web::sections::FeaturedNow<'a> {
    use crate::platform::i18n::Localized;
    use crate::platform::web::Link;
    use crate::platform::web::sections::{Feature, Featured};
    use model::MeetingStatus;
    Box::pin(async move {
        let now = crate::platform::db::now();
        let mut coming: Vec<model::Meeting> = store::meetings(&state.db, None, None, None)
            .await?
            .into_iter()
            .filter(|m| {
                matches!(m.status, MeetingStatus::Planned | MeetingStatus::Convened | MeetingStatus::InProgress)
                    && m.ends_at >= now
            })
            .collect();
        if coming.is_empty() {
            return Ok(None);
        }
        coming.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.id.cmp(&b.id)));
        let mut items = Vec::new();
        for m in coming.iter().take(3) {
            let body = crate::registry::store::body(&state.db, m.body_id).await?;
            let when = crate::platform::days::local_time(ctx.lang, &m.starts_at);
            let meta = match body {
                Some(b) => format!("{} · {when} · {}", b.name(ctx.lang), ctx.t(m.status.key())),
                None => format!("{when} · {}", ctx.t(m.status.key())),
            };
            let lang = m.title.show(ctx.lang).map_or(ctx.lang, |s| s.lang).code().to_owned();
            items.push(Feature {
                link: Link::new(ctx, format!("/meetings/{}", m.id), pages::heading(m, ctx.lang)),
                lang,
                meta,
                action: ctx.t("meeting-follow"),
            });
        }
        Ok(Some(Featured {
            id: "coming-meetings",
            title: ctx.t("home-coming-meetings"),
            items,
            all: Link::new(ctx, "/meetings".to_owned(), ctx.t("all-meetings")),
            none: String::new(),
        }))
    })
}

/// The body's page lists its meetings, newest first.
pub fn body_section<'a>(state: &'a Platform, view: &'a BodyView<'a>) -> Shown<'a> {
    use crate::platform::web::Link;
    Box::pin(async move {
        let ctx = view.ctx;
        let items = store::meetings(&state.db, Some(view.id), None, None)
            .await?
            .iter()
            .take(20)
            .map(|m| Link::new(ctx, format!("/meetings/{}", m.id), pages::heading(m, ctx.lang)))
            .collect();
        let actions = if view.manages {
            vec![
                (Link::new(ctx, format!("/meetings/new?body={}", view.id), ctx.t("meeting-new")), "meeting-new"),
                (Link::new(ctx, format!("/bodies/{}/meeting-rules", view.id), ctx.t("rules-title")), "meeting-rules"),
            ]
        } else {
            Vec::new()
        };
        Ok(Some(Section { title: ctx.t("meetings-title"), items, actions }))
    })
}
