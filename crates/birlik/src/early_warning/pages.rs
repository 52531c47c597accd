//! The pages of early warning: the public dashboard (a tile map of the twenty regions coloured by this week's
//! index, with the same figures in a table), a region's weekly series, the published rebuttals of false rumours;
//! and, for verifiers and secretariats, the signals of their regions, one signal with its verification, and the
//! alerts with their owners' forms.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;

use super::changes::today;
use super::index::Week;
use super::model::{Alert, AlertStatus, Signal, SignalStatus};
use super::store::{self, Filter, Regions};
use super::{Runtime, access, indicators};
use crate::platform::Platform;
use crate::platform::files::Attached;
use crate::platform::i18n::Lang;
use crate::platform::validate::code_of;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::tilemap::{self, Tile};
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, PageCtx};

/// What the forms of early warning confirm, by the redirect's `done`.
pub const DONE: [(&str, &str); 7] = [
    ("reported", "done-signal-reported"),
    ("verified", "done-signal-verified"),
    ("rebutted", "done-signal-rebutted"),
    ("uploaded", "done-questionnaire-uploaded"),
    ("verifier", "done-verifier-assigned"),
    ("acknowledged", "done-alert-acknowledged"),
    ("responded", "done-alert-responded"),
];

/// A region's name in `lang`, or its code.
pub fn region_name(code: &str, lang: Lang) -> String {
    use crate::platform::i18n::Localized;
    crate::registry::reference::region(code).map_or_else(|| code.to_owned(), |r| r.name(lang).to_owned())
}

/// A week's signals as published: the count, or "fewer than 5".
fn signals_shown(ctx: &PageCtx, w: &Week) -> String {
    match w.signals {
        Some(n) => ctx.num(&i64::from(n)),
        None => ctx.t("early-warning-fewer-than-5"),
    }
}

/// One line of the dashboard's table.
pub struct RegionLine {
    pub code: String,
    pub name: String,
    pub index: String,
    pub change: String,
    pub signals: String,
    pub alert: Option<i64>,
}

#[derive(Template)]
#[template(path = "early_warning/templates/dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    map: String,
    week: String,
    lines: Vec<RegionLine>,
    national: String,
    chart: String,
}

/// The index as the public reads it: one decimal in the reader's notation.
fn figure(lang: Lang, x: f64) -> String {
    let text = format!("{x:.1}");
    if lang == Lang::En { text } else { text.replace('.', ",") }
}

pub async fn dashboard(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let computed = runtime.index.get(&state.db, today(&state)).await?;
    let latest = computed.latest();
    let open = store::open_alerts(&state.db).await?;
    let max = latest.values().map(|w| w.index).fold(0.0, f64::max).max(tension::AlertConfig::default().floor);
    let mut tiles = Vec::new();
    let mut lines = Vec::new();
    let mut week = String::new();
    for (code, w) in &latest {
        let name = region_name(code, lang);
        week.clone_from(&w.week);
        tiles.push(Tile {
            region_code: (*code).to_owned(),
            name: name.clone(),
            shade: tilemap::shade(w.index, max),
            figure: figure(lang, w.index),
        });
        let previous = computed.region_weeks(code).rev().nth(1).map_or(0.0, |p| p.index);
        let change = w.index - previous;
        lines.push(RegionLine {
            code: (*code).to_owned(),
            name,
            index: figure(lang, w.index),
            change: if change.abs() < 0.05 {
                "—".into()
            } else {
                format!("{}{}", if change > 0.0 { "+" } else { "" }, figure(lang, change))
            },
            signals: signals_shown(&ctx, w),
            alert: open.iter().find(|a| a.region_code == *code).map(|a| a.id),
        });
    }
    lines.sort_by(|a, b| lang.compare(&a.name, &b.name));
    let map = tilemap::svg(&ctx.t("early-warning-map-title"), &tiles);
    // The national series: the sum of the regions' weekly values, by week.
    let mut sums: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for w in &computed.weeks {
        *sums.entry(w.starts_on.as_str()).or_default() += w.index;
    }
    let national: Vec<(String, f64)> = sums.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let chart = chart(&ctx.t("early-warning-national-chart"), &national);
    let national_now = figure(lang, national.last().map_or(0.0, |n| n.1));
    render(&DashboardPage { ctx, map, week, lines, national: national_now, chart })
}

/// The weekly index of the last 52 weeks as bars (a table beside it carries the same figures).
pub fn chart(title: &str, weeks: &[(String, f64)]) -> String {
    use std::fmt::Write;
    let shown: Vec<&(String, f64)> = weeks.iter().rev().take(52).rev().collect();
    let max = shown.iter().map(|w| w.1).fold(1.0, f64::max);
    let (width, height) = (52 * 12 + 40, 180);
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="series-title" class="chart"><title id="series-title">{}</title><line x1="34" y1="10" x2="34" y2="150" class="axis"/><line x1="34" y1="150" x2="{}" y2="150" class="axis"/><text x="30" y="14" class="tick">{:.0}</text><text x="30" y="154" class="tick">0</text>"#,
        escape(title),
        width - 4,
        max
    );
    for (i, (monday, value)) in shown.iter().enumerate() {
        let h = ((value / max) * 140.0).round().max(0.0) as i64;
        let x = 40 + i * 12;
        let _ = write!(
            out,
            r#"<g class="bar"><title>{}: {value:.1}</title><rect x="{x}" y="{}" width="9" height="{h}"/></g>"#,
            escape(monday),
            150 - h
        );
        if i % 13 == 0 {
            let _ = write!(
                out,
                r#"<text x="{}" y="168" class="tick-month">{}</text>"#,
                x + 4,
                escape(monday.get(..7).unwrap_or(monday))
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[derive(Template)]
#[template(path = "early_warning/templates/region.html")]
struct RegionPage {
    ctx: PageCtx,
    name: String,
    chart: String,
    weeks: Vec<(String, String, String, String)>,
    /// For those who verify the region: its districts with enough data, (name, index today).
    districts: Option<Vec<(String, String)>>,
}

pub async fn region(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
    Path((_, code)): Path<(String, String)>,
) -> Result<Html<String>, AppError> {
    if crate::registry::reference::region(&code).is_none() {
        return Err(AppError::NotFound);
    }
    let computed = runtime.index.get(&state.db, today(&state)).await?;
    let all: Vec<&Week> = computed.region_weeks(&code).collect();
    let series: Vec<(String, f64)> = all.iter().map(|w| (w.starts_on.clone(), w.index)).collect();
    let name = region_name(&code, ctx.lang);
    let chart = chart(&format!("{} · {}", ctx.t("early-warning-series-title"), name), &series);
    let weeks = all
        .iter()
        .rev()
        .take(52)
        .map(|w| (w.week.clone(), ctx.lang.date(&w.starts_on), figure(ctx.lang, w.index), signals_shown(&ctx, w)))
        .collect();
    let mut districts = None;
    if let Some(user) = &ctx.user
        && access::verifiable(&state.db, user).await?.contains(&code)
    {
        let mut list = Vec::new();
        for series in computed.index.districts.iter().filter(|s| s.area.region.as_str() == code) {
            let Some(district) = series.area.district else { continue };
            let body = crate::registry::store::body(&state.db, district.0).await?;
            let label = body.map_or_else(
                || district.0.to_string(),
                |b| {
                    use crate::platform::i18n::Localized;
                    b.name(ctx.lang).to_owned()
                },
            );
            list.push((label, figure(ctx.lang, series.values.last().copied().unwrap_or(0.0))));
        }
        list.sort_by(|a, b| ctx.lang.compare(&a.0, &b.0));
        districts = Some(list);
    }
    render(&RegionPage { ctx, name, chart, weeks, districts })
}

#[derive(Template)]
#[template(path = "early_warning/templates/rebuttals.html")]
struct RebuttalsPage {
    ctx: PageCtx,
    notice: Option<String>,
    items: Vec<(i64, String, String, String, Option<String>)>,
}

impl RebuttalsPage {
    /// The clauses of the moderation policy, for the report form under each rebuttal.
    fn clauses(&self) -> Vec<(String, String)> {
        crate::platform::moderation::pages::clause_choices(self.ctx.lang)
    }
}

/// Rebuttals of false rumours, as verifiers wrote them (never the reporter's own words, which may name him).
pub async fn rebuttals(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = (done.done == "reported").then(|| ctx.t("done-moderation-reported"));
    let lang = ctx.lang;
    let items = store::rebuttals(&state.db, 100)
        .await?
        .into_iter()
        .filter_map(|s| {
            let shown = s.rebuttal.show(lang)?;
            let other = (shown.lang != lang).then(|| shown.lang.code().to_owned());
            Some((s.id, region_name(&s.region_code, lang), lang.date(&s.happened_on), shown.text, other))
        })
        .collect();
    render(&RebuttalsPage { ctx, notice, items })
}

/// A signal as the verifiers' list shows it.
pub struct SignalLine {
    pub id: i64,
    pub day: String,
    pub region: String,
    pub indicators: String,
    pub severity: i64,
    pub reporter: &'static str,
    pub status: &'static str,
    pub demo: bool,
}

fn line(s: &Signal, lang: Lang) -> SignalLine {
    SignalLine {
        id: s.id,
        day: lang.date(&s.happened_on),
        region: region_name(&s.region_code, lang),
        indicators: s.indicators.iter().map(|i| indicators::name(i, lang)).collect::<Vec<_>>().join(", "),
        severity: s.severity,
        reporter: s.reporter.key(),
        status: s.status.key(),
        demo: s.demo,
    }
}

/// A body whose verifiers the reader names: (id, name, its verifiers as (user id, name)).
type VerifierBody = (i64, String, Vec<(i64, String)>);

#[derive(Template)]
#[template(path = "early_warning/templates/signals.html")]
struct SignalsPage {
    ctx: PageCtx,
    notice: Option<String>,
    lines: Vec<SignalLine>,
    total: i64,
    regions: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    region: String,
    status: String,
    bodies: Vec<VerifierBody>,
    errors: Errors,
}

impl SignalsPage {
    fn no_error(&self) -> Option<String> {
        None
    }
}

/// The regions a user sees, as (code, name) choices.
fn region_choices(regions: &Regions, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = crate::registry::reference::regions()
        .iter()
        .filter(|r| regions.contains(&r.code))
        .map(|r| (r.code.clone(), region_name(&r.code, lang)))
        .collect();
    out.sort_by(|a, b| lang.compare(&a.1, &b.1));
    out
}

pub async fn signals(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(filter): Query<Filter>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    signals_page(&state, ctx, filter, notice, Vec::new()).await
}

pub(super) async fn signals_page(
    state: &Platform,
    ctx: PageCtx,
    filter: Filter,
    notice: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let regions = access::verifiable(&state.db, user).await?;
    if regions == Regions::Only(Vec::new()) {
        return Err(AppError::Forbidden);
    }
    let lang = ctx.lang;
    let (found, total) = store::list(&state.db, &regions, &filter).await?;
    let lines = found.iter().map(|s| line(s, lang)).collect();
    let statuses = SignalStatus::ALL.iter().map(|s| (code_of(s), ctx.t(s.key()))).collect();
    // The bodies whose verifiers this reader names: those he runs as secretariat that may have verifiers.
    let mut bodies = Vec::new();
    for id in crate::platform::identity::authz::live_secretariats(&state.db, user).await? {
        if let Some(b) = crate::registry::store::body(&state.db, id).await?
            && matches!(
                b.kind,
                crate::registry::model::BodyKind::RegionalAssembly
                    | crate::registry::model::BodyKind::NationalSession
                    | crate::registry::model::BodyKind::Council
            )
        {
            use crate::platform::i18n::Localized;
            bodies.push((b.id, b.name(lang).to_owned(), store::verifiers(&state.db, b.id).await?));
        }
    }
    render(&SignalsPage {
        regions: region_choices(&regions, lang),
        statuses,
        region: filter.region.clone().unwrap_or_default(),
        status: filter.status.as_ref().map(code_of).unwrap_or_default(),
        errors: Errors::new(lang, errors),
        ctx,
        notice,
        lines,
        total,
        bodies,
    })
}

#[derive(Template)]
#[template(path = "early_warning/templates/signal.html")]
struct SignalPage {
    ctx: PageCtx,
    notice: Option<String>,
    s: Signal,
    line: SignalLine,
    district: Option<String>,
    contact: Option<String>,
    steps: Vec<(String, String)>,
    documents: Attached,
    errors: Errors,
    note: String,
}

impl SignalPage {
    fn no_error(&self) -> Option<String> {
        None
    }

    fn rebuttal(&self) -> Option<crate::platform::multilingual::Shown> {
        self.s.rebuttal.show(self.ctx.lang)
    }

    fn is_false(&self) -> bool {
        self.s.status == SignalStatus::False
    }

    fn indicator_names(&self) -> Vec<(String, String)> {
        self.s
            .indicators
            .iter()
            .map(|i| {
                let kind = match indicators::get(i).map(|x| x.kind) {
                    Some(indicators::Kind::Peace) => "indicator-peace",
                    _ => "indicator-conflict",
                };
                (indicators::name(i, self.ctx.lang), kind.to_owned())
            })
            .collect()
    }
}

pub async fn signal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    signal_page(&state, ctx, p.id, notice, Vec::new(), String::new()).await
}

pub(super) async fn signal_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
    note: String,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?.clone();
    let s = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !access::verifiable(&state.db, &user).await?.contains(&s.region_code) {
        return Err(AppError::Forbidden);
    }
    let lang = ctx.lang;
    let contact = super::changes::contact(state, &user, id).await?;
    let district = match s.district_id {
        Some(d) => crate::registry::store::body(&state.db, d).await?.map(|b| {
            use crate::platform::i18n::Localized;
            b.name(lang).to_owned()
        }),
        None => None,
    };
    let steps = SignalStatus::ALL
        .iter()
        .filter(|to| s.status.may_become(**to))
        .map(|to| (code_of(to), ctx.t(to.key())))
        .collect();
    let documents =
        crate::platform::files::attached(state, crate::platform::files::ItemKind::Signal, id, Some(&user), lang)
            .await?;
    render(&SignalPage {
        line: line(&s, lang),
        errors: Errors::new(lang, errors),
        ctx,
        notice,
        s,
        district,
        contact,
        steps,
        documents,
        note,
    })
}

/// An alert as listed.
pub struct AlertLine {
    pub id: i64,
    pub region: String,
    pub raised_on: String,
    pub index: String,
    pub status: &'static str,
    pub escalated: bool,
    pub overdue: bool,
    pub demo: bool,
}

fn alert_line(a: &Alert, lang: Lang, now: &str) -> AlertLine {
    AlertLine {
        id: a.id,
        region: region_name(&a.region_code, lang),
        raised_on: lang.date(&a.raised_on),
        index: figure(lang, a.index_value),
        status: a.status.key(),
        escalated: a.escalated_at.is_some(),
        overdue: a.status == AlertStatus::Open && a.ack_due_at.as_str() < now,
        demo: a.demo,
    }
}

#[derive(Template)]
#[template(path = "early_warning/templates/alerts.html")]
struct AlertsPage {
    ctx: PageCtx,
    lines: Vec<AlertLine>,
}

pub async fn alerts(State(state): State<Platform>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let regions = access::alert_regions(&state.db, user).await?;
    if regions == Regions::Only(Vec::new()) {
        return Err(AppError::Forbidden);
    }
    let now = crate::platform::db::now();
    let lines = store::alerts(&state.db, &regions).await?.iter().map(|a| alert_line(a, ctx.lang, &now)).collect();
    render(&AlertsPage { ctx, lines })
}

#[derive(Template)]
#[template(path = "early_warning/templates/alert.html")]
struct AlertPage {
    ctx: PageCtx,
    notice: Option<String>,
    a: Alert,
    line: AlertLine,
    due: String,
    acknowledged: Option<String>,
    errors: Errors,
    response: String,
}

impl AlertPage {
    fn is_open(&self) -> bool {
        self.a.status == AlertStatus::Open
    }

    fn answered(&self) -> bool {
        self.a.status == AlertStatus::Responded
    }
}

pub async fn alert(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    alert_page(&state, ctx, p.id, notice, Vec::new(), String::new()).await
}

pub(super) async fn alert_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
    response: String,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let a = store::alert(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !access::alert_regions(&state.db, user).await?.contains(&a.region_code) {
        return Err(AppError::Forbidden);
    }
    let lang = ctx.lang;
    let now = crate::platform::db::now();
    let due = crate::platform::days::local_time(lang, &a.ack_due_at);
    let acknowledged = a.acknowledged_at.as_deref().map(|at| crate::platform::days::local_time(lang, at));
    render(&AlertPage {
        line: alert_line(&a, lang, &now),
        errors: Errors::new(lang, errors),
        ctx,
        notice,
        a,
        due,
        acknowledged,
        response,
    })
}
