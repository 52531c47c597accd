//! The forms of meetings, without JavaScript. A member checks in and votes (a refusal is a localized error
//! page); the secretariat plans a meeting, moves its status, builds and publishes its agenda, registers who is
//! present, puts motions to the vote or records a show of hands, closes votes, follows the execution of its
//! decisions, and sets its body's rules. Every form goes through [`super::changes`], like the API.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::changes;
use super::input::{
    AgendaItemIn, ApprovalIn, ExecutionIn, MeetingIn, MotionIn, NarrativeIn, RulesIn, StatusIn, TextsIn, VoteIn,
};
use super::model::{
    Choice, Count, Execution, Kind, Majority, MajorityOf, MeetingStatus, MotionStatus, Multilingual, Quorum,
};
use super::pages::heading;
use super::store;
use super::view::{MeetingDetail, MotionWithVotes, detail};
use crate::platform::Platform;
use crate::platform::days::local_time;
use crate::platform::i18n::Localized;
use crate::platform::identity::{SessionUser, authz};
use crate::platform::validate::{self, Checks};
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, Form, PageCtx};
use crate::registry::store as registry;

pub async fn check_in(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    changes::check_in(&state, &runtime, user, p.id).await?;
    Ok(Redirect::to(&ctx.url(&format!("/meetings/{}", p.id))).into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct VoteFields {
    pub choice: String,
}

pub async fn vote(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<VoteFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let choice = match fields.choice.as_str() {
        "for" => Choice::For,
        "against" => Choice::Against,
        "abstain" => Choice::Abstain,
        _ => return Err(AppError::Validation(vec![FieldError::new("choice", "field-invalid-choice")])),
    };
    changes::vote(&state, &runtime, user, p.id, &VoteIn { choice }).await?;
    let motion = store::motion(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&ctx.url(&format!("/meetings/{}", motion.meeting_id))).into_response())
}

// ---- the secretariat's forms ----------------------------------------------------------------------------------
// Every form goes through the same change functions as the API. A refusal shows the form again with each error
// beside its field (a conflict with the meeting's state beside the control that asked for it) and stores nothing.

/// Does `user` run the meetings of `body` (its secretariat, one above it, or an admin)?
pub async fn runs(state: &Platform, user: &SessionUser, body: i64) -> Result<bool, AppError> {
    match authz::manage_body(&state.db, user, body).await {
        Ok(()) => Ok(true),
        Err(AppError::Forbidden | AppError::Archived) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The live bodies whose meetings the user runs, by name: where he may plan a meeting.
pub async fn bodies_run_by(state: &Platform, ctx: &PageCtx) -> Result<Vec<(String, String)>, AppError> {
    let Some(user) = &ctx.user else { return Ok(Vec::new()) };
    if !user.roles.is_admin() && user.roles.secretariat_bodies().next().is_none() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for body in registry::bodies(&state.db, false).await? {
        if runs(state, user, body.id).await? {
            out.push((body.id.to_string(), body.name(ctx.lang).to_owned()));
        }
    }
    out.sort_by(|a, b| ctx.lang.compare(&a.1, &b.1));
    Ok(out)
}

/// Does the reader run the meetings of any body (a live secretariat, or an admin)? Cheaper than the list.
pub async fn runs_any(state: &Platform, ctx: &PageCtx) -> Result<bool, AppError> {
    match &ctx.user {
        None => Ok(false),
        Some(user) if user.roles.is_admin() => Ok(true),
        Some(user) => Ok(!authz::live_secretariats(&state.db, user).await?.is_empty()),
    }
}

/// A value of one of the meeting enums as a form submits it (`in_progress`), else an error on `field`.
fn choice<T: serde::de::DeserializeOwned>(field: &'static str, value: &str) -> Result<T, FieldError> {
    T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(value.trim()))
        .map_err(|_| FieldError::new(field, "field-invalid-choice"))
}

/// An optional id chosen from a list (empty: none).
fn optional_id(field: &'static str, value: &str) -> Result<Option<i64>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| FieldError::new(field, "field-invalid-choice"))
}

fn some(value: &str) -> Option<String> {
    Some(value.to_owned())
}

/// What the secretariat's forms confirm, by the redirect's `done`.
pub const DONE: [(&str, &str); 11] = [
    ("planned", "done-meeting-planned"),
    ("status", "done-meeting-status"),
    ("item", "done-agenda-item"),
    ("published", "done-agenda-published"),
    ("attendance", "done-attendance"),
    ("motion", "done-motion"),
    ("closed", "done-vote-closed"),
    ("execution", "done-execution"),
    ("rules", "done-rules"),
    ("narrative", "done-narrative"),
    ("approved", "done-minutes-approved"),
];

// ---- planning a meeting ---------------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MeetingFields {
    pub body_id: String,
    pub kind: String,
    pub number: String,
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    pub description_kk: String,
    pub description_ru: String,
    pub description_en: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub online_url: String,
}

impl MeetingFields {
    /// What the API would submit, or the errors of the fields a form alone types (numbers, choices).
    fn parse(&self) -> (MeetingIn, Vec<FieldError>) {
        let mut c = Checks::default();
        let body_id = c.take(self.body_id.trim().parse().map_err(|_| FieldError::new("body_id", "field-required")));
        let kind = c.take(choice("kind", &self.kind).map(Some)).unwrap_or(Kind::Meeting);
        let number = if self.number.trim().is_empty() {
            None
        } else {
            Some(c.take(validate::integer("number", &self.number, 1..=3999)))
        };
        let input = MeetingIn {
            body_id,
            kind,
            number,
            title: TextsIn { kk: some(&self.title_kk), ru: some(&self.title_ru), en: some(&self.title_en) },
            description: TextsIn {
                kk: some(&self.description_kk),
                ru: some(&self.description_ru),
                en: some(&self.description_en),
            },
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            place: some(&self.place),
            online_url: some(&self.online_url),
        };
        (input, c.finish(()).err().unwrap_or_default())
    }
}

#[derive(Template)]
#[template(path = "meetings/templates/meeting_form.html")]
struct MeetingForm {
    ctx: PageCtx,
    fields: MeetingFields,
    errors: Errors,
    bodies: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
}

impl MeetingForm {
    fn no_error(&self) -> Option<String> {
        None
    }
}

async fn meeting_form(
    state: &Platform,
    ctx: PageCtx,
    fields: MeetingFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    ctx.require_user()?;
    let bodies = bodies_run_by(state, &ctx).await?;
    if bodies.is_empty() {
        return Err(AppError::Forbidden);
    }
    let kinds = [Kind::Session, Kind::CouncilMeeting, Kind::Meeting]
        .into_iter()
        .map(|k| (crate::platform::validate::code_of(&k), ctx.t(k.key())))
        .collect();
    let errors = Errors::new(ctx.lang, errors);
    render(&MeetingForm { ctx, fields, errors, bodies, kinds })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    body: String,
}

pub async fn new_meeting(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewQuery>,
) -> Result<Html<String>, AppError> {
    let fields = MeetingFields { body_id: q.body, kind: "meeting".into(), ..Default::default() };
    meeting_form(&state, ctx, fields, Vec::new()).await
}

pub async fn create_meeting(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<MeetingFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (input, mut errors) = fields.parse();
    let result = if errors.is_empty() {
        changes::create(&state, user, &input).await
    } else {
        // The typed fields are wrong: show every other error with them, store nothing.
        errors.extend(input.check().err().unwrap_or_default());
        Err(AppError::Validation(errors))
    };
    match result {
        Ok(id) => Ok(ctx.see_other(&format!("/meetings/{id}/manage?done=planned"))),
        Err(e) => {
            let (status, errors) = e.on_form("body_id")?;
            Ok((status, meeting_form(&state, ctx, fields, errors).await?).into_response())
        }
    }
}

// ---- running a meeting ----------------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StatusFields {
    pub status: String,
    pub reason: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ItemFields {
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    pub presenter: String,
    pub consultation_id: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AttendanceFields {
    /// The members ticked present (repeated field).
    pub present: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MotionFields {
    pub text_kk: String,
    pub text_ru: String,
    pub text_en: String,
    pub agenda_item_id: String,
    /// `roll_call` or `show_of_hands`.
    pub method: String,
    pub votes_for: String,
    pub against: String,
    pub abstentions: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ExecutionFields {
    pub execution: String,
}

/// What a refused form of the manage page submitted, and why it was refused; the other forms show afresh.
#[derive(Default)]
struct Refused {
    status: Option<(StatusFields, Vec<FieldError>)>,
    item: Option<(ItemFields, Vec<FieldError>)>,
    publish: Vec<FieldError>,
    attendance: Option<(Vec<i64>, Vec<FieldError>)>,
    motion: Option<(MotionFields, Vec<FieldError>)>,
    close: Vec<FieldError>,
    execution: Option<(i64, Vec<FieldError>)>,
}

#[derive(Template)]
#[template(path = "meetings/templates/manage.html")]
struct ManagePage {
    ctx: PageCtx,
    /// What was just done.
    notice: Option<String>,
    heading: String,
    d: MeetingDetail,
    statuses: Vec<(String, String)>,
    status: StatusFields,
    status_errors: Errors,
    item: ItemFields,
    item_errors: Errors,
    consultations: Vec<(String, String)>,
    publish_errors: Errors,
    present: Vec<i64>,
    attendance_errors: Errors,
    motion: MotionFields,
    motion_errors: Errors,
    items: Vec<(String, String)>,
    close_errors: Errors,
    executions: Vec<(String, String)>,
    execution_of: i64,
    execution_errors: Errors,
    published_on: Option<String>,
    over: bool,
    attendance_open: bool,
    in_progress: bool,
}

impl ManagePage {
    fn no_error(&self) -> Option<String> {
        None
    }

    fn text(&self, m: &Multilingual) -> String {
        m.show(self.ctx.lang).map(|s| s.text).unwrap_or_default()
    }

    fn is_present(&self, person: &i64) -> bool {
        self.present.contains(person)
    }

    fn is_open(&self, status: &MotionStatus) -> bool {
        *status == MotionStatus::Open
    }

    fn votes_cast(&self, m: &MotionWithVotes) -> String {
        self.ctx.count("motion-votes-cast", &i64::try_from(m.votes.len()).unwrap_or(i64::MAX))
    }

    fn execution_value(&self, e: &Execution) -> String {
        crate::platform::validate::code_of(e)
    }

    /// The error of the execution form of this decision, if it was the one refused.
    fn execution_error(&self, decision: &i64) -> Option<String> {
        if *decision == self.execution_of { self.execution_errors.of("execution") } else { None }
    }
}

async fn manage_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    refused: Refused,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let m = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, m.body_id).await?;
    let consultations = crate::consultations::store::consultations(&state.db, Some(m.body_id))
        .await?
        .iter()
        .map(|c| (c.id.to_string(), crate::consultations::pages::Heading::of(c, ctx.lang).question))
        .collect();
    let d = detail(&state.db, m).await?;
    let lang = ctx.lang;
    let statuses = [
        MeetingStatus::Convened,
        MeetingStatus::InProgress,
        MeetingStatus::Closed,
        MeetingStatus::Postponed,
        MeetingStatus::Planned,
        MeetingStatus::Cancelled,
    ]
    .into_iter()
    .filter(|s| d.meeting.status.may_become(*s))
    .map(|s| (crate::platform::validate::code_of(&s), ctx.t(s.key())))
    .collect();
    let items = d
        .agenda
        .iter()
        .map(|i| {
            (i.id.to_string(), format!("{}. {}", i.position, i.title.show(lang).map(|s| s.text).unwrap_or_default()))
        })
        .collect();
    let executions = [Execution::Pending, Execution::InProgress, Execution::Done, Execution::NotDone]
        .into_iter()
        .map(|e| (crate::platform::validate::code_of(&e), ctx.t(e.key())))
        .collect();
    let (status, status_errors) = refused.status.unwrap_or_default();
    let (item, item_errors) = refused.item.unwrap_or_default();
    let (motion, motion_errors) = refused
        .motion
        .unwrap_or_else(|| (MotionFields { method: "roll_call".into(), ..Default::default() }, Vec::new()));
    let (present, attendance_errors) = refused
        .attendance
        .unwrap_or_else(|| (d.attendance.iter().filter(|a| a.present).map(|a| a.person_id).collect(), Vec::new()));
    let (execution_of, execution_errors) = refused.execution.unwrap_or_default();
    let status_now = d.meeting.status;
    render(&ManagePage {
        notice,
        heading: heading(&d.meeting, lang),
        statuses,
        status,
        status_errors: Errors::new(lang, status_errors),
        item,
        item_errors: Errors::new(lang, item_errors),
        consultations,
        publish_errors: Errors::new(lang, refused.publish),
        present,
        attendance_errors: Errors::new(lang, attendance_errors),
        motion,
        motion_errors: Errors::new(lang, motion_errors),
        items,
        close_errors: Errors::new(lang, refused.close),
        executions,
        execution_of,
        execution_errors: Errors::new(lang, execution_errors),
        published_on: d.meeting.agenda_published_at.as_deref().map(|at| local_time(lang, at)),
        over: matches!(status_now, MeetingStatus::Closed | MeetingStatus::Cancelled),
        attendance_open: matches!(status_now, MeetingStatus::Convened | MeetingStatus::InProgress),
        in_progress: status_now == MeetingStatus::InProgress,
        d,
        ctx,
    })
}

/// The secretariat's page of one meeting: its status, agenda, attendance, votes and decisions, each a form.
pub async fn manage(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &DONE);
    manage_page(&state, ctx, p.id, notice, Refused::default()).await
}

/// After a form of the manage page: back to it, or the page again with the refused form's errors.
async fn done(
    state: &Platform,
    ctx: PageCtx,
    meeting: i64,
    result: Result<&'static str, AppError>,
    field: &'static str,
    refused: impl FnOnce(Vec<FieldError>) -> Refused,
) -> Result<Response, AppError> {
    match result {
        Ok(what) => Ok(ctx.see_other(&format!("/meetings/{meeting}/manage?done={what}"))),
        Err(e) => {
            let (status, errors) = e.on_form(field)?;
            Ok((status, manage_page(state, ctx, meeting, None, refused(errors)).await?).into_response())
        }
    }
}

pub async fn set_status(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<StatusFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = match choice("status", &fields.status) {
        Ok(status) => changes::set_status(&state, user, p.id, &StatusIn { status, reason: some(&fields.reason) })
            .await
            .map(|()| "status"),
        Err(e) => Err(AppError::Validation(vec![e])),
    };
    done(&state, ctx, p.id, result, "status", |e| Refused { status: Some((fields, e)), ..Default::default() }).await
}

pub async fn add_agenda_item(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ItemFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = match optional_id("consultation_id", &fields.consultation_id) {
        Ok(consultation_id) => {
            let input = AgendaItemIn {
                title: TextsIn { kk: some(&fields.title_kk), ru: some(&fields.title_ru), en: some(&fields.title_en) },
                presenter: some(&fields.presenter),
                consultation_id,
            };
            changes::add_agenda_item(&state, user, p.id, &input).await.map(|_| "item")
        }
        Err(e) => Err(AppError::Validation(vec![e])),
    };
    done(&state, ctx, p.id, result, "title", |e| Refused { item: Some((fields, e)), ..Default::default() }).await
}

pub async fn publish_agenda(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = changes::publish_agenda(&state, user, p.id).await.map(|()| "published");
    done(&state, ctx, p.id, result, "publish", |e| Refused { publish: e, ..Default::default() }).await
}

pub async fn register_attendance(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<AttendanceFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let ids: Result<Vec<i64>, _> = fields.present.iter().map(|v| v.trim().parse::<i64>()).collect();
    let (present, result) = match ids {
        Ok(ids) => {
            let result = changes::register_attendance_list(&state, user, p.id, &ids).await.map(|()| "attendance");
            (ids, result)
        }
        Err(_) => (Vec::new(), Err(AppError::Validation(vec![FieldError::new("present", "field-invalid-choice")]))),
    };
    done(&state, ctx, p.id, result, "present", |e| Refused { attendance: Some((present, e)), ..Default::default() })
        .await
}

impl MotionFields {
    fn parse(&self) -> Result<MotionIn, Vec<FieldError>> {
        let mut c = Checks::default();
        let agenda_item_id = c.take(optional_id("agenda_item_id", &self.agenda_item_id));
        let show_of_hands = match self.method.as_str() {
            "roll_call" => None,
            "show_of_hands" => Some(Count {
                votes_for: c.take(validate::integer("votes_for", &self.votes_for, 0..=100_000)),
                against: c.take(validate::integer("against", &self.against, 0..=100_000)),
                abstentions: c.take(validate::integer("abstentions", &self.abstentions, 0..=100_000)),
            }),
            _ => {
                c.push(FieldError::new("method", "field-invalid-choice"));
                None
            }
        };
        let input = MotionIn {
            text: TextsIn { kk: some(&self.text_kk), ru: some(&self.text_ru), en: some(&self.text_en) },
            agenda_item_id,
            show_of_hands,
        };
        if let Err(more) = input.check() {
            for e in more {
                c.push(e);
            }
        }
        c.finish(input)
    }
}

pub async fn put_motion(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<MotionFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = match fields.parse() {
        Ok(input) => changes::put_motion(&state, user, p.id, &input).await.map(|_| "motion"),
        Err(errors) => {
            // Refused before any lookup: only whoever runs the meeting sees the form again.
            let m = store::meeting(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
            authz::manage_body(&state.db, user, m.body_id).await?;
            Err(AppError::Validation(errors))
        }
    };
    done(&state, ctx, p.id, result, "text", |e| Refused { motion: Some((fields, e)), ..Default::default() }).await
}

pub async fn close_motion(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let motion = store::motion(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let result = changes::close_motion(&state, user, motion.id).await.map(|_| "closed");
    done(&state, ctx, motion.meeting_id, result, "close", |e| Refused { close: e, ..Default::default() }).await
}

pub async fn set_execution(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ExecutionFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let decision = store::decision(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let result = match choice("execution", &fields.execution) {
        Ok(execution) => {
            changes::set_execution(&state, user, decision.id, &ExecutionIn { execution }).await.map(|()| "execution")
        }
        Err(e) => Err(AppError::Validation(vec![e])),
    };
    done(&state, ctx, decision.meeting_id, result, "execution", |e| Refused {
        execution: Some((decision.id, e)),
        ..Default::default()
    })
    .await
}

// ---- a body's meeting rules -----------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RulesFields {
    pub quorum: String,
    pub majority_of: String,
    pub majority: String,
}

#[derive(Template)]
#[template(path = "meetings/templates/rules_form.html")]
struct RulesForm {
    ctx: PageCtx,
    notice: Option<String>,
    body_id: i64,
    body: String,
    fields: RulesFields,
    errors: Errors,
    quorums: Vec<(String, String)>,
    majorities_of: Vec<(String, String)>,
    majorities: Vec<(String, String)>,
}

async fn rules_form(
    state: &Platform,
    ctx: PageCtx,
    notice: Option<String>,
    body_id: i64,
    fields: Option<RulesFields>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let body = registry::body(&state.db, body_id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, body.id).await?;
    if body.archived_at.is_some() {
        return Err(AppError::Archived);
    }
    let fields = match fields {
        Some(f) => f,
        None => {
            let r = changes::rules_of(&state.db, body.id).await?;
            RulesFields {
                quorum: crate::platform::validate::code_of(&r.quorum),
                majority_of: crate::platform::validate::code_of(&r.majority_of),
                majority: crate::platform::validate::code_of(&r.majority),
            }
        }
    };
    let quorums = vec![
        (crate::platform::validate::code_of(&Quorum::MoreThanHalf), ctx.t("rules-quorum-more-than-half")),
        (crate::platform::validate::code_of(&Quorum::TwoThirds), ctx.t("rules-quorum-two-thirds")),
    ];
    let majorities_of = vec![
        (crate::platform::validate::code_of(&MajorityOf::Present), ctx.t("rules-majority-of-present")),
        (crate::platform::validate::code_of(&MajorityOf::AllMembers), ctx.t("rules-majority-of-all")),
    ];
    let majorities = vec![
        (crate::platform::validate::code_of(&Majority::Simple), ctx.t("rules-majority-simple")),
        (crate::platform::validate::code_of(&Majority::TwoThirds), ctx.t("rules-majority-two-thirds")),
    ];
    let errors = Errors::new(ctx.lang, errors);
    let name = body.name(ctx.lang).to_owned();
    render(&RulesForm { ctx, notice, body_id: body.id, body: name, fields, errors, quorums, majorities_of, majorities })
}

pub async fn edit_rules(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &DONE);
    rules_form(&state, ctx, notice, p.id, None, Vec::new()).await
}

pub async fn set_rules(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<RulesFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut c = Checks::default();
    let quorum = c.take(choice("quorum", &fields.quorum).map(Some));
    let majority_of = c.take(choice("majority_of", &fields.majority_of).map(Some));
    let majority = c.take(choice("majority", &fields.majority).map(Some));
    let result = match (quorum, majority_of, majority, c.finish(())) {
        (Some(quorum), Some(majority_of), Some(majority), Ok(())) => {
            changes::set_rules(&state, user, p.id, &RulesIn { quorum, majority_of, majority }).await.map(|_| ())
        }
        (_, _, _, Err(errors)) => Err(AppError::Validation(errors)),
        _ => Err(AppError::Validation(vec![FieldError::new("quorum", "field-invalid-choice")])),
    };
    match result {
        Ok(()) => Ok(ctx.see_other(&format!("/bodies/{}/meeting-rules?done=rules", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("quorum")?;
            Ok((status, rules_form(&state, ctx, None, p.id, Some(fields), errors).await?).into_response())
        }
    }
}

// ---- minutes --------------------------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NarrativeFields {
    pub narrative_kk: String,
    pub narrative_ru: String,
    pub narrative_en: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ApprovalFields {
    pub note: String,
}

/// The draft of the minutes with the secretariat's forms: what it typed (or what is saved) and why it was refused.
async fn draft_page(
    state: &Platform,
    ctx: PageCtx,
    notice: Option<String>,
    id: i64,
    narrative: Option<(NarrativeFields, Vec<FieldError>)>,
    approval: Option<(ApprovalFields, Vec<FieldError>)>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let m = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, m.body_id).await?;
    let (fields, narrative_errors) = match narrative {
        Some(refused) => refused,
        None => {
            let saved = store::minutes_draft(&state.db, id).await?;
            let text = |t: Option<String>| t.unwrap_or_default();
            let fields = NarrativeFields {
                narrative_kk: text(saved.kk),
                narrative_ru: text(saved.ru),
                narrative_en: text(saved.en),
            };
            (fields, Vec::new())
        }
    };
    let (approval, approve_errors) = approval.unwrap_or_default();
    let lang = ctx.lang;
    let editing = super::pages::Editing {
        kk: fields.narrative_kk,
        ru: fields.narrative_ru,
        en: fields.narrative_en,
        narrative_errors: Errors::new(lang, narrative_errors),
        note: approval.note,
        approve_errors: Errors::new(lang, approve_errors),
        closed: m.status == MeetingStatus::Closed,
        correction: !store::minutes_versions(&state.db, id).await?.is_empty(),
    };
    super::pages::minutes_page(state, ctx, id, None, notice, Some(editing)).await
}

/// The secretariat's draft of the minutes: the record now, its narrative, and the forms to write and approve.
pub async fn minutes_draft(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &DONE);
    draft_page(&state, ctx, notice, p.id, None, None).await
}

pub async fn save_narrative(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<NarrativeFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let input = NarrativeIn {
        narrative: TextsIn {
            kk: some(&fields.narrative_kk),
            ru: some(&fields.narrative_ru),
            en: some(&fields.narrative_en),
        },
    };
    match changes::save_narrative(&state, user, p.id, &input).await {
        Ok(()) => Ok(ctx.see_other(&format!("/meetings/{}/minutes/draft?done=narrative", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("narrative")?;
            Ok((status, draft_page(&state, ctx, None, p.id, Some((fields, errors)), None).await?).into_response())
        }
    }
}

pub async fn approve_minutes(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ApprovalFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::approve_minutes(&state, user, p.id, &ApprovalIn { note: some(&fields.note) }).await {
        Ok(version) => Ok(ctx.see_other(&format!("/meetings/{}/minutes/{version}?done=approved", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("note")?;
            Ok((status, draft_page(&state, ctx, None, p.id, None, Some((fields, errors))).await?).into_response())
        }
    }
}
