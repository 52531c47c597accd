//! Every change to mediation cases, one function each (check, authorize, seal, store with its audit entry,
//! events and timers), and the one read of a case file, which is logged. Forms and the demo call them.

use time::Date;

use super::access;
use super::model::{Case, CaseHead, CaseStatus, Entry, EntryKind, Outcome, Party, PartyKind};
use super::reminders;
use super::store::{self, Opening, Update};
use crate::platform::Platform;
use crate::platform::days::{date_at, iso, parse_iso};
use crate::platform::identity::SessionUser;
use crate::platform::seal::Sealer;
use crate::platform::validate::{self, Checks};
use crate::platform::web::{AppError, FieldError};
use crate::registry::model::BodyKind;

/// The longest entry of a case file, in characters.
pub const MAX_ENTRY: usize = 20_000;
/// The most parties and mediators a case names.
pub const MAX_PARTIES: usize = 20;

fn sealed(seal: &Sealer, purpose: &str, text: &str) -> Result<String, AppError> {
    seal.seal(purpose, text).map_err(|e| AppError::Internal(e.into()))
}

fn opened(seal: &Sealer, purpose: &str, text: &str) -> Result<String, AppError> {
    seal.open(purpose, text).map_err(|e| AppError::Internal(e.into()))
}

fn today(state: &Platform) -> Date {
    date_at(state.jobs.now_ms())
}

/// A case as opened.
#[derive(Clone, Debug, Default)]
pub struct CaseIn {
    pub council_id: i64,
    pub title: String,
    pub parties: Vec<(PartyKind, String)>,
    /// Person ids of the council's members.
    pub mediators: Vec<i64>,
    pub signals: Vec<i64>,
    /// What the case is about, the file's first note.
    pub note: String,
    pub region_code: Option<String>,
}

/// Opens a case; returns its id.
pub async fn open_case(state: &Platform, user: &SessionUser, input: &CaseIn) -> Result<i64, AppError> {
    open_case_as(state, Some(user), input, false).await
}

/// [`open_case`], by a user or (for the demo) by nobody.
pub async fn open_case_as(
    state: &Platform,
    user: Option<&SessionUser>,
    input: &CaseIn,
    demo: bool,
) -> Result<i64, AppError> {
    let mut c = Checks::default();
    let title = c.take(validate::line("title", &input.title, 3, validate::MAX_LINE));
    let note = c.take(validate::optional_text("note", &input.note, MAX_ENTRY));
    let parties: Vec<(PartyKind, String)> = input
        .parties
        .iter()
        .filter(|(_, name)| !name.trim().is_empty())
        .map(|(kind, name)| (*kind, c.take(validate::line("parties", name, 1, validate::MAX_LINE))))
        .collect();
    if parties.len() < 2 {
        c.push(FieldError::new("parties", "case-parties-required"));
    }
    let mut mediators = input.mediators.clone();
    mediators.sort_unstable();
    mediators.dedup();
    if mediators.is_empty() {
        c.push(FieldError::new("mediators", "case-mediators-required"));
    }
    if parties.len() > MAX_PARTIES || mediators.len() > MAX_PARTIES {
        c.push(FieldError::new("parties", "field-too-many").with("max", MAX_PARTIES as i64));
    }
    let council = crate::registry::store::body(&state.db, input.council_id)
        .await?
        .filter(|b| b.kind == BodyKind::EthnomediationCouncil && b.archived_at.is_none());
    let Some(council) = council else {
        c.push(FieldError::new("council_id", "field-invalid-choice"));
        return Err(AppError::Validation(c.errors));
    };
    if let Some(user) = user {
        let person = access::person(&state.db, user).await?;
        let may = access::seated(&state.db, person, council.id).await?
            || crate::platform::identity::authz::manage_body(&state.db, user, council.id).await.is_ok();
        if !may {
            return Err(AppError::Forbidden);
        }
    }
    let members = access::council_members(&state.db, council.id).await?;
    if mediators.iter().any(|m| !members.iter().any(|(p, _)| p == m)) {
        c.push(FieldError::new("mediators", "case-mediator-not-member"));
    }
    // A national council's case is in the region of its signals, or the one chosen.
    let mut region = council.region_code.clone().or_else(|| input.region_code.clone());
    for id in &input.signals {
        match crate::early_warning::store::get(&state.db, *id).await? {
            Some(s) if council.region_code.as_deref().is_none_or(|r| r == s.region_code) => {
                region.get_or_insert(s.region_code);
            }
            _ => c.push(FieldError::new("signals", "case-signal-not-in-region")),
        }
    }
    let region = region.filter(|r| crate::registry::reference::region(r).is_some());
    if region.is_none() {
        c.push(FieldError::new("region_code", "field-required"));
    }
    let (parties, region) = match c.finish((parties, region)) {
        Ok((p, Some(r))) => (p, r),
        Ok((_, None)) => return Err(AppError::Validation(vec![FieldError::new("region_code", "field-required")])),
        Err(errors) => return Err(AppError::Validation(errors)),
    };
    let seal = &state.seal;
    let mut sealed_parties = Vec::new();
    for (kind, name) in &parties {
        sealed_parties.push((*kind, sealed(seal, "case_parties.name", name)?));
    }
    let opening = Opening {
        council_id: council.id,
        region_code: &region,
        title_sealed: sealed(seal, "mediation_cases.title", &title)?,
        parties: sealed_parties,
        mediators: &mediators,
        signals: &input.signals,
        opened_on: &iso(today(state)),
        first_entry_sealed: match &note {
            Some(n) => Some(sealed(seal, "case_entries.text", n)?),
            None => None,
        },
        demo,
    };
    Ok(store::open(&state.db, user.map(|u| u.id), &opening).await?)
}

/// The case's head, if `user` may read it; a case he may not read is "not found" (its existence is not told).
pub async fn readable(state: &Platform, user: &SessionUser, id: i64) -> Result<CaseHead, AppError> {
    let head = store::head(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !access::may_read(&state.db, user, &head).await? {
        return Err(AppError::NotFound);
    }
    Ok(head)
}

/// Opens a case file for `user`, logging the read.
pub async fn read_case(state: &Platform, user: &SessionUser, id: i64) -> Result<Case, AppError> {
    let head = readable(state, user, id).await?;
    store::log_read(&state.db, id, user.id).await?;
    let seal = &state.seal;
    let (title, agreement) = store::sealed_texts(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let mut parties = Vec::new();
    for (kind, name) in store::parties(&state.db, id).await? {
        parties.push(Party { kind, name: opened(seal, "case_parties.name", &name)? });
    }
    let mut entries = Vec::new();
    for (kind, on_day, text, written_by, written_at) in store::entries(&state.db, id).await? {
        entries.push(Entry { kind, on_day, text: opened(seal, "case_entries.text", &text)?, written_by, written_at });
    }
    let mut documents = Vec::new();
    for (doc, title, content_type, size, added_at) in store::documents(&state.db, id).await? {
        documents.push(super::model::Document {
            id: doc,
            title: opened(seal, "case_documents.title", &title)?,
            content_type,
            size,
            added_at,
        });
    }
    Ok(Case {
        documents,
        title: opened(seal, "mediation_cases.title", &title)?,
        agreement: match agreement {
            Some(a) => Some(opened(seal, "mediation_cases.agreement", &a)?),
            None => None,
        },
        parties,
        mediators: store::mediators(&state.db, id).await?,
        signals: store::signals(&state.db, id).await?,
        entries,
        head,
    })
}

/// What a mediator writes to the case file.
#[derive(Clone, Debug, Default)]
pub struct EntryIn {
    pub kind: Option<EntryKind>,
    pub on_day: String,
    pub text: String,
    /// For an agreement or a follow-up: the next follow-up day.
    pub follow_up_on: String,
    /// For the outcome: how the case closes.
    pub outcome: Option<Outcome>,
}

/// Appends to the case file: a note or meeting; the agreement (with its first follow-up); a follow-up (with the
/// next); or the outcome, which closes the case.
pub async fn write(state: &Platform, user: Option<&SessionUser>, id: i64, input: &EntryIn) -> Result<(), AppError> {
    let head = match user {
        Some(user) => readable(state, user, id).await?,
        None => store::head(&state.db, id).await?.ok_or(AppError::NotFound)?,
    };
    if head.status == CaseStatus::Closed {
        return Err(AppError::Conflict("error-case-closed"));
    }
    let mut c = Checks::default();
    let text = c.take(validate::text("text", &input.text, MAX_ENTRY));
    let on_day = c.take(validate::date("on_day", &input.on_day));
    let follow_up = c.take(validate::optional_line("follow_up_on", &input.follow_up_on, 10));
    if let Some(f) = &follow_up
        && parse_iso(f).is_none_or(|d| d <= today(state))
    {
        c.push(FieldError::new("follow_up_on", "case-follow-up-future"));
    }
    let Some(kind) = input.kind else {
        c.push(FieldError::new("kind", "field-invalid-choice"));
        return Err(AppError::Validation(c.errors));
    };
    if kind == EntryKind::Outcome && input.outcome.is_none() {
        c.push(FieldError::new("outcome", "field-required"));
    }
    if kind == EntryKind::Agreement && head.status == CaseStatus::Agreement {
        c.push(FieldError::new("kind", "case-agreement-exists"));
    }
    let (text, on_day, follow_up) = c.finish((text, on_day, follow_up)).map_err(AppError::Validation)?;
    let seal = &state.seal;
    let entry = sealed(seal, "case_entries.text", &text)?;
    let agreement = sealed(seal, "mediation_cases.agreement", &text)?;
    let now_ms = state.jobs.now_ms();
    let timer = follow_up.as_deref().and_then(parse_iso).map(|d| reminders::timer(now_ms, id, d));
    let update = match kind {
        EntryKind::Agreement => {
            Update::Agreement { sealed: &agreement, on: &on_day, follow_up_on: follow_up.as_deref() }
        }
        EntryKind::FollowUp => match &follow_up {
            Some(on) => Update::FollowUp { on },
            None => Update::None,
        },
        EntryKind::Outcome => match input.outcome {
            Some(outcome) => Update::Close { outcome, on: &on_day },
            None => Update::None,
        },
        EntryKind::Note | EntryKind::Meeting => Update::None,
    };
    let written = store::Written { kind, on_day: &on_day, sealed: &entry };
    store::add_entry(&state.db, user.map(|u| u.id), &head, &written, update, timer).await?;
    state.jobs.wake();
    Ok(())
}

/// The largest document a case file takes: it is sealed whole in the database.
pub const MAX_DOCUMENT_MB: usize = 10;

/// Attaches a document (PDF, ODT, DOCX, PNG, JPEG, its type read from its bytes) to the case file, sealed.
pub async fn attach(state: &Platform, user: &SessionUser, id: i64, title: &str, bytes: &[u8]) -> Result<i64, AppError> {
    let head = readable(state, user, id).await?;
    if head.status == CaseStatus::Closed {
        return Err(AppError::Conflict("error-case-closed"));
    }
    let mut c = Checks::default();
    let title = c.take(validate::line("title", title, 1, validate::MAX_LINE));
    let kind = crate::platform::files::sniff::sniff(bytes);
    if bytes.is_empty() {
        c.push(FieldError::new("file", "field-file-required"));
    } else if bytes.len() > MAX_DOCUMENT_MB * 1024 * 1024 {
        c.push(FieldError::new("file", "field-file-too-large").with("max", MAX_DOCUMENT_MB as i64));
    } else if kind.is_none() {
        c.push(FieldError::new("file", "field-file-type"));
    }
    let (title, kind) = match c.finish((title, kind)) {
        Ok((title, Some(kind))) => (title, kind),
        Ok((_, None)) => return Err(AppError::Validation(vec![FieldError::new("file", "field-file-type")])),
        Err(errors) => return Err(AppError::Validation(errors)),
    };
    let seal = &state.seal;
    let title_sealed = sealed(seal, "case_documents.title", &title)?;
    let content_sealed = seal.seal_bytes("case_documents.content", bytes).map_err(|e| AppError::Internal(e.into()))?;
    let attaching = store::Attaching {
        title_sealed: &title_sealed,
        content_type: kind.content_type(),
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        content_sealed: &content_sealed,
    };
    Ok(store::attach(&state.db, Some(user.id), id, &attaching).await?)
}

/// A document of a case, opened for one who may read the case (the read is logged): (title, type, bytes).
pub async fn document(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    doc: i64,
) -> Result<(String, String, Vec<u8>), AppError> {
    readable(state, user, id).await?;
    let (title, content_type, content) = store::document(&state.db, id, doc).await?.ok_or(AppError::NotFound)?;
    store::log_read(&state.db, id, user.id).await?;
    let bytes = state.seal.open_bytes("case_documents.content", &content).map_err(|e| AppError::Internal(e.into()))?;
    Ok((opened(&state.seal, "case_documents.title", &title)?, content_type, bytes))
}

/// Assigns another member of the council as mediator (a mediator of the case or the chair).
pub async fn assign(state: &Platform, user: &SessionUser, id: i64, person: i64) -> Result<(), AppError> {
    let head = readable(state, user, id).await?;
    if !access::council_members(&state.db, head.council_id).await?.iter().any(|(p, _)| *p == person) {
        return Err(AppError::Validation(vec![FieldError::new("person_id", "case-mediator-not-member")]));
    }
    Ok(store::assign(&state.db, Some(user.id), id, person).await?)
}

/// Who read a case file, for the council's chair only.
pub async fn reads(
    state: &Platform,
    user: &SessionUser,
    head: &CaseHead,
) -> Result<Option<Vec<(String, String)>>, AppError> {
    if !access::is_chair(&state.db, user, head).await? {
        return Ok(None);
    }
    Ok(Some(store::reads(&state.db, head.id).await?))
}

/// The public figures: cases opened and closed per region and quarter, counts from 1 to 4 withheld.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Quarter {
    pub region_code: String,
    pub quarter: String,
    pub opened: Option<u32>,
    pub closed: Option<u32>,
}

fn quarter_of(day: &str) -> Option<String> {
    let d = parse_iso(day)?;
    Some(format!("{}-Q{}", d.year(), (u8::from(d.month()) - 1) / 3 + 1))
}

pub async fn quarters(state: &Platform) -> Result<Vec<Quarter>, AppError> {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<(String, String), (u32, u32)> = BTreeMap::new();
    for (region, opened_on, closed_on) in store::counts(&state.db).await? {
        if let Some(q) = quarter_of(&opened_on) {
            counts.entry((region.clone(), q)).or_default().0 += 1;
        }
        if let Some(q) = closed_on.as_deref().and_then(quarter_of) {
            counts.entry((region, q)).or_default().1 += 1;
        }
    }
    let shown = |n: u32| (n == 0 || n >= crate::early_warning::index::SMALL).then_some(n);
    Ok(counts
        .into_iter()
        .map(|((region_code, quarter), (o, c))| Quarter { region_code, quarter, opened: shown(o), closed: shown(c) })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quarters_are_calendar_quarters() {
        assert_eq!(super::quarter_of("2026-01-01").as_deref(), Some("2026-Q1"));
        assert_eq!(super::quarter_of("2026-06-30").as_deref(), Some("2026-Q2"));
        assert_eq!(super::quarter_of("2026-12-01").as_deref(), Some("2026-Q4"));
        assert_eq!(super::quarter_of("nonsense"), None);
    }
}
