//! The forms of mediation, without JavaScript: opening a case (from signals, or directly), writing to its file,
//! and assigning another mediator. Every form goes through [`super::changes`].

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::changes::{self, CaseIn, EntryIn};
use super::model::{EntryKind, Outcome, PartyKind};
use super::{access, pages};
use crate::early_warning::pages::region_name;
use crate::platform::Platform;
use crate::platform::i18n::Localized;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, Errors, FieldError, Form, PageCtx};

/// Rows of parties the form offers.
const PARTY_ROWS: usize = 4;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CaseFields {
    pub council_id: String,
    pub region_code: String,
    pub title: String,
    pub party_kind: Vec<String>,
    pub party_name: Vec<String>,
    pub mediators: Vec<String>,
    pub signals: String,
    pub note: String,
}

fn party_kind(code: &str) -> PartyKind {
    match code {
        "association" => PartyKind::Association,
        "person" => PartyKind::Person,
        _ => PartyKind::Community,
    }
}

impl CaseFields {
    fn parse(&self) -> (CaseIn, Vec<FieldError>) {
        let mut errors = Vec::new();
        let signals = self
            .signals
            .split([',', ' ', ';'])
            .map(|s| s.trim().trim_start_matches('№'))
            .filter(|s| !s.is_empty())
            .filter_map(|s| {
                s.parse().map_err(|_| errors.push(FieldError::new("signals", "case-signal-not-in-region"))).ok()
            })
            .collect();
        let input = CaseIn {
            council_id: self.council_id.trim().parse().unwrap_or(0),
            title: self.title.clone(),
            parties: self.party_kind.iter().zip(&self.party_name).map(|(k, n)| (party_kind(k), n.clone())).collect(),
            mediators: self.mediators.iter().filter_map(|m| m.trim().parse().ok()).collect(),
            signals,
            note: self.note.clone(),
            region_code: Some(self.region_code.trim().to_owned()).filter(|r| !r.is_empty()),
        };
        (input, errors)
    }
}

#[derive(Template)]
#[template(path = "mediation/templates/new.html")]
struct NewPage {
    ctx: PageCtx,
    fields: CaseFields,
    errors: Errors,
    councils: Vec<(String, String)>,
    members: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    rows: Vec<(String, String)>,
}

impl NewPage {
    fn chosen(&self, person: &str) -> bool {
        self.fields.mediators.iter().any(|m| m == person)
    }
}

async fn new_page(
    state: &Platform,
    ctx: PageCtx,
    mut fields: CaseFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let lang = ctx.lang;
    let councils_open = access::councils_to_open(&state.db, user).await?;
    if councils_open.is_empty() {
        return Err(AppError::Forbidden);
    }
    if fields.council_id.is_empty() && councils_open.len() == 1 {
        fields.council_id = councils_open.first().map(|c| c.id.to_string()).unwrap_or_default();
    }
    let councils = councils_open.iter().map(|c| (c.id.to_string(), c.name(lang).to_owned())).collect();
    let members = match fields.council_id.parse() {
        Ok(id) if councils_open.iter().any(|c| c.id == id) => {
            access::council_members(&state.db, id).await?.into_iter().map(|(p, name)| (p.to_string(), name)).collect()
        }
        _ => Vec::new(),
    };
    let mut regions: Vec<(String, String)> =
        crate::registry::reference::regions().iter().map(|r| (r.code.clone(), region_name(&r.code, lang))).collect();
    regions.sort_by(|a, b| lang.compare(&a.1, &b.1));
    let kinds = [PartyKind::Community, PartyKind::Association, PartyKind::Person]
        .iter()
        .map(|k| (crate::platform::validate::code_of(k), ctx.t(k.key())))
        .collect();
    let rows = (0..PARTY_ROWS)
        .map(|i| {
            (
                fields.party_kind.get(i).cloned().unwrap_or_else(|| "community".into()),
                fields.party_name.get(i).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let errors = Errors::new(lang, errors);
    render(&NewPage { ctx, fields, errors, councils, members, regions, kinds, rows })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    council: String,
    signal: String,
}

pub async fn new_case(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_none() {
        let next = crate::platform::web::url_encode(&ctx.url("/mediation/new"));
        return Ok(axum::response::Redirect::to(&format!("{}?next={next}", ctx.url("/login"))).into_response());
    }
    let fields = CaseFields { council_id: q.council, signals: q.signal, ..Default::default() };
    Ok(new_page(&state, ctx, fields, Vec::new()).await?.into_response())
}

pub async fn open(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<CaseFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (input, mut errors) = fields.parse();
    let result = if errors.is_empty() {
        changes::open_case(&state, user, &input).await
    } else {
        Err(AppError::Validation(std::mem::take(&mut errors)))
    };
    match result {
        Ok(id) => Ok(ctx.see_other(&format!("/mediation/{id}?done=opened"))),
        Err(e) => {
            let (status, errors) = e.on_form("title")?;
            Ok((status, new_page(&state, ctx, fields, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EntryFields {
    pub kind: String,
    pub on_day: String,
    pub text: String,
    pub follow_up_on: String,
    pub outcome: String,
}

pub async fn write(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<EntryFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let input = EntryIn {
        kind: crate::platform::validate::parse_code::<EntryKind>(&fields.kind),
        on_day: fields.on_day.clone(),
        text: fields.text.clone(),
        follow_up_on: fields.follow_up_on.clone(),
        outcome: crate::platform::validate::parse_code::<Outcome>(&fields.outcome),
    };
    match changes::write(&state, Some(user), p.id, &input).await {
        Ok(()) => Ok(ctx.see_other(&format!("/mediation/{}?done=written", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("text")?;
            Ok((status, pages::case_page(&state, ctx, p.id, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignFields {
    pub person_id: String,
}

pub async fn assign(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<AssignFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let person = fields.person_id.trim().parse().unwrap_or(0);
    match changes::assign(&state, user, p.id, person).await {
        Ok(()) => Ok(ctx.see_other(&format!("/mediation/{}?done=assigned", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("person_id")?;
            Ok((status, pages::case_page(&state, ctx, p.id, None, errors).await?).into_response())
        }
    }
}

/// A document for the case file, uploaded as `multipart/form-data` (title, file).
pub async fn attach(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (mut title, mut bytes) = (String::new(), Vec::new());
    let bad = |e: axum::extract::multipart::MultipartError| AppError::BadRequest(e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("title") => title = field.text().await.map_err(bad)?,
            Some("file") => bytes = field.bytes().await.map_err(bad)?.to_vec(),
            _ => {}
        }
    }
    match changes::attach(&state, &user, p.id, &title, &bytes).await {
        Ok(_) => Ok(ctx.see_other(&format!("/mediation/{}?done=attached", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("file")?;
            Ok((status, pages::case_page(&state, ctx, p.id, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct DocumentPath {
    #[allow(dead_code)]
    lang: String,
    id: i64,
    doc: i64,
}

/// A document of the case file, for its readers only; the read is logged. Always a download, never shown inline.
pub async fn download(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<DocumentPath>,
) -> Result<Response, AppError> {
    use axum::http::header;
    let user = ctx.require_user()?;
    let (title, content_type, bytes) = changes::document(&state, user, p.id, p.doc).await?;
    let extension = match content_type.as_str() {
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "application/vnd.oasis.opendocument.text" => "odt",
        _ => "docx",
    };
    let name: String = title.chars().filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-').take(80).collect();
    let disposition = format!(
        "attachment; filename=\"case-{}-{}.{extension}\"; filename*=UTF-8''{}.{extension}",
        p.id,
        p.doc,
        crate::platform::web::url_encode(name.trim())
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
