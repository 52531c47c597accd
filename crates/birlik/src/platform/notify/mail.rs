//! E-mail: each notice (or a day's notices, the digest) in the recipient's language and Kazakh script, as plain
//! text and HTML (what users wrote escaped), with an unsubscribe link for its kind (also as `List-Unsubscribe`,
//! one click, RFC 8058). Sent over SMTP (`BIRLIK_SMTP_*`), or, with no SMTP configured, written as an `.eml` file
//! under `outbox/` in the data directory.

use std::collections::HashMap;
use std::path::PathBuf;

use askama::Template;
use base64::Engine;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::platform::db::Db;
use crate::platform::i18n::{Arg, Lang};
use crate::platform::multilingual::Multilingual;
use crate::platform::notify::store::{self, Addressee, Stored};

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Tls {
    /// Plain connection upgraded with STARTTLS (port 587).
    Starttls,
    /// TLS from the start (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine.
    None,
}

/// Where mail goes.
#[derive(Clone, Debug)]
pub struct Smtp {
    pub host: String,
    pub port: Option<u16>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub tls: Tls,
}

#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `None`: each message is written under `outbox/` instead.
    pub smtp: Option<Smtp>,
    /// The sender, `Name <address>`.
    pub from: String,
    /// The origin of links in messages when no public URL is configured (the address the server listens on).
    pub origin: Option<String>,
}

impl Default for MailSettings {
    fn default() -> MailSettings {
        MailSettings { smtp: None, from: "Birlik <noreply@birlik.localhost>".to_owned(), origin: None }
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

/// Sends mail for the notifier's timers.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// `scheme://host[:port]` of the links in messages.
    origin: String,
}

/// A range of one event's notices to mail (the payload of a mail timer).
#[derive(Debug, Deserialize)]
pub struct Chunk {
    pub event: i64,
    pub from: i64,
    pub to: i64,
}

/// Digests sent per person at most: the rest wait for the next day.
const DIGEST_MAX: i64 = 200;

impl Mailer {
    /// The mailer of these settings; `origin` is where readers reach the server (links in messages).
    pub fn new(settings: &MailSettings, data_dir: &std::path::Path, origin: &str) -> anyhow::Result<Mailer> {
        let from: Mailbox =
            settings.from.parse().map_err(|e| anyhow::anyhow!("the sender {:?}: {e}", settings.from))?;
        let transport = match &settings.smtp {
            Some(smtp) => {
                let mut builder = match smtp.tls {
                    Tls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?,
                    Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
                    Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(smtp.host.clone()),
                };
                if let Some(port) = smtp.port {
                    builder = builder.port(port);
                }
                if let (Some(user), Some(password)) = (&smtp.user, &smtp.password) {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                Transport::Smtp(builder.timeout(Some(std::time::Duration::from_secs(30))).build())
            }
            None => Transport::Outbox(data_dir.join("outbox")),
        };
        Ok(Mailer { transport, from, origin: origin.trim_end_matches('/').to_owned() })
    }

    /// The directory messages are written to when no SMTP server is configured.
    pub fn outbox(&self) -> Option<&std::path::Path> {
        match &self.transport {
            Transport::Outbox(dir) => Some(dir),
            Transport::Smtp(_) => None,
        }
    }

    /// Sends the e-mails still to send of one range of an event's notices, marking each sent as soon as it is.
    /// Fails (to be tried again later, only for those not sent) when any could not be sent.
    pub async fn send_pending(&self, db: &Db, chunk: Chunk) -> anyhow::Result<()> {
        let notices = store::pending_mail(db, chunk.event, chunk.from, chunk.to).await?;
        let mut people: HashMap<i64, Option<Addressee>> = HashMap::new();
        let mut failures = Failures::default();
        for notice in &notices {
            let to = match people.get(&notice.user_id) {
                Some(to) => to.clone(),
                None => {
                    let to = self.addressee(db, notice.user_id).await?;
                    people.insert(notice.user_id, to.clone());
                    to
                }
            };
            let Some(to) = to else { continue };
            let message = self.letter(&to, std::slice::from_ref(notice), Unsubscribe::Kind(&notice.kind));
            self.deliver(db, &format!("n{}", notice.id), message, &[notice.id], &mut failures).await?;
        }
        failures.outcome(&format!("of {} e-mails", notices.len()))
    }

    /// Sends each person with notices waiting for the digest one e-mail listing them.
    pub async fn send_digests(&self, db: &Db) -> anyhow::Result<()> {
        let (mut after, mut failures) = (0, Failures::default());
        loop {
            let people = store::digest_people(db, after, 100).await?;
            let Some(last) = people.last().copied() else { break };
            after = last;
            for user in people {
                let Some(to) = self.addressee(db, user).await? else { continue };
                let notices = store::digest_of(db, user, DIGEST_MAX).await?;
                let Some(newest) = notices.last().map(|n| n.id) else { continue };
                let message = self.letter(&to, &notices, Unsubscribe::Digest);
                let ids: Vec<i64> = notices.iter().map(|n| n.id).collect();
                self.deliver(db, &format!("digest-{user}-{newest}"), message, &ids, &mut failures).await?;
            }
        }
        failures.outcome("digests")
    }

    /// Sends one message about the notices `ids` and marks them mailed at once; a message that could not be made
    /// or sent is counted in `failures`, its notices left to send again.
    async fn deliver(
        &self,
        db: &Db,
        name: &str,
        message: anyhow::Result<Message>,
        ids: &[i64],
        failures: &mut Failures,
    ) -> anyhow::Result<()> {
        let sent = match message {
            Ok(message) => self.send(name, message).await,
            Err(e) => Err(e),
        };
        match sent {
            Ok(()) => {
                store::mark_mailed(db, ids).await?;
                metrics::counter!("mail_sent_total").increment(1);
            }
            Err(e) => {
                failures.count += 1;
                metrics::counter!("mail_failed_total").increment(1);
                failures.first.get_or_insert(format!("{e:#}"));
            }
        }
        Ok(())
    }

    async fn addressee(&self, db: &Db, user: i64) -> anyhow::Result<Option<Addressee>> {
        let Some(mut to) = store::addressee(db, user).await? else { return Ok(None) };
        if to.mail_key.is_none() {
            let mut key = [0u8; 24];
            rand::rng().fill_bytes(&mut key);
            let fresh = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key);
            to.mail_key = Some(store::mail_key(db, user, &fresh).await?);
        }
        Ok(Some(to))
    }

    /// The message to `to` about `notices` (one, or a digest).
    fn letter(&self, to: &Addressee, notices: &[Stored], unsubscribe: Unsubscribe<'_>) -> anyhow::Result<Message> {
        let lang = Lang::from_code(&to.lang).unwrap_or(Lang::Kk);
        let latin = lang == Lang::Kk && to.latin;
        let base = format!("{}/{}", self.origin, lang.code());
        let items: Vec<Item> =
            notices.iter().map(|n| Item { text: message(lang, n), url: format!("{base}{}", n.link) }).collect();
        let kind = match unsubscribe {
            Unsubscribe::Kind(kind) => kind,
            Unsubscribe::Digest => DIGEST_KIND,
        };
        let unsubscribe_url = format!(
            "{base}/unsubscribe/{}/{kind}/{}",
            to.user_id,
            unsubscribe_token(to.mail_key.as_deref().unwrap_or_default(), to.user_id, kind)
        );
        let subject = match (unsubscribe, items.first()) {
            (Unsubscribe::Kind(_), Some(item)) => item.text.clone(),
            _ => lang.t_args("mail-digest-subject", &[("count", Arg::Num(items.len() as i64))]),
        };
        let body = MailBody {
            greeting: lang.t_args("mail-greeting", &[("name", Arg::Str(to.display_name.clone()))]),
            intro: match unsubscribe {
                Unsubscribe::Kind(_) => lang.t("mail-intro"),
                Unsubscribe::Digest => lang.t("mail-digest-intro"),
            },
            items,
            why: lang.t("mail-why"),
            settings_label: lang.t("mail-settings"),
            settings_url: format!("{base}/notifications"),
            unsubscribe_label: match unsubscribe {
                Unsubscribe::Kind(kind) => {
                    lang.t_args("mail-unsubscribe", &[("kind", Arg::Str(kind_name(lang, kind)))])
                }
                Unsubscribe::Digest => lang.t("mail-unsubscribe-digest"),
            },
            unsubscribe_url: unsubscribe_url.clone(),
            lang: lang.code(),
        };
        let (mut subject, mut text, mut html) =
            (subject, MailText { m: &body }.render()?, MailHtml { m: &body }.render()?);
        if latin {
            subject = kazakh::to_latin(&subject);
            text = kazakh::to_latin(&text);
            html = crate::platform::web::script::latinize_html(&html);
        }
        let recipient = Mailbox::new(Some(to.display_name.clone()), to.email.parse()?);
        let header = |name: &str, value: String| -> anyhow::Result<HeaderValue> {
            Ok(HeaderValue::new(HeaderName::new_from_ascii(name.to_owned())?, value))
        };
        Ok(Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(subject)
            .message_id(Some(format!("<{}@birlik>", message_name(notices, to.user_id, unsubscribe))))
            .raw_header(header("List-Unsubscribe", format!("<{unsubscribe_url}>"))?)
            .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_owned())?)
            .multipart(MultiPart::alternative_plain_html(text, html))?)
    }

    /// Sends `message`; `name` is unique per message, so that writing it again replaces it.
    async fn send(&self, name: &str, message: Message) -> anyhow::Result<()> {
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(Into::into),
            Transport::Outbox(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                // Written whole under another name, then renamed: a crash never leaves half a message.
                let part = dir.join(format!("{name}.eml.part"));
                tokio::fs::write(&part, message.formatted()).await?;
                tokio::fs::rename(&part, dir.join(format!("{name}.eml"))).await?;
                Ok(())
            }
        }
    }
}

/// The messages of one run that could not be sent: the run fails (and its timer is tried again) when there is any.
#[derive(Default)]
struct Failures {
    count: usize,
    first: Option<String>,
}

impl Failures {
    fn outcome(self, of_what: &str) -> anyhow::Result<()> {
        match self.first {
            Some(error) => anyhow::bail!("{} {of_what} not sent; the first: {error}", self.count),
            None => Ok(()),
        }
    }
}

/// The kind in unsubscribe links that stops the daily digest.
pub const DIGEST_KIND: &str = "digest";

#[derive(Clone, Copy)]
enum Unsubscribe<'a> {
    Kind(&'a str),
    Digest,
}

fn message_name(notices: &[Stored], user: i64, unsubscribe: Unsubscribe<'_>) -> String {
    let newest = notices.last().map_or(0, |n| n.id);
    match unsubscribe {
        Unsubscribe::Kind(_) => format!("n{newest}"),
        Unsubscribe::Digest => format!("digest-{user}-{newest}"),
    }
}

/// The words of a stored notice in `lang`: its kind's message with the item's title.
pub fn message(lang: Lang, notice: &Stored) -> String {
    let params = notice.params();
    let title = Multilingual::from(&params.title).show(lang).map(|s| s.text).unwrap_or_default();
    let key = match &params.detail {
        Some(detail) => format!("notify-{}-{detail}", notice.kind),
        None => format!("notify-{}", notice.kind),
    };
    lang.t_args(&key, &[("title", Arg::Str(title))])
}

/// The name of a kind of notice in `lang`.
pub fn kind_name(lang: Lang, kind: &str) -> String {
    lang.t(&format!("notify-kind-{kind}"))
}

/// The token of an unsubscribe link: only the person's own key makes it, so nobody else can unsubscribe him.
pub fn unsubscribe_token(key: &str, user: i64, kind: &str) -> String {
    let digest = Sha256::digest(format!("unsubscribe:{key}:{user}:{kind}").as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

struct Item {
    text: String,
    url: String,
}

struct MailBody {
    greeting: String,
    intro: String,
    items: Vec<Item>,
    why: String,
    settings_label: String,
    settings_url: String,
    unsubscribe_label: String,
    unsubscribe_url: String,
    lang: &'static str,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/mail.txt")]
struct MailText<'a> {
    m: &'a MailBody,
}

#[derive(Template)]
#[template(path = "platform/notify/templates/mail.html")]
struct MailHtml<'a> {
    m: &'a MailBody,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsubscribe_tokens_depend_on_the_key_the_person_and_the_kind() {
        let token = unsubscribe_token("k", 7, "statement-published");
        assert_eq!(token.len(), 32);
        assert!(same_token(&token, &unsubscribe_token("k", 7, "statement-published")));
        assert!(!same_token(&token, &unsubscribe_token("other", 7, "statement-published")));
        assert!(!same_token(&token, &unsubscribe_token("k", 8, "statement-published")));
        assert!(!same_token(&token, &unsubscribe_token("k", 7, "agenda-published")));
        assert!(!same_token(&token, &token[..31]));
    }
}
