//! Fictional demo recommendations to real addressees, clearly labelled: the accepted demo proposal goes to two
//! ministries (one answers on time, one extends and answers within the extension), a Council recommendation to
//! a regional akimat waits past its term (it escalates when the server starts), a party answers late, a ministry
//! forwards one sent to it by mistake, and one is not yet due. The answers are invented.

use time::Date;

use super::addressees;
use super::deadlines::{Clock, working_days_between};
use super::model::{Implementation, Multilingual};
use super::reminders::{all_keys, timers};
use super::store::{self, Dates, Sending};
use crate::platform::days::{iso, parse_iso};
use crate::platform::db::Db;
use crate::registry::model::BodyKind;

fn ml(kk: &str, ru: &str, en: &str) -> Multilingual {
    Multilingual { kk: Some(kk.to_owned()), ru: Some(ru.to_owned()), en: Some(en.to_owned()) }
}

fn day(text: &str) -> anyhow::Result<Date> {
    parse_iso(text).ok_or_else(|| anyhow::anyhow!("demo date {text}"))
}

fn dates(received: Date) -> Dates {
    let c = Clock::from_receipt(received);
    Dates {
        received_on: iso(c.received_on),
        due_on: iso(c.due_on),
        forward_by: iso(c.forward_by),
        latest_extension_on: iso(c.latest_extension_on),
    }
}

async fn addressee(db: &Db, code: &str) -> anyhow::Result<Option<i64>> {
    Ok(addressees::by_code(db, code).await?.map(|a| a.id))
}

/// Sends one demo recommendation (its timers as a real one's, from `now_ms`); returns its ids.
async fn send(db: &Db, now_ms: i64, s: &Sending, received: &str) -> anyhow::Result<Vec<i64>> {
    let received = day(received)?;
    let term = Clock::from_receipt(received).due_on;
    Ok(store::send(db, None, s, &dates(received), |id| timers(now_ms, id, term), true).await?)
}

async fn answer(db: &Db, id: i64, on: &str, text: &str, lang: &str) -> anyhow::Result<()> {
    let r = store::get(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo recommendation"))?;
    let days = working_days_between(day(&r.received_on)?, day(on)?);
    let answer = store::Answer { text, lang, on, working_days: days };
    store::answer(db, None, &r, &answer, &all_keys(id)).await?;
    Ok(())
}

async fn report(db: &Db, id: i64, implementation: Implementation, note: &str) -> anyhow::Result<()> {
    let r = store::get(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo recommendation"))?;
    store::report(db, None, &r, implementation, Some(note)).await?;
    Ok(())
}

/// Adds the demo recommendations when there are none yet (`proposal`: the accepted demo proposal).
pub async fn load(db: &Db, proposal: Option<i64>, now_ms: i64) -> anyhow::Result<bool> {
    let today = iso(crate::platform::days::date_at(now_ms));
    if store::list(db, &store::Filter::default(), &today).await?.0.iter().any(|r| r.demo) {
        return Ok(false);
    }
    let bodies = crate::registry::store::bodies(db, false).await?;
    let (Some(nation), Some(council)) = (
        bodies.iter().find(|b| b.kind == BodyKind::NationalSession),
        bodies.iter().find(|b| b.kind == BodyKind::Council),
    ) else {
        return Ok(false);
    };
    let (Some(education), Some(culture), Some(finance), Some(labour)) = (
        addressee(db, "min-education").await?,
        addressee(db, "min-culture-information").await?,
        addressee(db, "min-finance").await?,
        addressee(db, "min-labour-social-protection").await?,
    ) else {
        return Ok(false);
    };
    let akimats: Vec<_> =
        addressees::all(db, false).await?.into_iter().filter(|a| a.code.starts_with("akimat-")).collect();
    let parties: Vec<_> =
        addressees::all(db, false).await?.into_iter().filter(|a| a.code.starts_with("party-")).collect();

    // From the accepted demo proposal, to two ministries.
    let courses = Sending {
        body_id: nation.id,
        addressees: vec![education, culture],
        proposal_id: proposal,
        decision_id: None,
        title: ml(
            "Ересектерге арналған тегін қазақ тілі курстары туралы (демо)",
            "О бесплатных курсах казахского языка для взрослых (демо)",
            "On free Kazakh language courses for adults (demo)",
        ),
        text: ml(
            "Ассамблея өңірлердегі Достық үйлерінде ересектерге тегін қазақ тілі курстарын ашуды ұсынады. Демо мазмұн.",
            "Ассамблея рекомендует открыть бесплатные курсы казахского языка для взрослых в Домах дружбы регионов. Демо-содержание.",
            "The Assembly recommends free Kazakh courses for adults in the regions' Friendship Houses. Demo content.",
        ),
    };
    let ids = send(db, now_ms, &courses, "2026-09-14").await?;
    if let [to_education, to_culture] = ids.as_slice() {
        answer(
            db,
            *to_education,
            "2026-09-30",
            "Министрлік курстарды 2027 жылғы қаңтардан бастап 5 өңірде сынақ ретінде ашады. (демо)",
            "kk",
        )
        .await?;
        report(db, *to_education, Implementation::InProgress, "Пилот: 5 өңір. (демо)").await?;
        let r = store::get(db, *to_culture).await?.ok_or_else(|| anyhow::anyhow!("demo recommendation"))?;
        let to = day("2026-11-13")?;
        store::extend(
            db,
            None,
            &r,
            &iso(to),
            "2026-10-01",
            "Өңірлердің деректері жиналуда. / Собираются данные регионов. (демо)",
            &timers(now_ms, r.id, to),
        )
        .await?;
        answer(
            db,
            *to_culture,
            "2026-11-10",
            "Министерство включит курсы в план Домов дружбы на 2027 год. (демо)",
            "ru",
        )
        .await?;
        report(db, *to_culture, Implementation::Implemented, "Включено в план на 2027 год. (демо)").await?;
    }
    // A Council recommendation to a regional akimat, unanswered past its term.
    if let Some(akimat) = akimats.iter().find(|a| a.region_code.as_deref() == Some("KZ-31")).or(akimats.first()) {
        let s = Sending {
            body_id: council.id,
            addressees: vec![akimat.id],
            proposal_id: None,
            decision_id: None,
            title: ml(
                "Ауылдардағы жастар орталықтарын жөндеу туралы (демо)",
                "О ремонте молодёжных центров в сёлах (демо)",
                "On repairing youth centres in villages (demo)",
            ),
            text: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
        };
        send(db, now_ms, &s, "2026-10-01").await?;
    }
    // A party answers late.
    if let Some(party) = parties.first() {
        let s = Sending {
            body_id: council.id,
            addressees: vec![party.id],
            proposal_id: None,
            decision_id: None,
            title: ml(
                "Сайлау бағдарламаларындағы тіл саясаты туралы (демо)",
                "О языковой политике в предвыборных программах (демо)",
                "On language policy in election platforms (demo)",
            ),
            text: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
        };
        if let Some(id) = send(db, now_ms, &s, "2026-08-03").await?.first() {
            answer(db, *id, "2026-09-15", "The party will weigh it when it revises its programme. (demo)", "en")
                .await?;
        }
    }
    // Sent to the wrong ministry by mistake, forwarded within 3 working days, then answered.
    let s = Sending {
        body_id: council.id,
        addressees: vec![finance],
        proposal_id: None,
        decision_id: None,
        title: ml(
            "Көпбалалы отбасыларға арналған тіл курстары туралы (демо)",
            "О языковых курсах для многодетных семей (демо)",
            "On language courses for large families (demo)",
        ),
        text: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
    };
    if let Some(id) = send(db, now_ms, &s, "2026-10-19").await?.first() {
        let r = store::get(db, *id).await?.ok_or_else(|| anyhow::anyhow!("demo recommendation"))?;
        let received = day("2026-10-21")?;
        let term = Clock::from_receipt(received).due_on;
        let reason = "Мәселе әлеуметтік қорғау саласына жатады. (демо)";
        let new = store::forward(
            db,
            None,
            &r,
            (labour, reason),
            &dates(received),
            |n| timers(now_ms, n, term),
            &all_keys(r.id),
        )
        .await?;
        answer(db, new, "2026-11-05", "Министерство учтёт предложение в программе поддержки семей. (демо)", "ru")
            .await?;
    }
    // Not yet due: sent a few days ago.
    if let Some(almaty) = akimats.iter().find(|a| a.region_code.as_deref() == Some("KZ-75")) {
        let s = Sending {
            body_id: council.id,
            addressees: vec![almaty.id],
            proposal_id: None,
            decision_id: None,
            title: ml(
                "Наурыз мерекесіндегі ортақ іс-шаралар туралы (демо)",
                "О совместных мероприятиях на Наурыз (демо)",
                "On joint events for Nauryz (demo)",
            ),
            text: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
        };
        let received = crate::platform::days::date_at(now_ms) - time::Duration::days(3);
        send(db, now_ms, &s, &iso(received)).await?;
    }
    Ok(true)
}
