//! Every change to early warning, one function each (check, authorize, store with its audit entry, events): the
//! form, the API, the questionnaire upload and the demo call them.

use time::{Date, Duration};

use super::access;
use super::input::{RebuttalIn, ResponseIn, SignalIn, SignalInput, VerifyIn};
use super::model::{AlertStatus, Channel, Reporter, SignalStatus};
use super::store::{self, NewSignal};
use super::{Runtime, indicators};
use crate::platform::Platform;
use crate::platform::days::{date_at, iso, parse_iso};
use crate::platform::identity::{Email, SessionUser, authz};
use crate::platform::web::{AppError, FieldError};
use crate::registry::model::BodyKind;

fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, key)])
}

/// Today in Kazakhstan, by the timers' clock (tests move it).
pub fn today(state: &Platform) -> Date {
    date_at(state.jobs.now_ms())
}

/// How far back a signal may be dated: older events are history, not early warning.
pub const MAX_AGE_DAYS: i64 = 365;

/// What the registry and the calendar say of a checked signal: its district is a district council of its region,
/// and its day is neither in the future nor more than a year back.
async fn check_facts(state: &Platform, input: &SignalInput, today: Date) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some(district) = input.district_id {
        let body = crate::registry::store::body(&state.db, district).await.ok().flatten();
        let fits = body.is_some_and(|b| {
            b.kind == BodyKind::PublicConsentCouncil
                && b.archived_at.is_none()
                && b.region_code.as_deref() == Some(input.region_code.as_str())
        });
        if !fits {
            errors.push(FieldError::new("district_id", "field-invalid-choice"));
        }
    }
    if let Some(day) = parse_iso(&input.happened_on)
        && (day > today || day < today - Duration::days(MAX_AGE_DAYS))
    {
        errors.push(FieldError::new("happened_on", "signal-day-out-of-range"));
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Who the request may report as: a reader without an account is anonymous whatever he claims; a logged-in
/// reader reports under his name unless he chooses anonymity, and enters a proxy report only if he works for a
/// body.
async fn reporter_of(
    state: &Platform,
    user: Option<&SessionUser>,
    claimed: Option<Reporter>,
) -> Result<Reporter, AppError> {
    let Some(user) = user else { return Ok(Reporter::Anonymous) };
    match claimed.unwrap_or(Reporter::Named) {
        Reporter::Proxy if !access::may_proxy(&state.db, user).await? => Err(AppError::Forbidden),
        reporter => Ok(reporter),
    }
}

async fn prepare<'a>(
    state: &Platform,
    user: Option<&SessionUser>,
    input: &'a SignalInput,
    channel: Channel,
    today: &'a str,
    demo: bool,
) -> Result<NewSignal<'a>, AppError> {
    let contact_sealed = match &input.contact {
        Some(contact) => Some(state.seal.seal("signals.contact", contact).map_err(anyhow::Error::from)?),
        None => None,
    };
    Ok(NewSignal {
        input,
        reported_by: user.map(|u| u.id),
        contact_sealed,
        weight: indicators::weight(&input.indicators),
        channel,
        today,
        demo,
    })
}

/// Takes a report; returns the signal's id.
pub async fn report(
    state: &Platform,
    user: Option<&SessionUser>,
    fields: &SignalIn,
    channel: Channel,
) -> Result<i64, AppError> {
    report_as(state, user, fields, channel, false).await
}

/// [`report`], marking demo content.
pub async fn report_as(
    state: &Platform,
    user: Option<&SessionUser>,
    fields: &SignalIn,
    channel: Channel,
    demo: bool,
) -> Result<i64, AppError> {
    let reporter = reporter_of(state, user, fields.reporter).await?;
    let input = fields.check(reporter).map_err(AppError::Validation)?;
    let today = today(state);
    check_facts(state, &input, today).await.map_err(AppError::Validation)?;
    let day = iso(today);
    let signal = prepare(state, user, &input, channel, &day, demo).await?;
    Ok(store::insert(&state.db, &signal).await?)
}

/// The columns of a council's questionnaire, in order.
pub const QUESTIONNAIRE_COLUMNS: [&str; 7] =
    ["happened_on", "region_code", "district_id", "indicators", "severity", "text_lang", "text"];
/// The most rows one questionnaire may carry.
pub const MAX_ROWS: usize = 2000;

/// A council's periodic questionnaire as CSV (the columns of [`QUESTIONNAIRE_COLUMNS`], indicators separated by
/// `;`): every row is a named report of the uploading secretariat, stored all together or, when any row is
/// wrong, none, with the errors of each wrong row.
pub async fn questionnaire(
    state: &Platform,
    user: &SessionUser,
    body_id: i64,
    csv: &[u8],
) -> Result<Vec<i64>, AppError> {
    let body = crate::registry::store::body(&state.db, body_id).await?.filter(|b| b.archived_at.is_none());
    if body.is_none() {
        return Err(invalid("body_id", "field-invalid-choice"));
    }
    authz::manage_body(&state.db, user, body_id).await?;
    let today = today(state);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(csv);
    let headers = reader.headers().map_err(|_| invalid("file", "signal-questionnaire-columns"))?.clone();
    if headers.iter().map(str::trim).ne(QUESTIONNAIRE_COLUMNS.iter().copied()) {
        return Err(invalid("file", "signal-questionnaire-columns"));
    }
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = i64::try_from(n).unwrap_or(i64::MAX).saturating_add(2);
        if inputs.len() >= MAX_ROWS {
            return Err(AppError::Validation(vec![
                FieldError::new("file", "signal-questionnaire-too-long").with("max", MAX_ROWS as i64),
            ]));
        }
        let Ok(record) = record else {
            errors.push(FieldError::new("file", "signal-questionnaire-row").with("row", row));
            continue;
        };
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        let fields = SignalIn {
            happened_on: cell(0),
            region_code: cell(1),
            district_id: cell(2).parse().ok(),
            indicators: cell(3).split(';').map(|s| s.trim().to_owned()).collect(),
            severity: cell(4).parse().unwrap_or(0),
            text_lang: cell(5),
            text: cell(6),
            reporter: Some(Reporter::Named),
            ..Default::default()
        };
        let checked = match fields.check(Reporter::Named) {
            Ok(input) => check_facts(state, &input, today).await.map(|()| input),
            Err(e) => Err(e),
        };
        match checked {
            Ok(input) => inputs.push(input),
            Err(row_errors) => {
                errors.push(FieldError::new("file", "signal-questionnaire-row").with("row", row));
                errors.extend(row_errors);
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if inputs.is_empty() {
        return Err(invalid("file", "signal-questionnaire-empty"));
    }
    let day = iso(today);
    let mut signals = Vec::with_capacity(inputs.len());
    for input in &inputs {
        signals.push(prepare(state, Some(user), input, Channel::Questionnaire, &day, false).await?);
    }
    Ok(store::insert_all(&state.db, &signals).await?)
}

/// The signal, if `user` may verify its region's signals.
async fn as_verifier(state: &Platform, user: &SessionUser, id: i64) -> Result<super::model::Signal, AppError> {
    let signal = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !access::verifiable(&state.db, user).await?.contains(&signal.region_code) {
        return Err(AppError::Forbidden);
    }
    Ok(signal)
}

/// A verifier's step: new → verifying → confirmed / false / unverifiable.
pub async fn verify(state: &Platform, user: &SessionUser, id: i64, fields: &VerifyIn) -> Result<(), AppError> {
    let (to, note) = fields.check().map_err(AppError::Validation)?;
    let signal = as_verifier(state, user, id).await?;
    if !signal.status.may_become(to) {
        return Err(AppError::Conflict("error-signal-step"));
    }
    Ok(store::verify(&state.db, user.id, &signal, to, note.as_deref()).await?)
}

/// Publishes the rebuttal of a signal found false (a rumour).
pub async fn rebut(state: &Platform, user: &SessionUser, id: i64, fields: &RebuttalIn) -> Result<(), AppError> {
    let text = fields.check().map_err(AppError::Validation)?;
    let signal = as_verifier(state, user, id).await?;
    if signal.status != SignalStatus::False {
        return Err(AppError::Conflict("error-signal-not-false"));
    }
    Ok(store::rebut(&state.db, Some(user.id), &signal, &text).await?)
}

/// The contact of a named or proxy signal, opened for one who verifies its region.
pub async fn contact(state: &Platform, user: &SessionUser, id: i64) -> Result<Option<String>, AppError> {
    as_verifier(state, user, id).await?;
    match store::contact_sealed(&state.db, id).await? {
        Some(sealed) => Ok(Some(state.seal.open("signals.contact", &sealed).map_err(anyhow::Error::from)?)),
        None => Ok(None),
    }
}

/// The secretariat of a regional assembly (or of a body above it) names a verifier by his account's e-mail.
pub async fn assign_verifier(state: &Platform, user: &SessionUser, body_id: i64, email: &str) -> Result<(), AppError> {
    let body = crate::registry::store::body(&state.db, body_id).await?.filter(|b| b.archived_at.is_none());
    let fits = body
        .is_some_and(|b| matches!(b.kind, BodyKind::RegionalAssembly | BodyKind::NationalSession | BodyKind::Council));
    if !fits {
        return Err(invalid("body_id", "field-invalid-choice"));
    }
    authz::manage_body(&state.db, user, body_id).await?;
    let email = Email::parse(email).ok_or_else(|| invalid("email", "field-invalid-email"))?;
    let verifier = crate::platform::identity::store::find_by_email(&state.db, &email)
        .await?
        .ok_or_else(|| invalid("email", "error-no-such-account"))?;
    Ok(store::assign_verifier(&state.db, user.id, verifier.id, body_id).await?)
}

/// The alert, if `user` owns its region's alerts.
async fn as_owner(state: &Platform, user: &SessionUser, id: i64) -> Result<super::model::Alert, AppError> {
    let alert = store::alert(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !access::alert_regions(&state.db, user).await?.contains(&alert.region_code) {
        return Err(AppError::Forbidden);
    }
    Ok(alert)
}

pub async fn acknowledge_alert(state: &Platform, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let alert = as_owner(state, user, id).await?;
    if alert.status != AlertStatus::Open {
        return Err(AppError::Conflict("error-alert-acknowledged"));
    }
    Ok(store::answer_alert(&state.db, Some(user.id), &alert, None, &id.to_string()).await?)
}

/// Records the owners' response (acknowledging the alert if it was not).
pub async fn respond_alert(state: &Platform, user: &SessionUser, id: i64, fields: &ResponseIn) -> Result<(), AppError> {
    let response = fields.check().map_err(AppError::Validation)?;
    let alert = as_owner(state, user, id).await?;
    if alert.status == AlertStatus::Responded {
        return Err(AppError::Conflict("error-alert-responded"));
    }
    Ok(store::answer_alert(&state.db, Some(user.id), &alert, Some(&response), &id.to_string()).await?)
}

/// Recomputes the index (a finding changed, or the day turned) and stores the alerts it raised lately.
pub async fn recompute(state: &Platform, runtime: &Runtime) -> anyhow::Result<Vec<i64>> {
    let computed = runtime.index.refresh(&state.db, today(state)).await?;
    super::alerts::raise_recent(state, &computed).await
}

/// The retention rule: the text of anonymous signals received more than `Settings::signal_retention_days` ago is
/// redacted (their counts, indicators and the audit log stay).
pub async fn apply_retention(db: &crate::platform::db::Db, now_ms: i64, days: i64) -> anyhow::Result<u64> {
    let today = date_at(now_ms);
    let before = iso(today - Duration::days(days));
    Ok(store::redact(db, &before, &iso(today)).await?)
}
