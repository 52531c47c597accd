//! The pages of notifications: the inbox, following an item, a person's settings, unsubscribing from a mail's
//! link, and the operator's view of e-mail.

use askama::Template;
use axum::Router;
use axum::extract::{FromRef, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::i18n::Arg;
use crate::platform::notify::mail::{self, DIGEST_KIND};
use crate::platform::notify::{Delivery, Followed, MAIL_JOB, changes, store};
use crate::platform::web::page::render;
use crate::platform::web::{AppError, Form, PageCtx, local_path};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    Router::new()
        .route("/{lang}/inbox", get(inbox))
        .route("/{lang}/inbox/read", post(read_all))
        .route("/{lang}/inbox/{id}", get(open))
        .route("/{lang}/follow", post(follow))
        .route("/{lang}/notifications", get(settings_page).post(save_settings))
        .route("/{lang}/unsubscribe/{user}/{kind}/{token}", get(unsubscribe_page).post(unsubscribe))
        .route("/{lang}/admin/mail", get(mail_page))
}

/// Notices shown per page of the inbox.
const PAGE: i64 = 50;

struct Row {
    id: i64,
    text: String,
    at: String,
    unread: bool,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/inbox.html")]
struct InboxPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    unread: i64,
    older: Option<i64>,
}

#[derive(Deserialize)]
struct Before {
    before: Option<i64>,
}

async fn inbox(State(state): State<Platform>, ctx: PageCtx, Query(q): Query<Before>) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let notices = store::inbox(&state.db, user, q.before, PAGE + 1).await?;
    let older = (notices.len() as i64 > PAGE).then(|| notices.get(PAGE as usize - 1).map(|n| n.id)).flatten();
    let rows = notices
        .iter()
        .take(PAGE as usize)
        .map(|n| Row {
            id: n.id,
            text: mail::message(ctx.lang, n),
            at: crate::platform::days::local_time(ctx.lang, &n.created_at),
            unread: n.read_at.is_none(),
        })
        .collect();
    let unread = store::unread(&state.db, user).await?;
    Ok(render(&InboxPage { ctx, rows, unread, older })?.into_response())
}

#[derive(Deserialize)]
struct IdPath {
    id: i64,
}

/// Opens a notice: marks it read and goes to its item.
async fn open(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<IdPath>) -> Result<Response, AppError> {
    let notice = changes::open(&state, ctx.require_user()?, p.id).await?;
    Ok(Redirect::to(&ctx.url(&notice.link)).into_response())
}

async fn read_all(State(state): State<Platform>, ctx: PageCtx) -> Result<Response, AppError> {
    changes::read_all(&state, ctx.require_user()?).await?;
    Ok(Redirect::to(&ctx.url("/inbox")).into_response())
}

#[derive(Deserialize)]
struct FollowForm {
    area: String,
    item: i64,
    /// `follow` or `unfollow`.
    action: String,
    #[serde(default)]
    back: String,
}

/// Follows or stops following a public item, then goes back to where the person was.
async fn follow(State(state): State<Platform>, ctx: PageCtx, Form(f): Form<FollowForm>) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let followed = match f.action.as_str() {
        "follow" => changes::follow(&state, user, &f.area, f.item, reading(&ctx)).await?,
        "unfollow" => changes::unfollow(&state, user, &f.area, f.item).await?,
        _ => return Err(AppError::BadRequest("action".into())),
    };
    let back = local_path(&f.back).unwrap_or_else(|| ctx.url(&followed.link));
    Ok(Redirect::to(&back).into_response())
}

fn reading(ctx: &PageCtx) -> changes::Reading {
    changes::Reading { lang: ctx.lang, latin: ctx.latin }
}

/// Whether the reader follows an item, for its follow button.
pub async fn following(state: &Platform, ctx: &PageCtx, item: Scope) -> Result<bool, AppError> {
    Ok(match &ctx.user {
        Some(user) => store::is_following(&state.db, user.id, item).await?,
        None => false,
    })
}

struct KindRow {
    kind: &'static str,
    name: String,
    delivery: Delivery,
}

struct FollowRow {
    area: String,
    item: i64,
    title: String,
    link: String,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/settings.html")]
struct SettingsPage {
    ctx: PageCtx,
    kinds: Vec<KindRow>,
    follows: Vec<FollowRow>,
    saved: bool,
}

impl SettingsPage {
    fn delivery_name(&self, d: &Delivery) -> String {
        self.ctx.t(&format!("notify-delivery-{}", d.code()))
    }
}

#[derive(Deserialize)]
struct Saved {
    saved: Option<String>,
}

async fn settings_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<Saved>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let chosen = store::settings(&state.db, user).await?;
    let kinds = state
        .notify
        .kinds()
        .into_iter()
        .map(|kind| KindRow {
            kind,
            name: mail::kind_name(ctx.lang, kind),
            delivery: chosen.iter().find(|(k, _)| k == kind).map_or(Delivery::Instant, |(_, d)| *d),
        })
        .collect();
    let mut follows = Vec::new();
    for (area, item) in store::follows_of(&state.db, user).await? {
        if let Some((_, Followed { title, link })) = state.notify.followed(&area, item).await? {
            let title = title.show(ctx.lang).map(|s| s.text).unwrap_or_default();
            follows.push(FollowRow { area, item, title, link });
        }
    }
    Ok(render(&SettingsPage { ctx, kinds, follows, saved: q.saved.is_some() })?.into_response())
}

/// The settings form: one field per kind, named by the kind, valued `instant`, `daily` or `never`.
async fn save_settings(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    changes::set_deliveries(&state, ctx.require_user()?, &fields, reading(&ctx)).await?;
    Ok(Redirect::to(&ctx.url("/notifications?saved=1")).into_response())
}

#[derive(Deserialize)]
struct UnsubscribePath {
    user: i64,
    kind: String,
    token: String,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/unsubscribe.html")]
struct UnsubscribePage {
    ctx: PageCtx,
    /// The question before, or what was done after.
    message: String,
    done: bool,
}

impl UnsubscribePage {
    fn new(ctx: PageCtx, kind: &str, done: bool) -> UnsubscribePage {
        let name = if kind == DIGEST_KIND { ctx.t("notify-digest") } else { mail::kind_name(ctx.lang, kind) };
        let key = if done { "unsubscribe-done" } else { "unsubscribe-ask" };
        let message = ctx.lang.t_args(key, &[("kind", Arg::Str(name))]);
        UnsubscribePage { ctx, message, done }
    }
}

async fn unsubscribe_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<UnsubscribePath>,
) -> Result<Response, AppError> {
    let (_, kind) = changes::unsubscribing(&state, p.user, &p.kind, &p.token).await?;
    Ok(render(&UnsubscribePage::new(ctx, &kind, false))?.into_response())
}

/// Stops e-mail of the link's kind; no login needed, the token is the person's own (also the one-click POST of
/// mail programs, RFC 8058).
async fn unsubscribe(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<UnsubscribePath>,
) -> Result<Response, AppError> {
    let kind = changes::unsubscribe(&state, p.user, &p.kind, &p.token).await?;
    Ok(render(&UnsubscribePage::new(ctx, &kind, true))?.into_response())
}

struct FailingRow {
    id: i64,
    key: String,
    attempts: i64,
    state: String,
    error: String,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/admin_mail.html")]
struct MailPage {
    ctx: PageCtx,
    transport: String,
    pending: i64,
    digest: i64,
    sent: i64,
    failing: Vec<FailingRow>,
}

/// What an operator needs to see of e-mail: where it goes, what waits, and what fails (with the retry of
/// `/admin/jobs` for the parked).
async fn mail_page(State(state): State<Platform>, ctx: PageCtx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if !user.roles.is_admin() {
        return Err(AppError::Forbidden);
    }
    let day_ago = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    let since = day_ago.format(&time::format_description::well_known::Rfc3339).map_err(anyhow::Error::from)?;
    let (pending, digest, sent) = store::mail_counts(&state.db, &since).await?;
    let failing = crate::platform::jobs::store::failing(&state.db, &[MAIL_JOB, super::DIGEST_JOB], 200)
        .await?
        .into_iter()
        .map(|j| FailingRow {
            id: j.id,
            key: j.key,
            attempts: j.attempts,
            state: format!("{:?}", j.state).to_lowercase(),
            error: j.last_error.unwrap_or_default(),
        })
        .collect();
    let transport = match state.notify.mailer().outbox() {
        Some(dir) => ctx.lang.t_args("mail-transport-outbox", &[("dir", Arg::Str(dir.display().to_string()))]),
        None => ctx.t("mail-transport-smtp"),
    };
    Ok(render(&MailPage { ctx, transport, pending, digest, sent, failing })?.into_response())
}
