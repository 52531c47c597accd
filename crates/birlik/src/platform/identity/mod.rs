//! Identity: who is behind a request (the session user and his roles), the e-mail address in its one canonical
//! form, sessions in the database, and who may act for a body (`authz`). Every capability asks the platform who
//! the user is and whether he may act for a body; `accounts` is only the pages that create and open accounts.

pub mod authz;
pub mod session;
pub mod store;
pub mod tokens;

use serde::Serialize;

use crate::platform::jobs::Jobs;

/// The job that deletes expired sessions, once a day.
pub const PURGE_SESSIONS: &str = "accounts.purge_sessions";

/// The timers of identity.
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
    /// Notices in his inbox not yet read (shown in the header).
    pub unread: i64,
    /// His address is confirmed (what filing and supporting proposals ask of an account).
    pub confirmed: bool,
}

/// An e-mail address, checked once and kept in the one canonical form (trimmed, lower-cased) under which it is
/// stored, looked up and rate-limited, beside the spelling the person typed.
///
/// Only plain ASCII addresses are accepted (an internationalized domain in its `xn--` form): a Cyrillic `а` that
/// looks like a Latin `a` could otherwise make a second `admin@…`. Exactly one `@`, a local part of RFC 5322
/// "atext" characters and dots, a domain of at least two dotted labels of letters, digits and hyphens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    typed: String,
    canonical: String,
}

/// The longest address (RFC 5321's path limit less its angle brackets) and local part.
const MAX_EMAIL: usize = 254;
const MAX_LOCAL: usize = 64;

impl Email {
    /// The address in `raw` (blanks around it ignored), or `None` when it is not one.
    pub fn parse(raw: &str) -> Option<Email> {
        let typed = raw.trim();
        let (local, domain) = typed.split_once('@')?;
        let valid = typed.len() <= MAX_EMAIL && valid_local(local) && valid_domain(domain);
        valid.then(|| Email { typed: typed.to_owned(), canonical: typed.to_ascii_lowercase() })
    }

    /// The form under which the address is stored, compared and counted.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The address as the person typed it (its case kept), for display.
    pub fn typed(&self) -> &str {
        &self.typed
    }
}

fn valid_local(local: &str) -> bool {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.split('.').all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

fn valid_domain(domain: &str) -> bool {
    let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label.chars().all(label_char)
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_have_one_canonical_form() {
        let email = Email::parse("  Aigerim@Example.KZ\t").unwrap();
        assert_eq!((email.canonical(), email.typed()), ("aigerim@example.kz", "Aigerim@Example.KZ"));
        assert_eq!(
            Email::parse("o'brien+tag@xn--exmple-cua.com").unwrap().canonical(),
            "o'brien+tag@xn--exmple-cua.com"
        );
    }

    #[test]
    fn what_is_not_a_plain_address_is_refused() {
        let padded = format!("sec12@sec.test{}x", " ".repeat(240));
        let long = format!("{}@example.kz", "a".repeat(250));
        for bad in [
            "\u{430}dmin@example.kz",
            "admin@ex\u{430}mple.kz",
            "x@@y.z",
            "x@y@z.kz",
            "x@y",
            "@y.z",
            "x@",
            "x@.y.z",
            "x@y.z.",
            "x@y..z",
            ".x@y.z",
            "x..y@y.z",
            "x y@y.z",
            "x@-y.z",
            "x@y_z.kz",
            "<x>@y.z",
            "x@y.z\u{200b}",
            "",
            " ",
            &padded,
            &long,
        ] {
            assert_eq!(Email::parse(bad), None, "{bad:?}");
        }
    }
}
