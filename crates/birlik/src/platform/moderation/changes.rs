//! Every change of moderation, one function each (check, authorize, store with its audit entry and events): the
//! forms call them, and so do capabilities' own moderation screens.

use time::Duration;

use super::store::{self, Deciding, Decision};
use super::{APPEAL_DAYS, Item, Kind, Visibility, policy};
use crate::platform::Platform;
use crate::platform::days::{date_at, iso};
use crate::platform::identity::{Email, SessionUser, authz};
use crate::platform::validate;
use crate::platform::web::{AppError, FieldError};

fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, key)])
}

/// Reports one account may file at once, then per hour: a report storm from one identity is refused.
pub const REPORT_BURST: f64 = 20.0;
pub const REPORTS_PER_HOUR: f64 = 20.0;

fn kind(state: &Platform, name: &str) -> Result<(&'static str, Kind), AppError> {
    state.moderation.get(name).ok_or_else(|| invalid("item_kind", "field-invalid-choice"))
}

async fn item(state: &Platform, kind: Kind, id: i64) -> Result<Item, AppError> {
    (kind.find)(state, id).await?.ok_or(AppError::NotFound)
}

/// A reader reports an item, naming a clause of the policy in force (one report per reader and item).
pub async fn report(
    state: &Platform,
    user: &SessionUser,
    kind_name: &str,
    id: i64,
    clause: &str,
    note: &str,
) -> Result<(), AppError> {
    let (name, kind) = kind(state, kind_name)?;
    if policy::clause(clause).is_none() {
        return Err(invalid("clause", "field-invalid-choice"));
    }
    let note = validate::optional_text("note", note, 1000).map_err(|e| AppError::Validation(vec![e]))?;
    let item = item(state, kind, id).await?;
    if !state.moderation.reports.allow(user.id) {
        return Err(AppError::RateLimited);
    }
    if !store::report(&state.db, user.id, name, id, &item, clause, note.as_deref()).await? {
        return Err(AppError::Conflict("error-already-reported"));
    }
    Ok(())
}

/// Holds an item of a body that chose pre-moderation in its queue until a moderator approves it.
pub async fn hold(state: &Platform, kind_name: &str, id: i64) -> Result<(), AppError> {
    let (name, kind) = kind(state, kind_name)?;
    let item = item(state, kind, id).await?;
    Ok(store::hold(&state.db, name, id, &item).await?)
}

/// The languages lexicons are kept in.
pub const LEXICON_LANGS: [(&str, lexicon::Lang); 3] =
    [("kk", lexicon::Lang::Kk), ("ru", lexicon::Lang::Ru), ("en", lexicon::Lang::En)];

/// The most terms a body's lexicon of one language holds.
pub const MAX_TERMS: usize = 20_000;

/// A moderator of a body writes its lexicon of one language (one term per line; `#` comments; `word*` prefixes).
pub async fn set_lexicon(
    state: &Platform,
    user: &SessionUser,
    body: i64,
    lang: &str,
    terms: &str,
) -> Result<(), AppError> {
    role_in(state, user, body).await?;
    let Some((code, lexicon_lang)) = LEXICON_LANGS.iter().find(|(c, _)| *c == lang).copied() else {
        return Err(invalid("lang", "field-invalid-choice"));
    };
    if terms.lines().count() > MAX_TERMS || terms.len() > 2_000_000 {
        return Err(AppError::Validation(vec![
            FieldError::new("terms", "field-too-long").with("max", MAX_TERMS as i64),
        ]));
    }
    if let Err(e) = lexicon::Lexicon::parse(lexicon_lang, terms) {
        return Err(AppError::Validation(vec![
            FieldError::new("terms", "moderation-lexicon-invalid").with("problem", e.to_string()),
        ]));
    }
    Ok(store::set_lexicon(&state.db, user.id, body, code, terms).await?)
}

/// The compiled lexicons that apply to `body`: its own and those of the bodies above it.
async fn lexicons_for(state: &Platform, body: i64) -> Result<Vec<std::sync::Arc<lexicon::Lexicon>>, AppError> {
    let mut out = Vec::new();
    for b in authz::body_and_ancestors(&state.db, body).await? {
        for (code, lang) in LEXICON_LANGS {
            let Some((terms, updated_at)) = store::lexicon(&state.db, b, code).await? else { continue };
            let kept = state.moderation.lexicons.lock().ok().and_then(|c| c.get(&(b, code)).cloned());
            let compiled = match kept {
                Some((at, lexicon)) if at == updated_at => lexicon,
                _ => {
                    let Ok(lexicon) = lexicon::Lexicon::parse(lang, &terms) else { continue };
                    let lexicon = std::sync::Arc::new(lexicon);
                    if let Ok(mut cache) = state.moderation.lexicons.lock() {
                        cache.insert((b, code), (updated_at, lexicon.clone()));
                    }
                    lexicon
                }
            };
            out.push(compiled);
        }
    }
    Ok(out)
}

/// Screens what was just written: a text identical to one a moderator hid in the same body is hidden at once under
/// the same clause (the one automatic decision, appealable as any); otherwise a match of the body's lexicons flags
/// the item (it goes to the queue, and is not hidden by the flag). Returns the terms matched.
pub async fn screen(state: &Platform, kind_name: &str, id: i64, text: &str) -> Result<Vec<String>, AppError> {
    let (name, kind) = kind(state, kind_name)?;
    // An item that is gone, or that no body owns (no bodies yet), has nobody to moderate it.
    let Some(item) = (kind.find)(state, id).await? else { return Ok(Vec::new()) };
    if let Some(print) = fingerprint(text)
        && let Some(earlier) = store::hidden_like(&state.db, name, item.body_id, &print, id).await?
    {
        (kind.apply)(state, id, Visibility::Hidden, None, "a re-post of a hidden text").await?;
        let deciding = Deciding {
            kind: name,
            item_id: id,
            body_id: item.body_id,
            author_id: item.author_id,
            action: "hide",
            clause: earlier.clause.as_deref(),
            automatic: true,
            decided_by: None,
            decided_role: "automatic",
            note: None,
            suspended_until: None,
            appeal_of: None,
        };
        store::decide(&state.db, &deciding, Some(&print)).await?;
        return Ok(Vec::new());
    }
    let mut terms: Vec<String> = Vec::new();
    for lexicon in lexicons_for(state, item.body_id).await? {
        for m in lexicon.matches(text) {
            if !terms.iter().any(|t| t == m.term) {
                terms.push(m.term.to_owned());
            }
        }
    }
    if !terms.is_empty() {
        store::flag(&state.db, name, id, &item).await?;
    }
    Ok(terms)
}

/// What makes two texts "the same" for a re-post: their letters and digits, lower-cased, hashed (so the table of
/// hidden texts keeps no text). Too short a text (under 8 letters) has none: "ok" is nobody's re-post.
pub fn fingerprint(text: &str) -> Option<String> {
    use sha2::Digest;
    let folded: String = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if folded.chars().count() < 8 {
        return None;
    }
    Some(format!("{:x}", sha2::Sha256::digest(folded.as_bytes())))
}

/// The role `user` moderates `body` in (`admin`, `secretariat`, `moderator`), or `Forbidden`.
pub async fn role_in(state: &Platform, user: &SessionUser, body: i64) -> Result<&'static str, AppError> {
    if user.roles.is_admin() {
        return Ok("admin");
    }
    if authz::manage_body(&state.db, user, body).await.is_ok() {
        return Ok("secretariat");
    }
    let line = authz::body_and_ancestors(&state.db, body).await?;
    let mine = store::moderated_bodies(&state.db, user.id).await?;
    if line.iter().any(|b| mine.contains(b)) { Ok("moderator") } else { Err(AppError::Forbidden) }
}

/// What a moderator decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Approve,
    Hide,
    AskEdit,
    Suspend,
}

impl Action {
    pub fn parse(code: &str) -> Option<Action> {
        match code {
            "approve" => Some(Action::Approve),
            "hide" => Some(Action::Hide),
            "ask_edit" => Some(Action::AskEdit),
            "suspend" => Some(Action::Suspend),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Hide => "hide",
            Action::AskEdit => "ask_edit",
            Action::Suspend => "suspend",
        }
    }
}

/// A moderator's decision as submitted.
#[derive(Clone, Copy, Debug)]
pub struct DecisionIn<'a> {
    pub kind: &'a str,
    pub item_id: i64,
    pub action: Action,
    /// The clause's code (not needed to approve).
    pub clause: &'a str,
    pub note: &'a str,
    /// For a suspension: how many days.
    pub days: i64,
}

/// The longest suspension, in days.
pub const MAX_SUSPENSION_DAYS: i64 = 365;

/// A moderator's decision on an item: it names a clause (unless it approves), never concerns his own writing, and
/// is logged; hiding keeps the item (its author still sees it, marked).
pub async fn decide(state: &Platform, user: &SessionUser, input: &DecisionIn<'_>) -> Result<i64, AppError> {
    let DecisionIn { kind: kind_name, item_id: id, action, clause, note, days } = *input;
    let (name, kind) = kind(state, kind_name)?;
    let item = item(state, kind, id).await?;
    let role = role_in(state, user, item.body_id).await?;
    if item.author_id == Some(user.id) {
        return Err(AppError::Conflict("error-moderate-own"));
    }
    if action == Action::AskEdit && (kind.edit.is_none() || item.author_id.is_none()) {
        return Err(invalid("action", "moderation-cannot-ask-edit"));
    }
    let clause = match action {
        Action::Approve => None,
        _ => Some(policy::clause(clause).ok_or_else(|| invalid("clause", "moderation-clause-required"))?.code.as_str()),
    };
    let note = validate::optional_text("note", note, 2000).map_err(|e| AppError::Validation(vec![e]))?;
    let until = match action {
        Action::Suspend => {
            if !(1..=MAX_SUSPENSION_DAYS).contains(&days) {
                return Err(AppError::Validation(vec![
                    FieldError::new("days", "field-out-of-range").with("min", 1).with("max", MAX_SUSPENSION_DAYS),
                ]));
            }
            if item.author_id.is_none() {
                return Err(AppError::Conflict("error-suspend-no-account"));
            }
            Some(iso(date_at(state.jobs.now_ms()) + Duration::days(days)))
        }
        _ => None,
    };
    let visibility = if action == Action::Approve { Visibility::Shown } else { Visibility::Hidden };
    // What the item's own audit entry says: the clause and the moderator's note.
    let reason = match (clause.map(|c| policy::label(c, crate::platform::i18n::Lang::En)), note.as_deref()) {
        (Some(c), Some(n)) => format!("{c}: {n}"),
        (Some(c), None) => c,
        (None, Some(n)) => n.to_owned(),
        (None, None) => "approved".to_owned(),
    };
    (kind.apply)(state, id, visibility, Some(user.id), &reason).await?;
    let deciding = Deciding {
        kind: name,
        item_id: id,
        body_id: item.body_id,
        author_id: item.author_id,
        action: action.code(),
        clause,
        automatic: false,
        decided_by: Some(user.id),
        decided_role: role,
        note: note.as_deref(),
        suspended_until: until.as_deref(),
        appeal_of: None,
    };
    Ok(store::decide(&state.db, &deciding, fingerprint(&item.text).as_deref()).await?)
}

/// The decision, if `user` is the author it concerns (else not found: a decision is not shown to others).
pub async fn of_author(state: &Platform, user: &SessionUser, id: i64) -> Result<Decision, AppError> {
    let d = store::decision(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if d.author_id != Some(user.id) {
        return Err(AppError::NotFound);
    }
    Ok(d)
}

/// The last day an appeal of `d` may be filed.
pub fn appeal_until(d: &Decision) -> Option<time::Date> {
    crate::platform::days::parse_iso(d.decided_at.get(..10)?).map(|day| day + Duration::days(APPEAL_DAYS))
}

/// The author appeals a decision within 14 days: once, and only a decision against him.
pub async fn appeal(state: &Platform, user: &SessionUser, id: i64, text: &str) -> Result<(), AppError> {
    let d = store::decision(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if d.author_id != Some(user.id) {
        return Err(AppError::Forbidden);
    }
    if !matches!(d.action.as_str(), "hide" | "ask_edit" | "suspend") {
        return Err(AppError::Conflict("error-appeal-nothing"));
    }
    if appeal_until(&d).is_none_or(|last| date_at(state.jobs.now_ms()) > last) {
        return Err(AppError::Conflict("error-appeal-late"));
    }
    if store::appeal_of(&state.db, id).await?.is_some() {
        return Err(AppError::Conflict("error-appeal-filed"));
    }
    let text = validate::text("text", text, 2000).map_err(|e| AppError::Validation(vec![e]))?;
    Ok(store::appeal(&state.db, &d, user.id, &text).await?)
}

/// Another moderator of the body (or one above it) decides an appeal — never the one who decided: upheld, or
/// reversed, which shows the item again everywhere and lifts a suspension.
pub async fn decide_appeal(
    state: &Platform,
    user: &SessionUser,
    decision: i64,
    reverse: bool,
    note: &str,
) -> Result<i64, AppError> {
    let d = store::decision(&state.db, decision).await?.ok_or(AppError::NotFound)?;
    let appeal = store::appeal_of(&state.db, decision).await?.ok_or(AppError::NotFound)?;
    if appeal.outcome_id.is_some() {
        return Err(AppError::Conflict("error-appeal-decided"));
    }
    let role = role_in(state, user, d.body_id).await?;
    if d.decided_by == Some(user.id) {
        return Err(AppError::Conflict("error-appeal-own-decision"));
    }
    let note = validate::text("note", note, 2000).map_err(|e| AppError::Validation(vec![e]))?;
    let (name, kind) = kind(state, &d.item_kind)?;
    if reverse {
        (kind.apply)(state, d.item_id, Visibility::Shown, Some(user.id), "reversed on appeal").await?;
    }
    let deciding = Deciding {
        kind: name,
        item_id: d.item_id,
        body_id: d.body_id,
        author_id: d.author_id,
        action: if reverse { "reverse" } else { "uphold" },
        clause: d.clause.as_deref(),
        automatic: false,
        decided_by: Some(user.id),
        decided_role: role,
        note: Some(&note),
        suspended_until: None,
        appeal_of: Some(d.id),
    };
    Ok(store::decide(&state.db, &deciding, None).await?)
}

/// May the author of `d` edit his item now: asked to, of a kind that can be edited, not yet resubmitted, and no
/// later decision (an appeal's reversal, an approval) made the request moot?
pub async fn may_edit(state: &Platform, d: &Decision) -> Result<bool, AppError> {
    if d.action != "ask_edit" || state.moderation.get(&d.item_kind).and_then(|(_, k)| k.edit).is_none() {
        return Ok(false);
    }
    if store::edited_at(&state.db, d.id).await?.is_some() {
        return Ok(false);
    }
    Ok(store::latest(&state.db, &d.item_kind, d.item_id).await?.is_some_and(|l| l.id == d.id))
}

/// The author, asked to edit, resubmits his item: its text replaced (checked as the kind checks a new one), it
/// stays hidden and waits in its body's queue until a moderator approves it (or decides again).
pub async fn resubmit(state: &Platform, user: &SessionUser, decision: i64, text: &str) -> Result<(), AppError> {
    let d = of_author(state, user, decision).await?;
    if !may_edit(state, &d).await? {
        return Err(AppError::Conflict("error-edit-not-asked"));
    }
    let (_, kind) = kind(state, &d.item_kind)?;
    let edit = kind.edit.ok_or(AppError::Conflict("error-edit-not-asked"))?;
    edit(state, d.item_id, user.id, text).await?;
    let item = item(state, kind, d.item_id).await?;
    Ok(store::resubmitted(&state.db, &d, &item).await?)
}

/// The secretariat of a body names a moderator of it (and of the bodies under it) by his account's e-mail.
pub async fn assign(state: &Platform, user: &SessionUser, body: i64, email: &str) -> Result<(), AppError> {
    authz::manage_body(&state.db, user, body).await?;
    let email = Email::parse(email).ok_or_else(|| invalid("email", "field-invalid-email"))?;
    let moderator = crate::platform::identity::store::find_by_email(&state.db, &email)
        .await?
        .ok_or_else(|| invalid("email", "error-no-such-account"))?;
    Ok(store::assign(&state.db, user.id, moderator.id, body).await?)
}

/// May `user` write in `body`'s spaces today (not suspended)?
pub async fn may_write(state: &Platform, user: i64, body: i64) -> Result<bool, AppError> {
    let today = iso(date_at(state.jobs.now_ms()));
    for b in authz::body_and_ancestors(&state.db, body).await? {
        if store::suspended(&state.db, user, b, &today).await? {
            return Ok(false);
        }
    }
    Ok(true)
}
