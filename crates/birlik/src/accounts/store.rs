//! Attempts at logging in and registering, counted in the database for the limits.

use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

/// Records an attempt (a login, a registration) under each key, before it is checked, so that parallel
/// attempts cannot slip past a limit; returns the rows, for [`forget_attempts`] when it succeeds. Attempts older
/// than a day are forgotten.
pub async fn record_attempt(db: &Db, keys: &[&str]) -> sqlx::Result<Vec<i64>> {
    let at = now();
    let day_ago = (time::OffsetDateTime::now_utc() - time::Duration::days(1))
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formatting a UTC time");
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM login_attempts WHERE at < $1").bind(&day_ago).execute(&mut *tx).await?;
        let mut ids = Vec::with_capacity(keys.len());
        for key in keys {
            let id: i64 = sqlx::query_scalar("INSERT INTO login_attempts (key, at) VALUES ($1, $2) RETURNING id")
                .bind(*key)
                .bind(&at)
                .fetch_one(&mut *tx)
                .await?;
            ids.push(id);
        }
        tx.commit().await?;
        Ok(ids)
    })
}

/// Takes back the attempts of a login that succeeded.
pub async fn forget_attempts(db: &Db, ids: &[i64]) -> sqlx::Result<()> {
    with_write!(db, pool => {
        for id in ids {
            sqlx::query("DELETE FROM login_attempts WHERE id = $1").bind(id).execute(pool).await?;
        }
        Ok(())
    })
}

/// How many attempts `key` has made since `since` (RFC 3339).
pub async fn attempts_since(db: &Db, key: &str, since: &str) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE key = $1 AND at >= $2")
            .bind(key)
            .bind(since)
            .fetch_one(pool)
            .await
    })
}
