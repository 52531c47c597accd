//! Accounts: registration, login, logout, password change, sessions stored in the database, roles.

pub mod pages;
pub mod password;
pub mod session;
pub mod store;

use serde::Serialize;

use crate::platform::jobs::Jobs;

/// The job that deletes expired sessions, once a day.
pub const PURGE_SESSIONS: &str = "accounts.purge_sessions";

/// The timers of accounts.
pub fn register_jobs(jobs: &Jobs) {
    jobs.register_every(PURGE_SESSIONS, std::time::Duration::from_secs(24 * 3600), |ctx, _payload| async move {
        let purged = session::purge_expired(&ctx.db, ctx.now_ms).await?;
        tracing::info!(purged, "expired sessions purged");
        Ok(())
    });
}

/// What a person may do is given by roles; secretariat and member roles belong to one body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "lowercase")]
pub enum Role {
    Admin,
    Secretariat { body_id: i64 },
    Member { body_id: i64 },
    Participant,
}

impl Role {
    pub fn name(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Secretariat { .. } => "secretariat",
            Role::Member { .. } => "member",
            Role::Participant => "participant",
        }
    }

    pub fn body_id(&self) -> Option<i64> {
        match self {
            Role::Secretariat { body_id } | Role::Member { body_id } => Some(*body_id),
            Role::Admin | Role::Participant => None,
        }
    }

    /// Builds a role from its stored form; secretariat and member need a body.
    pub fn from_parts(name: &str, body_id: Option<i64>) -> Option<Role> {
        match (name, body_id) {
            ("admin", _) => Some(Role::Admin),
            ("participant", _) => Some(Role::Participant),
            ("secretariat", Some(body_id)) => Some(Role::Secretariat { body_id }),
            ("member", Some(body_id)) => Some(Role::Member { body_id }),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Roles(pub Vec<Role>);

impl Roles {
    pub fn is_admin(&self) -> bool {
        self.0.contains(&Role::Admin)
    }

    /// The bodies whose secretariat this person is.
    pub fn secretariat_bodies(&self) -> impl Iterator<Item = i64> + '_ {
        self.0.iter().filter_map(|r| match r {
            Role::Secretariat { body_id } => Some(*body_id),
            _ => None,
        })
    }
}

/// The person behind a request's session.
#[derive(Clone, Debug, Serialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub roles: Roles,
}

/// E-mail addresses are compared lower-cased and trimmed.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}
