//! The SQL of notifications: follows, settings, the inbox and its mail state. Both backends, one text.

use sqlx::QueryBuilder;

use crate::platform::change::Scope;
use crate::platform::db::{Db, now};
use crate::platform::jobs::{Jobs, Schedule};
use crate::platform::notify::{Delivery, MAIL_CHUNK, MAIL_JOB, MailState, Notice, Params, Recipients};
use crate::{with_read, with_write};

/// Followers written to the inbox per transaction: the one SQLite writer is let go between batches, so that votes
/// wait for one batch at most, never for a whole fan-out.
const FOLLOWERS_PER_BATCH: i64 = 2_000;

/// The inbox row of one recipient for each of `notices`, with its mail state from his settings, then the mail
/// jobs. Followers go in batches of [`FOLLOWERS_PER_BATCH`], each its own transaction: a crash between two leaves
/// the event unapplied, and applying it again skips the rows written (the idempotency key). Returns the rows
/// written per kind.
pub async fn fan_out(db: &Db, jobs: &Jobs, event: i64, notices: &[Notice]) -> sqlx::Result<Vec<(&'static str, u64)>> {
    let at = now();
    let mut written = Vec::new();
    for notice in notices {
        let params = Params { title: (&notice.title).into(), detail: notice.detail.map(str::to_owned) };
        let params = serde_json::to_string(&params).unwrap_or_else(|_| "{}".to_owned());
        let mut count = 0;
        for recipients in &notice.to {
            let Recipients::Followers(scope) = recipients else {
                count += insert(db, event, notice, &params, &at, recipients, None).await?;
                continue;
            };
            let mut after = i64::MIN;
            while let Some(upto) = next_followers(db, *scope, after).await? {
                count += insert(db, event, notice, &params, &at, recipients, Some((after, upto))).await?;
                after = upto;
            }
        }
        written.push((notice.kind, count));
    }
    schedule_mail(db, jobs, event).await?;
    Ok(written)
}

/// The last user id of the next batch of followers of `scope` after `after`, if any follow.
async fn next_followers(db: &Db, scope: Scope, after: i64) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(
            "SELECT MAX(user_id) FROM (SELECT user_id FROM follows WHERE area = $1 AND item_id = $2 AND user_id > $3
             ORDER BY user_id LIMIT $4) batch",
        )
        .bind(scope.area)
        .bind(scope.item.unwrap_or(-1))
        .bind(after)
        .bind(FOLLOWERS_PER_BATCH)
        .fetch_one(pool)
        .await
    })
}

/// Writes the inbox rows of one notice for `recipients` (those with user ids in `(after, upto]` when given).
async fn insert(
    db: &Db,
    event: i64,
    notice: &Notice,
    params: &str,
    at: &str,
    recipients: &Recipients,
    range: Option<(i64, i64)>,
) -> sqlx::Result<u64> {
    with_write!(db, pool => {
        let mut q = QueryBuilder::new(
            "INSERT INTO notifications (user_id, event_id, kind, area, item_id, link, params, created_at, mail)
             SELECT r.user_id, ",
        );
        q.push_bind(event).push(", ").push_bind(notice.kind).push(", ").push_bind(notice.item.area);
        q.push(", ").push_bind(notice.item.item).push(", ").push_bind(notice.link.clone()).push(", ");
        q.push_bind(params.to_owned()).push(", ").push_bind(at.to_owned());
        q.push(
            ", CASE COALESCE(s.delivery, 'instant') WHEN 'instant' THEN 'pending' WHEN 'daily' THEN 'digest'
               ELSE 'none' END FROM (",
        );
        recipients_sql(&mut q, recipients);
        q.push(") r LEFT JOIN notification_settings s ON s.user_id = r.user_id AND s.kind = ");
        q.push_bind(notice.kind);
        // SQLite reads an upsert after INSERT … SELECT only when the SELECT has a WHERE.
        q.push(" WHERE r.user_id <> ").push_bind(notice.except.unwrap_or(-1));
        if let Some((after, upto)) = range {
            q.push(" AND r.user_id > ").push_bind(after).push(" AND r.user_id <= ").push_bind(upto);
        }
        q.push(" ON CONFLICT (user_id, event_id, kind) DO NOTHING");
        Ok(q.build().execute(pool).await?.rows_affected())
    })
}

/// The e-mails of `event` to send at once, in ranges of ids: one timer per range, kept if it exists (the event
/// applied again).
async fn schedule_mail(db: &Db, jobs: &Jobs, event: i64) -> sqlx::Result<()> {
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let (first, last): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT MIN(id), MAX(id) FROM notifications WHERE event_id = $1 AND mail = 'pending'",
        )
        .bind(event)
        .fetch_one(&mut *tx)
        .await?;
        if let (Some(first), Some(last)) = (first, last) {
            let mut from = first;
            while from <= last {
                let to = from.saturating_add(MAIL_CHUNK - 1).min(last);
                let payload = serde_json::json!({ "event": event, "from": from, "to": to });
                let job = jobs.at(MAIL_JOB, &format!("{event}:{from}"), payload, jobs.now_ms()).keep();
                tx.schedule(&job).await?;
                from = to.saturating_add(1);
            }
        }
        tx.commit().await
    })
}

/// The `SELECT user_id …` of one kind of recipients.
fn recipients_sql<DB: sqlx::Database>(q: &mut QueryBuilder<DB>, recipients: &Recipients)
where
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> &'static str: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    match recipients {
        Recipients::People(ids) => {
            q.push("SELECT id AS user_id FROM users WHERE id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            if ids.is_empty() {
                list.push("NULL");
            }
            q.push(")");
        }
        Recipients::Followers(scope) => {
            q.push("SELECT user_id FROM follows WHERE area = ").push_bind(scope.area);
            q.push(" AND item_id = ").push_bind(scope.item.unwrap_or(-1));
        }
        Recipients::Role { role, body } => {
            q.push("SELECT DISTINCT user_id FROM user_roles WHERE role = ").push_bind(*role);
            q.push(" AND body_id = ").push_bind(*body);
        }
    }
}

/// A notice in an inbox.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Stored {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub area: String,
    pub item_id: Option<i64>,
    pub link: String,
    pub params: String,
    pub created_at: String,
    pub read_at: Option<String>,
    pub mail: MailState,
}

impl Stored {
    pub fn params(&self) -> Params {
        serde_json::from_str(&self.params).unwrap_or_default()
    }
}

const COLUMNS: &str = "id, user_id, kind, area, item_id, link, params, created_at, read_at, mail";

/// A person's notices, newest first, older than `before` (an id) when given.
pub async fn inbox(db: &Db, user: i64, before: Option<i64>, limit: i64) -> sqlx::Result<Vec<Stored>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM notifications WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"
        )))
        .bind(user)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

pub async fn notice(db: &Db, id: i64) -> sqlx::Result<Option<Stored>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM notifications WHERE id = $1")))
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// How many of a person's notices are unread.
pub async fn unread(db: &Db, user: i64) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
            .bind(user)
            .fetch_one(pool)
            .await
    })
}

/// Marks one notice of `user` read (`Some(id)`), or all of them.
pub async fn mark_read(db: &Db, user: i64, id: Option<i64>) -> sqlx::Result<u64> {
    with_write!(db, pool => {
        sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL AND ($3 IS NULL OR id = $3)",
        )
        .bind(now())
        .bind(user)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })
}

pub async fn follow(db: &Db, user: i64, item: Scope) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query(
            "INSERT INTO follows (area, item_id, user_id, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (area, item_id, user_id) DO NOTHING",
        )
        .bind(item.area)
        .bind(item.item.unwrap_or(-1))
        .bind(user)
        .bind(now())
        .execute(pool)
        .await
        .map(|_| ())
    })
}

pub async fn unfollow(db: &Db, user: i64, area: &str, item: i64) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query("DELETE FROM follows WHERE area = $1 AND item_id = $2 AND user_id = $3")
            .bind(area)
            .bind(item)
            .bind(user)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

pub async fn is_following(db: &Db, user: i64, item: Scope) -> sqlx::Result<bool> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM follows WHERE area = $1 AND item_id = $2 AND user_id = $3")
            .bind(item.area)
            .bind(item.item.unwrap_or(-1))
            .bind(user)
            .fetch_one(pool)
            .await
    })
    .map(|n| n > 0)
}

/// What a person follows: (area, item), newest first.
pub async fn follows_of(db: &Db, user: i64) -> sqlx::Result<Vec<(String, i64)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT area, item_id FROM follows WHERE user_id = $1 ORDER BY created_at DESC LIMIT 500")
            .bind(user)
            .fetch_all(pool)
            .await
    })
}

/// A person's chosen delivery per kind (kinds without a row are at once).
pub async fn settings(db: &Db, user: i64) -> sqlx::Result<Vec<(String, Delivery)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT kind, delivery FROM notification_settings WHERE user_id = $1")
            .bind(user)
            .fetch_all(pool)
            .await
    })
}

pub async fn set_delivery(db: &Db, user: i64, kind: &str, delivery: Delivery) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query(
            "INSERT INTO notification_settings (user_id, kind, delivery) VALUES ($1, $2, $3)
             ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery",
        )
        .bind(user)
        .bind(kind)
        .bind(delivery)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

/// Keeps the language and Kazakh script a person reads in, for what is sent to him.
pub async fn remember_language(db: &Db, user: i64, lang: &str, latin: bool) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query("UPDATE users SET lang = $1, latin = $2 WHERE id = $3 AND (lang <> $1 OR latin <> $2)")
            .bind(lang)
            .bind(latin)
            .bind(user)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// A recipient as a mail needs him.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Addressee {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub lang: String,
    pub latin: bool,
    pub mail_key: Option<String>,
}

pub async fn addressee(db: &Db, user: i64) -> sqlx::Result<Option<Addressee>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT id AS user_id, email, display_name, lang, latin, mail_key FROM users WHERE id = $1",
        )
        .bind(user)
        .fetch_optional(pool)
        .await
    })
}

/// The key of a person's unsubscribe links, made on first use.
pub async fn mail_key(db: &Db, user: i64, fresh: &str) -> sqlx::Result<String> {
    with_write!(db, pool => {
        sqlx::query("UPDATE users SET mail_key = $1 WHERE id = $2 AND mail_key IS NULL")
            .bind(fresh)
            .bind(user)
            .execute(pool)
            .await?;
        sqlx::query_scalar::<_, Option<String>>("SELECT mail_key FROM users WHERE id = $1")
            .bind(user)
            .fetch_one(pool)
            .await
            .map(Option::unwrap_or_default)
    })
}

/// The notices of `event` between ids `from` and `to` whose e-mail is still to send.
pub async fn pending_mail(db: &Db, event: i64, from: i64, to: i64) -> sqlx::Result<Vec<Stored>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM notifications
             WHERE event_id = $1 AND id BETWEEN $2 AND $3 AND mail = 'pending' ORDER BY id"
        )))
        .bind(event)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
    })
}

/// Marks the e-mail of these notices sent.
pub async fn mark_mailed(db: &Db, ids: &[i64]) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    with_write!(db, pool => {
        let mut q = QueryBuilder::new("UPDATE notifications SET mail = 'sent', mailed_at = ");
        q.push_bind(now()).push(" WHERE id IN (");
        let mut list = q.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        q.push(")");
        q.build().execute(pool).await.map(|_| ())
    })
}

/// People with notices waiting for the digest, after user id `after`.
pub async fn digest_people(db: &Db, after: i64, limit: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(
            "SELECT DISTINCT user_id FROM notifications WHERE mail = 'digest' AND user_id > $1
             ORDER BY user_id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// A person's notices waiting for the digest, oldest first (at most `limit`; the rest wait for the next one).
pub async fn digest_of(db: &Db, user: i64, limit: i64) -> sqlx::Result<Vec<Stored>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM notifications WHERE user_id = $1 AND mail = 'digest' ORDER BY id LIMIT $2"
        )))
        .bind(user)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// What the operator sees of e-mail: notices waiting to be sent at once, waiting for the digest, sent in the
/// last day.
pub async fn mail_counts(db: &Db, since: &str) -> sqlx::Result<(i64, i64, i64)> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT
                (SELECT COUNT(*) FROM notifications WHERE mail = 'pending'),
                (SELECT COUNT(*) FROM notifications WHERE mail = 'digest'),
                (SELECT COUNT(*) FROM notifications WHERE mail = 'sent' AND mailed_at >= $1)",
        )
        .bind(since)
        .fetch_one(pool)
        .await
    })
}
