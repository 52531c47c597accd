//! Moderation as one facility for everything people write (issue 15). A capability registers a **kind** of item
//! (`Kinds::register`): how to find an item's body, author and excerpt, and how to show or hide it. Readers report
//! items naming a clause of the published policy ([`policy`]); reports gather in the queue of the item's body,
//! ordered by a stated priority; a moderator of the body (or of one above it, or its secretariat) decides — approve,
//! hide, ask the author to edit, or suspend him from writing — naming a clause; the author receives a statement of
//! reasons and may appeal within 14 days to another moderator, whose reversal shows the item again everywhere. An
//! author asked to edit resubmits his item, which waits for a moderator again. The one automatic decision: a text
//! identical to one a moderator hid in the same body is hidden at once under the same clause (appealable as any).
//! Every decision is in the public, append-only log ([`store`]), and a monthly transparency report counts them per
//! clause.

pub mod api;
pub mod changes;
pub mod pages;
pub mod policy;
pub mod store;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use crate::platform::Platform;
use crate::platform::web::AppError;

/// What moderation needs to know of an item.
#[derive(Clone, Debug)]
pub struct Item {
    /// The body whose moderators own it.
    pub body_id: i64,
    /// The account that wrote it, if it has one (a statement of a device participant has none).
    pub author_id: Option<i64>,
    /// What the queue shows of it.
    pub excerpt: String,
    /// Its whole text as written: what an author asked to edit starts from, and what a re-post is compared by.
    pub text: String,
    /// Its page, after the language prefix.
    pub link: String,
    /// How many people it reaches (a consultation's participants): part of the queue's priority.
    pub audience: i64,
}

/// Whether an item is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Shown,
    Hidden,
}

pub type Found<'a> = Pin<Box<dyn Future<Output = Result<Option<Item>, AppError>> + Send + 'a>>;
pub type Applied<'a> = Pin<Box<dyn Future<Output = Result<(), AppError>> + Send + 'a>>;
/// Replaces an item's text with its author's edit (checked as a new one would be), keeping it hidden.
pub type Edit = for<'a> fn(&'a Platform, i64, i64, &'a str) -> Applied<'a>;

/// One kind of item: the small contract a capability implements to be moderated.
#[derive(Clone, Copy)]
pub struct Kind {
    /// The item, if it exists.
    pub find: for<'a> fn(&'a Platform, i64) -> Found<'a>,
    /// Shows or hides it (kept either way: never deleted), as `actor` (none: the facility itself), for the reason
    /// given.
    pub apply: for<'a> fn(&'a Platform, i64, Visibility, Option<i64>, &'a str) -> Applied<'a>,
    /// How its author edits it when a moderator asks him to (`None`: a kind that cannot be asked to edit — a
    /// moderator hides it instead).
    pub edit: Option<Edit>,
}

/// The kinds registered at start-up (`app::state`), by name (`statement`, …), and the per-account limit of reports
/// (in memory: a restart refills it).
#[derive(Clone)]
pub struct Kinds {
    kinds: HashMap<&'static str, Kind>,
    pub reports: std::sync::Arc<crate::platform::limit::RateLimit<i64>>,
    /// Lexicons compiled from the database, by body and language, with the time of the version compiled.
    pub lexicons: std::sync::Arc<std::sync::Mutex<Compiled>>,
}

/// Compiled lexicons: (body, language) → (updated at, lexicon).
pub type Compiled = HashMap<(i64, &'static str), (String, std::sync::Arc<lexicon::Lexicon>)>;

impl Default for Kinds {
    fn default() -> Kinds {
        Kinds {
            kinds: HashMap::new(),
            reports: std::sync::Arc::new(crate::platform::limit::RateLimit::new(
                changes::REPORT_BURST,
                changes::REPORTS_PER_HOUR / 3600.0,
            )),
            lexicons: std::sync::Arc::default(),
        }
    }
}

impl Kinds {
    pub fn register(mut self, name: &'static str, kind: Kind) -> Kinds {
        self.kinds.insert(name, kind);
        self
    }

    pub fn get(&self, name: &str) -> Option<(&'static str, Kind)> {
        self.kinds.get_key_value(name).map(|(k, v)| (*k, *v))
    }
}

/// Days an author has to appeal a decision.
pub const APPEAL_DAYS: i64 = 14;

/// What moderation tells an author: the statement of reasons of each decision against his writing, and the
/// outcome of his appeal — each a notice in his own language linking to the decision's page.
pub fn register_notices(
    notify: &std::sync::Arc<crate::platform::notify::Notifier>,
    worker: &crate::platform::change::Worker,
) {
    use crate::platform::notify::{Notice, Recipients};
    notify.kind(DECIDED_NOTICE);
    notify.on(worker, store::DECIDED, |db, event| async move {
        let Some(id) = event.subject_id else { return Ok(Vec::new()) };
        let Some(d) = store::decision(&db, id).await? else { return Ok(Vec::new()) };
        let Some(author) = d.author_id else { return Ok(Vec::new()) };
        let detail = match d.action.as_str() {
            "hide" => "hide",
            "ask_edit" => "ask-edit",
            "suspend" => "suspend",
            "uphold" => "uphold",
            "reverse" => "reverse",
            _ => return Ok(Vec::new()),
        };
        // The page of reasons is the original decision's (an appeal's outcome is shown there).
        let page = d.appeal_of.unwrap_or(d.id);
        let title = d.clause.as_deref().and_then(|c| policy::clauses().into_iter().find(|x| x.code == c)).map_or_else(
            crate::platform::multilingual::Multilingual::default,
            |c| crate::platform::multilingual::Multilingual {
                kk: Some(c.title_kk.clone()),
                ru: Some(c.title_ru.clone()),
                en: Some(c.title_en.clone()),
            },
        );
        Ok(vec![Notice {
            kind: DECIDED_NOTICE,
            item: crate::platform::change::Scope::item("moderation-decision", page),
            link: format!("/moderation/decisions/{page}"),
            title,
            detail: Some(detail),
            to: vec![Recipients::People(vec![author])],
            except: d.decided_by,
        }])
    });
}

/// The notice of a decision on one's writing.
pub const DECIDED_NOTICE: &str = "moderation-decided";
