//! The account mails, as letters of the platform's mail (`platform::notify::Notifier::letter`): a password reset
//! link, a warning that someone tried to register with an address that has an account, an address to confirm.
//! Each is a timer scheduled by an action of `changes.rs`; its composer runs when it is sent (again after a failed
//! attempt), so the token of a link is made then and only its hash is stored.

use serde::{Deserialize, Serialize};

use crate::platform::i18n::{Arg, Lang};
use crate::platform::identity::tokens::{self, Purpose};
use crate::platform::identity::{Email, store as users};
use crate::platform::notify::mail::Letter;
use crate::platform::notify::{Notifier, store as notify_store};

/// The link to set a new password.
pub const RESET: &str = "accounts.reset_mail";
/// "Someone tried to register with your address."
pub const TAKEN: &str = "accounts.taken_mail";
/// The link to confirm the address.
pub const CONFIRM: &str = "accounts.confirm_mail";

/// The payload of every account letter: to whom, in which language and Kazakh script.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Payload {
    /// Set by `identity::store::create` for the letter of a new account.
    #[serde(default)]
    pub user: i64,
    /// The address asked for (a reset): whether it has an account is looked up when the letter is sent, so the
    /// request does the same work either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub lang: String,
    #[serde(default)]
    pub latin: bool,
}

impl Payload {
    pub fn json(user: i64, lang: Lang, latin: bool) -> serde_json::Value {
        Payload::with_email(user, None, lang, latin)
    }

    /// The payload of a reset asked for an address (canonical form).
    pub fn with_email(user: i64, email: Option<String>, lang: Lang, latin: bool) -> serde_json::Value {
        let payload = Payload { user, email, lang: lang.code().to_owned(), latin: lang == Lang::Kk && latin };
        serde_json::to_value(payload).unwrap_or_default()
    }
}

/// Registers the account letters with the notifier (before the timers start).
pub fn register(notifier: &Notifier) {
    notifier.letter(RESET, |ctx, payload| async move {
        let mut p: Payload = serde_json::from_value(payload)?;
        if let Some(email) = p.email.as_deref().and_then(Email::parse) {
            // An address without an account: nothing to send, and the asker was told the same.
            let Some(user) = users::find_by_email(&ctx.db, &email).await? else { return Ok(None) };
            p.user = user.id;
        }
        let Some(to) = notify_store::addressee(&ctx.db, p.user).await? else { return Ok(None) };
        let token = tokens::issue(&ctx.db, p.user, Purpose::Reset, ctx.now_ms).await?;
        Ok(Some(letter(&p, to, "reset", format!("/password/reset/{token}"))))
    });
    notifier.letter(TAKEN, |ctx, payload| async move {
        let p: Payload = serde_json::from_value(payload)?;
        let Some(to) = notify_store::addressee(&ctx.db, p.user).await? else { return Ok(None) };
        Ok(Some(letter(&p, to, "taken", "/password/reset".to_owned())))
    });
    notifier.letter(CONFIRM, |ctx, payload| async move {
        let p: Payload = serde_json::from_value(payload)?;
        let Some(to) = notify_store::addressee(&ctx.db, p.user).await? else { return Ok(None) };
        if tokens::is_confirmed(&ctx.db, p.user).await? {
            return Ok(None);
        }
        let token = tokens::issue(&ctx.db, p.user, Purpose::Confirm, ctx.now_ms).await?;
        Ok(Some(letter(&p, to, "confirm", format!("/email/confirm/{token}"))))
    });
}

/// The letter `mail-{what}-…` in the payload's language, to the address of `to`.
fn letter(p: &Payload, to: notify_store::Addressee, what: &str, path: String) -> Letter {
    let lang = Lang::from_code(&p.lang).unwrap_or(Lang::Kk);
    let part = |name: &str| lang.t(&format!("mail-{what}-{name}"));
    Letter {
        paragraphs: vec![lang.t_args(&format!("mail-{what}-body"), &[("email", Arg::Str(to.email.clone()))])],
        subject: part("subject"),
        action: Some((part("action"), path)),
        footer: part("footer"),
        to: to.email,
        name: to.display_name,
        lang,
        latin: p.latin,
    }
}
