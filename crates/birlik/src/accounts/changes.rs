//! Every change of an account from its pages, one function each: check, limit, store (with its audit entry and
//! the letter it sends, scheduled as a timer), so that the pages only parse and render.

use crate::accounts::letters::{self, Payload};
use crate::accounts::{password, store};
use crate::platform::Platform;
use crate::platform::i18n::Lang;
use crate::platform::identity::tokens::{self, Purpose};
use crate::platform::identity::{Email, Role, store as users};
use crate::platform::validate::{self, Checks};
use crate::platform::web::{AppError, FieldError};

/// Letters of one kind to one address (reset links, "someone tried to register") in a quarter of an hour: more
/// are not sent, whoever asks, so nobody can flood a mailbox through us.
pub const LETTERS_PER_ADDRESS: i64 = 3;

/// The reader's language and Kazakh script, for the letters an action sends.
#[derive(Clone, Copy, Debug)]
pub struct Reader {
    pub lang: Lang,
    pub latin: bool,
}

fn quarter_hour_ago() -> Result<String, AppError> {
    Ok((time::OffsetDateTime::now_utc() - time::Duration::minutes(15))
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(anyhow::Error::from)?)
}

/// Counts an attempt under `key` and tells whether it is within `allowed` in the last quarter of an hour.
async fn within(state: &Platform, key: &str, allowed: i64) -> Result<bool, AppError> {
    store::record_attempt(&state.db, &[key]).await?;
    Ok(store::attempts_since(&state.db, key, &quarter_hour_ago()?).await? <= allowed)
}

pub fn check_email(email: &str) -> Result<Email, FieldError> {
    if email.trim().is_empty() {
        return Err(FieldError::new("email", "field-required"));
    }
    Email::parse(email).ok_or_else(|| FieldError::new("email", "field-invalid-email"))
}

pub fn check_password(field: &'static str, password: &str) -> Result<String, FieldError> {
    let length = password.chars().count();
    if password::within_limits(password) {
        Ok(password.to_owned())
    } else if length < password::MIN_LENGTH {
        Err(FieldError::new(field, "field-too-short").with("min", password::MIN_LENGTH as i64))
    } else {
        Err(FieldError::new(field, "field-too-long").with("max", password::MAX_LENGTH as i64))
    }
}

/// What a registration did, as only the server knows: the page answers both alike.
pub enum Registered {
    /// A new account (its confirmation letter scheduled).
    New(i64),
    /// The address had an account: its owner is told (unless told too often already); no account is made.
    Taken,
}

/// Registers a participant. Limited per client address (each costs a password hash, computed whether or not the
/// address has an account, so both take as long); an address with an account makes none and tells its owner.
pub async fn register(
    state: &Platform,
    ip: &str,
    reader: Reader,
    email: &str,
    display_name: &str,
    new_password: &str,
) -> Result<Registered, AppError> {
    if !within(state, &format!("register:{ip}"), state.settings.registrations).await? {
        return Err(AppError::RateLimited);
    }
    let mut checks = Checks::default();
    let email = checks.take(check_email(email).map(Some));
    let display_name = checks.take(validate::line("display_name", display_name, 2, 100));
    let new_password = checks.take(check_password("password", new_password));
    let (Some(email), true) = (email, checks.errors.is_empty()) else {
        return Err(AppError::Validation(checks.errors));
    };
    let hash = password::hash(new_password).await?;
    let confirm = state.jobs.at(letters::CONFIRM, "", Payload::json(0, reader.lang, reader.latin), state.jobs.now_ms());
    match users::create(&state.db, &email, &display_name, &hash, &[Role::Participant], false, Some(&confirm)).await? {
        Some(user) => {
            state.jobs.wake();
            crate::platform::moderation::changes::screen(state, super::moderated::KIND, user, &display_name).await?;
            Ok(Registered::New(user))
        }
        None => {
            if within(state, &format!("taken:{}", email.canonical()), LETTERS_PER_ADDRESS).await?
                && let Some(owner) = users::find_by_email(&state.db, &email).await?
            {
                // In the owner's own language, not the registering reader's.
                let to = crate::platform::notify::store::addressee(&state.db, owner.id).await?;
                let (lang, latin) = to.map_or((reader.lang, reader.latin), |a| {
                    (Lang::from_code(&a.lang).unwrap_or(reader.lang), a.latin)
                });
                let job = state.jobs.at(
                    letters::TAKEN,
                    &owner.id.to_string(),
                    Payload::json(owner.id, lang, latin),
                    state.jobs.now_ms(),
                );
                state.jobs.schedule_now(&job).await?;
            }
            Ok(Registered::Taken)
        }
    }
}

/// A participant changes the name others see; screened as anything written. While moderation hides his name, he
/// chooses another through the statement of reasons (a moderator approves it) instead.
pub async fn rename(state: &Platform, user: i64, name: &str) -> Result<(), AppError> {
    let name = validate::line("display_name", name, 2, 100).map_err(|e| AppError::Validation(vec![e]))?;
    if super::moderated::hidden(state, user).await? {
        return Err(AppError::Conflict("error-name-under-review"));
    }
    super::moderated::set(state, user, Some(user), &name, None, "rename").await?;
    crate::platform::moderation::changes::screen(state, super::moderated::KIND, user, &name).await?;
    Ok(())
}

/// Asks for a password reset link for `email`. Whether or not the address has an account, the answer is the same
/// (`Ok`); limited per client address (refused) and per address asked for (no more letters, same answer).
pub async fn request_reset(state: &Platform, ip: &str, reader: Reader, email: &str) -> Result<(), AppError> {
    if !within(state, &format!("reset:{ip}"), state.settings.registrations).await? {
        return Err(AppError::RateLimited);
    }
    let email = check_email(email).map_err(|e| AppError::Validation(vec![e]))?;
    if !within(state, &format!("reset-to:{}", email.canonical()), LETTERS_PER_ADDRESS).await? {
        return Ok(());
    }
    // The timer looks the address up: here both answers do the same work.
    let canonical = email.canonical().to_owned();
    let payload = Payload::with_email(0, Some(canonical.clone()), reader.lang, reader.latin);
    let job = state.jobs.at(letters::RESET, &canonical, payload, state.jobs.now_ms());
    state.jobs.schedule_now(&job).await?;
    Ok(())
}

/// Sets a new password with a reset link's token: the password is checked first (a refused one leaves the token
/// working), then in one transaction the token is used, the password set, every session ended, the entry audited.
pub async fn reset_password(state: &Platform, token: &str, new_password: &str) -> Result<i64, AppError> {
    let new_password = check_password("new_password", new_password).map_err(|e| AppError::Validation(vec![e]))?;
    if tokens::peek(&state.db, token, Purpose::Reset, state.jobs.now_ms()).await?.is_none() {
        return Err(AppError::Conflict("reset-invalid"));
    }
    let hash = password::hash(new_password).await?;
    tokens::reset_password(&state.db, token, state.jobs.now_ms(), &hash)
        .await?
        .ok_or(AppError::Conflict("reset-invalid"))
}

/// Confirms an address with a confirmation link's token (audited).
pub async fn confirm_email(state: &Platform, token: &str) -> Result<i64, AppError> {
    tokens::confirm_email(&state.db, token, state.jobs.now_ms()).await?.ok_or(AppError::Conflict("confirm-invalid"))
}

/// Sends the confirmation link again to the logged-in user (a few times a quarter of an hour at most).
pub async fn resend_confirmation(state: &Platform, user: i64, reader: Reader) -> Result<(), AppError> {
    if tokens::is_confirmed(&state.db, user).await? {
        return Ok(());
    }
    if !within(state, &format!("confirm:{user}"), LETTERS_PER_ADDRESS).await? {
        return Err(AppError::RateLimited);
    }
    let job = state.jobs.at(
        letters::CONFIRM,
        &user.to_string(),
        Payload::json(user, reader.lang, reader.latin),
        state.jobs.now_ms(),
    );
    state.jobs.schedule_now(&job).await?;
    Ok(())
}
