//! The demo's two fictional mediation cases of the national ethnomediation council: the pasture dispute behind the
//! planted rise of early warning, closed with an agreement that held; and a market quarrel, still open. They are
//! written through the store with the demo's key, as `changes` would (the demo runs before any account exists, so
//! no one could pass `changes`' checks as their author).

use time::Duration;

use super::model::{EntryKind, Outcome, PartyKind};
use super::store::{self, Opening, Update};
use crate::platform::days::{date_at, iso};
use crate::platform::db::Db;
use crate::platform::seal::Sealer;
use crate::registry::model::BodyKind;

struct Written {
    kind: EntryKind,
    ago: i64,
    text: &'static str,
}

/// Seeds the cases (none when the registry has no ethnomediation council with two members).
pub async fn load(db: &Db, seal: &Sealer, now_ms: i64) -> anyhow::Result<()> {
    let today = date_at(now_ms);
    let Some(council) = crate::registry::store::bodies(db, false)
        .await?
        .into_iter()
        .find(|b| b.kind == BodyKind::EthnomediationCouncil)
    else {
        return Ok(());
    };
    let members = super::access::council_members(db, council.id).await?;
    let (Some(first), Some(second)) = (members.first(), members.get(1)) else { return Ok(()) };
    let rise: Vec<i64> = crate::early_warning::store::list(
        db,
        &crate::early_warning::store::Regions::All,
        &crate::early_warning::store::Filter {
            region: Some(crate::early_warning::demo::RISE_REGION.into()),
            ..Default::default()
        },
    )
    .await?
    .0
    .iter()
    .filter(|s| s.severity >= 3)
    .take(3)
    .map(|s| s.id)
    .collect();

    let closed = [
        Written {
            kind: EntryKind::Meeting,
            ago: 33,
            text: "[Демо] Ауылда екі қауымдастықтың ақсақалдарымен және аудан әкімдігімен кездесу. Жайылым шекарасы туралы екі тараптың көзқарасы тыңдалды.",
        },
        Written {
            kind: EntryKind::Meeting,
            ago: 27,
            text: "[Демо] Встреча сторон с участием землеустроителя: согласован план выпаса по очереди, молодёжь обеих общин участвует в совместном субботнике.",
        },
        Written {
            kind: EntryKind::Agreement,
            ago: 25,
            text: "[Demo] Agreement: the pasture is grazed in turns by week; a joint committee of two elders from each community settles any new dispute; the akimat marks the boundary by spring.",
        },
        Written {
            kind: EntryKind::FollowUp,
            ago: 4,
            text: "[Демо] Бақылау: келісім сақталып отыр, жаңа дау болған жоқ.",
        },
        Written {
            kind: EntryKind::Outcome, ago: 3, text: "[Демо] Дело закрыто: соглашение соблюдается."
        },
    ];
    let id = open(
        db,
        seal,
        council.id,
        crate::early_warning::demo::RISE_REGION,
        "[Демо] Жайылым дауы, Павлодар облысы",
        &[
            (PartyKind::Community, "[Демо] Солтүстік ауылының тұрғындары"),
            (PartyKind::Community, "[Демо] Жаңа қоныстың тұрғындары"),
        ],
        &[first.0, second.0],
        &rise,
        today - Duration::days(35),
    )
    .await?;
    write_all(db, seal, id, &closed, today).await?;

    let open_entries = [
        Written {
            kind: EntryKind::Note,
            ago: 6,
            text: "[Демо] Базардағы сауда орындары үшін жанжал этникалық сипат ала бастады; екі тараптың өкілдері медиацияға келісті.",
        },
        Written {
            kind: EntryKind::Meeting,
            ago: 2,
            text: "[Demo] First joint meeting at the district akimat; the market administration will present the allocation of stalls next week.",
        },
    ];
    let id = open(
        db,
        seal,
        council.id,
        "KZ-61",
        "[Демо] Базардағы дау, Түркістан облысы",
        &[
            (PartyKind::Association, "[Демо] Базар саудагерлерінің бірлестігі"),
            (PartyKind::Person, "[Демо] Базар әкімшілігі"),
        ],
        &[second.0],
        &[],
        today - Duration::days(7),
    )
    .await?;
    write_all(db, seal, id, &open_entries, today).await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn open(
    db: &Db,
    seal: &Sealer,
    council: i64,
    region: &str,
    title: &str,
    parties: &[(PartyKind, &str)],
    mediators: &[i64],
    signals: &[i64],
    on: time::Date,
) -> anyhow::Result<i64> {
    let mut sealed_parties = Vec::new();
    for (kind, name) in parties {
        sealed_parties.push((*kind, seal.seal("case_parties.name", name)?));
    }
    let opening = Opening {
        council_id: council,
        region_code: region,
        title_sealed: seal.seal("mediation_cases.title", title)?,
        parties: sealed_parties,
        mediators,
        signals,
        opened_on: &iso(on),
        first_entry_sealed: None,
        demo: true,
    };
    Ok(store::open(db, None, &opening).await?)
}

async fn write_all(db: &Db, seal: &Sealer, id: i64, entries: &[Written], today: time::Date) -> anyhow::Result<()> {
    for w in entries {
        let Some(head) = store::head(db, id).await? else { return Ok(()) };
        let day = iso(today - Duration::days(w.ago));
        let sealed = seal.seal("case_entries.text", w.text)?;
        let agreement = seal.seal("mediation_cases.agreement", w.text)?;
        let follow_up = iso(today + Duration::days(30));
        let (update, timer) = match w.kind {
            EntryKind::Agreement => {
                (Update::Agreement { sealed: &agreement, on: &day, follow_up_on: Some(&follow_up) }, None)
            }
            EntryKind::Outcome => (Update::Close { outcome: Outcome::AgreementHeld, on: &day }, None),
            _ => (Update::None, None::<crate::platform::jobs::NewJob>),
        };
        store::add_entry(
            db,
            None,
            &head,
            &store::Written { kind: w.kind, on_day: &day, sealed: &sealed },
            update,
            timer,
        )
        .await?;
    }
    Ok(())
}
