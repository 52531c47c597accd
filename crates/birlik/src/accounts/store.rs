//! Users and their roles in the database.

use sqlx::Row;

use crate::accounts::{Email, Role, Roles, SessionUser};
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

#[derive(Debug, sqlx::FromRow)]
pub struct StoredUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
}

pub async fn find_by_email(db: &Db, email: &Email) -> sqlx::Result<Option<StoredUser>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT id, email, display_name, password_hash FROM users WHERE email_normalized = $1")
            .bind(email.canonical())
            .fetch_optional(pool)
            .await
    })
}

pub async fn find_by_id(db: &Db, id: i64) -> sqlx::Result<Option<StoredUser>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT id, email, display_name, password_hash FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// Creates a user with roles; `None` when the e-mail address is already registered.
pub async fn create(
    db: &Db,
    email: &Email,
    display_name: &str,
    password_hash: &str,
    roles: &[Role],
) -> sqlx::Result<Option<i64>> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, email_normalized, display_name, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email_normalized) DO NOTHING RETURNING id",
        )
        .bind(email.typed())
        .bind(email.canonical())
        .bind(display_name)
        .bind(password_hash)
        .bind(&at)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else { return Ok(None) };
        for role in roles {
            sqlx::query("INSERT INTO user_roles (user_id, role, body_id) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(role.name())
                .bind(role.body_id())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    })
}

pub async fn grant(db: &Db, user_id: i64, role: &Role) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query("INSERT INTO user_roles (user_id, role, body_id) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(role.name())
            .bind(role.body_id())
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

pub async fn roles(db: &Db, user_id: i64) -> sqlx::Result<Roles> {
    let rows = with_read!(db, pool => {
        sqlx::query("SELECT role, body_id FROM user_roles WHERE user_id = $1 ORDER BY id")
            .bind(user_id)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|row| (row.get::<String, _>(0), row.get::<Option<i64>, _>(1)))
            .collect::<Vec<_>>()
    });
    Ok(Roles(rows.into_iter().filter_map(|(name, body)| Role::from_parts(&name, body)).collect()))
}

pub async fn set_password(db: &Db, user_id: i64, password_hash: &str) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

pub async fn session_user(db: &Db, user: StoredUser) -> sqlx::Result<SessionUser> {
    let roles = roles(db, user.id).await?;
    Ok(SessionUser { id: user.id, email: user.email, display_name: user.display_name, roles })
}

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
