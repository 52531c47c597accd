//! Users and their roles in the database.

use sqlx::Row;

use crate::platform::db::{Db, now};
use crate::platform::identity::{Email, Role, Roles};
use crate::platform::jobs::{NewJob, Schedule};
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

/// Creates a user with roles; `None` when the e-mail address is already registered. `confirmed`: his address
/// counts as confirmed (an operator made the account). `then`: a timer scheduled in the same transaction (the
/// confirmation letter), its key and its payload's `user` set to the new id.
pub async fn create(
    db: &Db,
    email: &Email,
    display_name: &str,
    password_hash: &str,
    roles: &[Role],
    confirmed: bool,
    then: Option<&NewJob>,
) -> sqlx::Result<Option<i64>> {
    let at = now();
    let confirmed_at = confirmed.then(|| at.clone());
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, email_normalized, display_name, password_hash, created_at, email_confirmed_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email_normalized) DO NOTHING RETURNING id",
        )
        .bind(email.typed())
        .bind(email.canonical())
        .bind(display_name)
        .bind(password_hash)
        .bind(&at)
        .bind(&confirmed_at)
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
        crate::audit!(tx, &crate::platform::audit::Change {
            actor: None, action: "create_user", entity: "user", entity_id: id.to_string(), before: None,
            after: Some(serde_json::json!({ "roles": roles.iter().map(Role::name).collect::<Vec<_>>(), "confirmed": confirmed })),
            at: &at })?;
        if let Some(job) = then {
            let mut job = job.clone();
            job.key = id.to_string();
            if let Some(payload) = job.payload.as_object_mut() {
                payload.insert("user".to_owned(), serde_json::json!(id));
            }
            tx.schedule(&job).await?;
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
    decode_roles(rows.iter().map(|(name, body)| (name.as_str(), *body)))
}

/// Roles from their stored parts. A role this version does not know is an error, never silently no role (or
/// another one).
pub fn decode_roles<'a>(parts: impl Iterator<Item = (&'a str, Option<i64>)>) -> sqlx::Result<Roles> {
    let roles = parts.map(|(name, body)| {
        Role::from_parts(name, body).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {name:?}").into()))
    });
    Ok(Roles(roles.collect::<sqlx::Result<_>>()?))
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

/// The person of the registry a login is (a member votes in his bodies' meetings from his own login), if any.
pub async fn person_of(db: &Db, user_id: i64) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, Option<i64>>("SELECT person_id FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
    })
}

/// The logins of these persons of the registry (those who have one).
pub async fn logins_of(db: &Db, persons: &[i64]) -> sqlx::Result<Vec<i64>> {
    if persons.is_empty() {
        return Ok(Vec::new());
    }
    with_read!(db, pool => {
        let mut q = sqlx::QueryBuilder::new("SELECT id FROM users WHERE person_id IN (");
        let mut list = q.separated(", ");
        for person in persons {
            list.push_bind(*person);
        }
        q.push(")");
        q.build_query_scalar().fetch_all(pool).await
    })
}

/// Names the person of the registry a login is (`None`: none), with its audit entry.
pub async fn link_person(db: &Db, actor: Option<i64>, user_id: i64, person_id: Option<i64>) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let before: Option<i64> =
            sqlx::query_scalar("SELECT person_id FROM users WHERE id = $1").bind(user_id).fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2").bind(person_id).bind(user_id).execute(&mut *tx).await?;
        crate::audit!(tx, &crate::platform::audit::Change {
            actor, action: "link_person", entity: "user", entity_id: user_id.to_string(),
            before: Some(serde_json::json!({ "person_id": before })),
            after: Some(serde_json::json!({ "person_id": person_id })), at: &at })?;
        tx.commit().await
    })
}
