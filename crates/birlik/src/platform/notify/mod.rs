//! Notifications, fed by the change kernel's events.
//!
//! A capability says, per event kind, which [`Notice`]s an event makes ([`Notifier::on`]): what kind of notice,
//! about which item, and to whom — explicit people, the followers of an item, the holders of a role in a body.
//! When the event is applied, [`Notifier::deliver`] writes one inbox row per recipient in one transaction, and
//! in the same transaction schedules the e-mail (a timer of [`MAIL_JOB`] per few hundred recipients). A person's
//! settings say, per kind, whether e-mail goes at once, in the daily digest ([`DIGEST_JOB`]) or never; the
//! inbox keeps every notice.
//!
//! Exactly once: (recipient, event, kind) is unique, so an event applied again after a crash adds no row; a mail
//! is marked sent right after it leaves, and only unsent ones are sent by a job run again. (An SMTP server that
//! took a mail just before a crash may get it again: SMTP has no idempotency. Its `Message-ID` is the same, so
//! mail systems that deduplicate by it show one. With no SMTP configured a mail is a file named by its notice,
//! written whole or not at all.)

pub mod changes;
pub mod mail;
pub mod pages;
pub mod store;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, PoisonError, RwLock};

use serde::{Deserialize, Serialize};

use crate::platform::change::{Scope, StoredEvent, Worker};
use crate::platform::db::Db;
use crate::platform::jobs::Jobs;
use crate::platform::multilingual::Multilingual;

/// The timer that sends the e-mails of one event's notices (a range of them).
pub const MAIL_JOB: &str = "notify.mail";
/// The timer that sends each person's daily digest.
pub const DIGEST_JOB: &str = "notify.digest";
/// Notices one mail job sends.
pub const MAIL_CHUNK: i64 = 500;

/// How a person wants one kind of notice by e-mail. The inbox has them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// An e-mail as soon as it happens (the default).
    Instant,
    /// In one e-mail a day.
    Daily,
    /// No e-mail.
    Never,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Delivery::Instant, Delivery::Daily, Delivery::Never];

    pub fn code(self) -> &'static str {
        match self {
            Delivery::Instant => "instant",
            Delivery::Daily => "daily",
            Delivery::Never => "never",
        }
    }

    pub fn from_code(code: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Where a notice's e-mail stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MailState {
    /// Not sent by e-mail (the person said never).
    None,
    /// To send at once.
    Pending,
    /// Waits for the daily digest.
    Digest,
    Sent,
}

/// Who is told.
#[derive(Clone, Debug)]
pub enum Recipients {
    /// These people (user ids).
    People(Vec<i64>),
    /// Whoever follows this item.
    Followers(Scope),
    /// The holders of a role (`secretariat`, `member`) in a body.
    Role { role: &'static str, body: i64 },
}

/// One thing to tell people, made by a capability from an event.
#[derive(Clone, Debug)]
pub struct Notice {
    /// A registered kind ([`Notifier::kind`]); its message is `notify-{kind}` (or `notify-{kind}-{detail}`) with
    /// the argument `title`.
    pub kind: &'static str,
    /// The item it is about (what followers follow).
    pub item: Scope,
    /// The item's page, after the language prefix.
    pub link: String,
    /// The item's title, in the languages it has.
    pub title: Multilingual,
    /// A variant of the message (e.g. `published` or `rejected` for a moderated statement).
    pub detail: Option<&'static str>,
    pub to: Vec<Recipients>,
    /// Who caused it: he is not told of his own act.
    pub except: Option<i64>,
}

/// What the message of a stored notice is made of.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Params {
    pub title: TitleParam,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TitleParam {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl From<&Multilingual> for TitleParam {
    fn from(m: &Multilingual) -> TitleParam {
        TitleParam { kk: m.kk.clone(), ru: m.ru.clone(), en: m.en.clone() }
    }
}

impl From<&TitleParam> for Multilingual {
    fn from(t: &TitleParam) -> Multilingual {
        Multilingual { kk: t.kk.clone(), ru: t.ru.clone(), en: t.en.clone() }
    }
}

/// A followed item as its capability describes it.
#[derive(Clone, Debug)]
pub struct Followed {
    pub title: Multilingual,
    /// Its page, after the language prefix.
    pub link: String,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type Lookup = Arc<dyn Fn(Db, i64) -> BoxFuture<anyhow::Result<Option<Followed>>> + Send + Sync>;

/// The notifications of one server: the kinds and followable areas capabilities registered, and the mailer.
pub struct Notifier {
    db: Db,
    jobs: Jobs,
    mailer: Arc<mail::Mailer>,
    kinds: RwLock<Vec<&'static str>>,
    followable: RwLock<HashMap<&'static str, Lookup>>,
}

impl Notifier {
    /// The notifier, with its timers registered on `jobs` (before they start).
    pub fn new(db: Db, jobs: Jobs, mailer: mail::Mailer) -> Arc<Notifier> {
        let notifier = Arc::new(Notifier {
            db,
            jobs: jobs.clone(),
            mailer: Arc::new(mailer),
            kinds: RwLock::default(),
            followable: RwLock::default(),
        });
        let mailer = notifier.mailer.clone();
        jobs.register(MAIL_JOB, move |ctx, payload| {
            let mailer = mailer.clone();
            async move { mailer.send_pending(&ctx.db, serde_json::from_value(payload)?).await }
        });
        let mailer = notifier.mailer.clone();
        jobs.register_every(DIGEST_JOB, std::time::Duration::from_secs(24 * 3600), move |ctx, _| {
            let mailer = mailer.clone();
            async move { mailer.send_digests(&ctx.db).await }
        });
        notifier
    }

    /// Schedules the first daily digest for the next 07:00 in Kazakhstan, unless one is waiting (call before the
    /// timers start; they keep it, then run it every 24 hours).
    pub async fn schedule_digest(&self) -> sqlx::Result<()> {
        let due = next_morning_ms(self.jobs.now_ms());
        self.jobs.schedule_now(&self.jobs.at(DIGEST_JOB, "every", serde_json::Value::Null, due).keep()).await
    }

    pub fn mailer(&self) -> &mail::Mailer {
        &self.mailer
    }

    /// Registers a kind of notice, which people may then choose how to receive.
    pub fn kind(&self, kind: &'static str) {
        let mut kinds = self.kinds.write().unwrap_or_else(PoisonError::into_inner);
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }

    /// The registered kinds, in the order of registration.
    pub fn kinds(&self) -> Vec<&'static str> {
        self.kinds.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Lets people follow the items of `area`; `lookup` says whether an item exists and is public, and what it is.
    pub fn followable<F, Fut>(&self, area: &'static str, lookup: F)
    where
        F: Fn(Db, i64) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<Option<Followed>>> + Send + 'static,
    {
        let lookup: Lookup = Arc::new(move |db, id| Box::pin(lookup(db, id)));
        self.followable.write().unwrap_or_else(PoisonError::into_inner).insert(area, lookup);
    }

    /// The followable item (`area`, `id`), if the area is followable and the item exists.
    pub async fn followed(&self, area: &str, id: i64) -> anyhow::Result<Option<(&'static str, Followed)>> {
        let found = {
            let areas = self.followable.read().unwrap_or_else(PoisonError::into_inner);
            areas.iter().find(|(a, _)| **a == area).map(|(a, lookup)| (*a, lookup.clone()))
        };
        let Some((area, lookup)) = found else { return Ok(None) };
        Ok(lookup(self.db.clone(), id).await?.map(|f| (area, f)))
    }

    /// Registers what notices each committed event of `event_kind` makes; they are delivered when the event is
    /// applied (once, on one server).
    pub fn on<F, Fut>(self: &Arc<Self>, worker: &Worker, event_kind: &'static str, notices: F)
    where
        F: Fn(Db, StoredEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<Vec<Notice>>> + Send + 'static,
    {
        let notifier = self.clone();
        let notices = Arc::new(notices);
        worker.on(event_kind, move |event| {
            let (notifier, notices) = (notifier.clone(), notices.clone());
            async move {
                let id = event.id;
                let made = (notices.as_ref())(notifier.db.clone(), event).await?;
                notifier.deliver(id, &made).await.map(|_| ())
            }
        });
    }

    /// Writes the notices of event `event` to their recipients' inboxes and schedules their e-mails, in one
    /// transaction; returns how many notices it wrote (none for an event delivered before).
    pub async fn deliver(&self, event: i64, notices: &[Notice]) -> anyhow::Result<u64> {
        if notices.is_empty() {
            return Ok(0);
        }
        let written = store::fan_out(&self.db, &self.jobs, event, notices).await?;
        for (kind, count) in &written {
            metrics::counter!("notifications_created_total", "kind" => *kind).increment(*count);
        }
        self.jobs.wake();
        Ok(written.iter().map(|(_, n)| n).sum())
    }
}

/// The next 07:00 in Kazakhstan (UTC+5) after `now_ms`, in Unix milliseconds.
pub fn next_morning_ms(now_ms: i64) -> i64 {
    const DAY: i64 = 24 * 3600 * 1000;
    // 07:00 at UTC+5 is 02:00 UTC.
    const AT: i64 = 2 * 3600 * 1000;
    let today = now_ms.div_euclid(DAY) * DAY + AT;
    if today > now_ms { today } else { today + DAY }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_goes_at_seven_in_the_morning_kazakhstan_time() {
        // 2025-03-05 01:59 UTC is 06:59 in Kazakhstan: the digest goes a minute later.
        let before = 1_741_139_940_000;
        assert_eq!(next_morning_ms(before), 1_741_140_000_000);
        // At 07:00 exactly it went already: the next is tomorrow's.
        assert_eq!(next_morning_ms(1_741_140_000_000), 1_741_140_000_000 + 86_400_000);
    }

    #[test]
    fn deliveries_read_back_from_their_codes() {
        for d in Delivery::ALL {
            assert_eq!(Delivery::from_code(d.code()), Some(d));
        }
        assert_eq!(Delivery::from_code("weekly"), None);
    }
}
