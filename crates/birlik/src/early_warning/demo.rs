//! The demo's year of early warning, fictional and labelled as such: a few signals a week in every region, most
//! confirmed, some found false (one rumour rebutted), and one planted rise — a dispute over pasture in Pavlodar
//! region that grew over ten days, six weeks ago — which raised an alert, acknowledged and answered. Signals go in
//! through the store's one multi-row insert (a year of reports one request each would take minutes), and their
//! findings through one bulk step; the alerts are raised by the same rule as in production.

use time::{Date, Duration};

use super::input::SignalInput;
use super::model::{Channel, Multilingual, Reporter, SignalStatus};
use super::store::{self, NewSignal};
use super::{index, indicators};
use crate::platform::days::{date_at, iso};
use crate::platform::db::Db;

/// The region of the planted rise.
pub const RISE_REGION: &str = "KZ-55";
/// Days before today the rise starts, and how long it lasts.
const RISE_AGO: i64 = 45;
const RISE_DAYS: i64 = 10;

const BACKGROUND: [&str; 8] = [
    "everyday-incident",
    "rumour",
    "hostile-rhetoric",
    "joint-celebration",
    "mixed-initiative",
    "council-dialogue",
    "everyday-exchange",
    "jobs-dispute",
];
const RISE: [&str; 4] = ["land-dispute", "threats", "youth-fight", "mobilisation-call"];

fn text_of(code: &str, lang: &str) -> String {
    let description = indicators::get(code).map_or(code, |i| match lang {
        "kk" => i.description_kk.as_str(),
        "ru" => i.description_ru.as_str(),
        _ => i.description_en.as_str(),
    });
    let label = match lang {
        "kk" => "Демо, ойдан шығарылған",
        "ru" => "Демо, вымышлено",
        _ => "Demo, fictional",
    };
    format!("[{label}] {description}")
}

struct Planned {
    input: SignalInput,
    status: SignalStatus,
}

fn plan(today: Date) -> Vec<Planned> {
    let mut rng = tension::rng::Rng::new(2026);
    let mut out = Vec::new();
    let langs = ["kk", "ru", "kk", "ru", "en"];
    let mut push =
        |region: &str, day: Date, code: &str, severity: i64, status: SignalStatus, rng: &mut tension::rng::Rng| {
            let lang = langs.get(rng.below(5) as usize).copied().unwrap_or("kk");
            let reporter = if rng.below(3) == 0 { Reporter::Named } else { Reporter::Anonymous };
            out.push(Planned {
                input: SignalInput {
                    text: text_of(code, lang),
                    text_lang: lang.to_owned(),
                    region_code: region.to_owned(),
                    district_id: None,
                    settlement: None,
                    happened_on: iso(day),
                    indicators: vec![code.to_owned()],
                    severity,
                    links: Vec::new(),
                    reporter,
                    contact: None,
                },
                status,
            });
        };
    for region in crate::registry::reference::regions() {
        for ago in 1..=364 {
            let day = today - Duration::days(ago);
            for _ in 0..rng.poisson(0.12) {
                let code = BACKGROUND.get(rng.below(BACKGROUND.len() as u64) as usize).copied().unwrap_or("rumour");
                let status = match rng.below(20) {
                    0 => SignalStatus::False,
                    1 => SignalStatus::Unverifiable,
                    2 if ago < 10 => SignalStatus::New,
                    _ => SignalStatus::Confirmed,
                };
                push(&region.code, day, code, 1 + rng.below(2) as i64, status, &mut rng);
            }
        }
    }
    for d in 0..RISE_DAYS {
        let day = today - Duration::days(RISE_AGO - d);
        for _ in 0..2 + rng.poisson(1.0 + d as f64 / 3.0) {
            let code = RISE.get(rng.below(RISE.len() as u64) as usize).copied().unwrap_or("land-dispute");
            push(RISE_REGION, day, code, 3 + rng.below(2) as i64, SignalStatus::Confirmed, &mut rng);
        }
    }
    // The council stepped in: a dialogue, then a mediation that held.
    for (ago, code) in [(RISE_AGO - RISE_DAYS - 1, "council-dialogue"), (RISE_AGO - RISE_DAYS - 8, "mediation-held")] {
        push(RISE_REGION, today - Duration::days(ago), code, 3, SignalStatus::Confirmed, &mut rng);
    }
    out
}

/// Seeds the year; returns the id of the planted rise's alert.
pub async fn load(db: &Db, now_ms: i64) -> anyhow::Result<Option<i64>> {
    let today = date_at(now_ms);
    let day = iso(today);
    let planned = plan(today);
    let signals: Vec<NewSignal> = planned
        .iter()
        .map(|p| NewSignal {
            input: &p.input,
            reported_by: None,
            contact_sealed: None,
            weight: indicators::weight(&p.input.indicators),
            channel: Channel::Demo,
            today: &day,
            demo: true,
        })
        .collect();
    let ids = store::insert_all(db, &signals).await?;
    let findings: Vec<(i64, SignalStatus)> = ids
        .iter()
        .zip(&planned)
        .filter(|(_, p)| p.status != SignalStatus::New)
        .map(|(id, p)| (*id, p.status))
        .collect();
    store::settle_demo(db, &findings).await?;
    // One rumour found false, and rebutted in three languages.
    if let Some((id, _)) = findings.iter().find(|(_, s)| *s == SignalStatus::False)
        && let Some(signal) = store::get(db, *id).await?
    {
        let text = Multilingual {
            kk: Some("[Демо] Тексеру қауесеттің жалған екенін көрсетті: мұндай оқиға болған жоқ, аудан әкімдігі мен Қоғамдық келісім кеңесі мұны растады.".into()),
            ru: Some("[Демо] Проверка показала, что слух ложен: такого события не было, что подтвердили акимат района и Совет общественного согласия.".into()),
            en: Some("[Demo] Verification showed the rumour to be false: no such event took place, as the district akimat and the Public Consent Council confirmed.".into()),
        };
        store::rebut(db, None, &signal, &text).await?;
    }
    let computed = index::compute(&store::confirmed(db).await?, today)?;
    let raised: Vec<store::Raised> = computed
        .index
        .region_alerts(&tension::AlertConfig::default())?
        .into_iter()
        .map(|a| store::Raised {
            region_code: a.area.region.to_string(),
            raised_on: iso(a.raised),
            index_value: (a.value * 10.0).round() / 10.0,
            score: (a.score * 10.0).round() / 10.0,
            baseline: (a.baseline * 100.0).round() / 100.0,
            ack_due_at: crate::platform::db::now(),
        })
        .collect();
    let ids = store::raise(db, &raised, |id, _| super::alerts::timer(now_ms, id), true).await?;
    let mut planted = None;
    for id in ids {
        let Some(alert) = store::alert(db, id).await? else { continue };
        if alert.region_code == RISE_REGION {
            planted = Some(id);
            let response = "[Демо] Павлодар облысы ҚХА хатшылығы мен этномедиация кеңесі ауылға барып, тараптармен кездесті; жайылым дауы бойынша медиация басталды.";
            store::answer_alert(db, None, &alert, Some(response), &id.to_string()).await?;
        }
    }
    Ok(planted)
}
