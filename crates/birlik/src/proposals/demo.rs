//! Fictional demo proposals, clearly labelled: a proposal raised in a district council, forwarded to its regional
//! assembly, merged there with a similar one from a neighbouring district, forwarded to the Assembly and accepted
//! (it becomes the demo recommendations); others open, queued or rejected. Supported by demo accounts that cannot
//! log in. The demo bodies' thresholds are lowered to fit them (10, 12 and 15 supporters).

use super::input::ProposalInput;
use super::model::{Multilingual, OnBehalf, ProposalStatus, Rules};
use super::store::{self, Decided};
use crate::platform::db::Db;
use crate::platform::identity::{Email, store as identity};
use crate::registry::model::{Body, BodyKind};
use crate::registry::store as registry;

fn ml(kk: &str, ru: &str, en: &str) -> Multilingual {
    Multilingual { kk: Some(kk.to_owned()), ru: Some(ru.to_owned()), en: Some(en.to_owned()) }
}

/// Demo accounts that support proposals: a malformed password hash never matches, so nobody logs in as them.
async fn people(db: &Db, n: usize) -> anyhow::Result<Vec<i64>> {
    let mut ids = Vec::new();
    for i in 1..=n {
        let email = Email::parse(&format!("demo-participant-{i}@demo.birlik.invalid"))
            .ok_or_else(|| anyhow::anyhow!("demo address"))?;
        let id = match identity::create(db, &email, &format!("Демо қатысушы {i}"), "!", &[], true, None).await?
        {
            Some(id) => id,
            None => {
                identity::find_by_email(db, &email).await?.map(|u| u.id).ok_or_else(|| anyhow::anyhow!("demo user"))?
            }
        };
        ids.push(id);
    }
    Ok(ids)
}

/// A step the demo takes (no one's decision: the audit names no actor).
fn step<'a>(proposal: &'a super::model::Proposal, status: ProposalStatus, reason: &'a str) -> Decided<'a> {
    Decided { actor: None, proposal, status, reason, meeting_id: None }
}

struct Demo<'a> {
    db: &'a Db,
    people: Vec<i64>,
}

impl Demo<'_> {
    async fn file(
        &self,
        body: &Body,
        author: usize,
        title: Multilingual,
        text: Multilingual,
        category: &str,
        on: &str,
    ) -> anyhow::Result<i64> {
        let rules = super::changes::rules_of(self.db, body.id).await?;
        let input = ProposalInput {
            body_id: body.id,
            title,
            text,
            category: category.to_owned(),
            region_code: body.region_code.clone(),
            district_id: (body.kind == BodyKind::PublicConsentCouncil).then_some(body.id),
            on_behalf: OnBehalf::Myself,
            association_id: None,
            author_body_id: None,
        };
        let author = *self.people.get(author).ok_or_else(|| anyhow::anyhow!("demo author"))?;
        let opens = crate::platform::days::parse_iso(on).ok_or_else(|| anyhow::anyhow!("demo date"))?;
        let closes = crate::platform::days::iso(opens + time::Duration::days(rules.window_days - 1));
        let id = store::create(self.db, author, &input, rules, on, &closes, true).await?;
        store::backdate(self.db, id, &format!("{on}T05:00:00Z"), None).await?;
        Ok(id)
    }

    async fn support(&self, id: i64, who: std::ops::Range<usize>) -> anyhow::Result<()> {
        let p = store::proposal(self.db, id).await?.ok_or_else(|| anyhow::anyhow!("demo proposal"))?;
        let threshold = super::changes::rules_of(self.db, p.body_id).await?.threshold;
        for i in who {
            if let Some(user) = self.people.get(i) {
                store::support(self.db, id, *user, threshold).await?;
            }
        }
        Ok(())
    }

    async fn get(&self, id: i64) -> anyhow::Result<super::model::Proposal> {
        store::proposal(self.db, id).await?.ok_or_else(|| anyhow::anyhow!("demo proposal"))
    }
}

/// Adds the demo proposals when there are none yet; returns the accepted national one (for the demo
/// recommendations), or `None` when they were there or the demo bodies are missing.
pub async fn load(db: &Db) -> anyhow::Result<Option<i64>> {
    if store::proposals(db, &store::Filter::default()).await?.0.iter().any(|p| p.demo) {
        return Ok(None);
    }
    let bodies = registry::bodies(db, false).await?;
    let Some(nation) = bodies.iter().find(|b| b.kind == BodyKind::NationalSession) else { return Ok(None) };
    let districts_of = |r: &Body| {
        bodies.iter().filter(|b| b.kind == BodyKind::PublicConsentCouncil && b.parent_id == Some(r.id)).count()
    };
    // Jambyl region (the Korday district is there) if the demo registry has two of its districts, else the first.
    let regions: Vec<&Body> =
        bodies.iter().filter(|b| b.kind == BodyKind::RegionalAssembly && districts_of(b) >= 2).collect();
    let Some(region) = regions.iter().find(|b| b.region_code.as_deref() == Some("KZ-31")).or(regions.first()).copied()
    else {
        return Ok(None);
    };
    let districts: Vec<&Body> =
        bodies.iter().filter(|b| b.kind == BodyKind::PublicConsentCouncil && b.parent_id == Some(region.id)).collect();
    let (Some(d1), Some(d2)) = (districts.first().copied(), districts.get(1).copied()) else { return Ok(None) };
    for (body, threshold) in [(d1, 10), (d2, 10), (region, 12), (nation, 15)] {
        let before = super::changes::rules_of(db, body.id).await?;
        store::set_rules(db, None, body.id, before, Rules { threshold, window_days: 90 }).await?;
    }
    let demo = Demo { db, people: people(db, 20).await? };

    // Raised in two districts of the same region.
    let a = demo
        .file(
            d1,
            0,
            ml(
                "Ересектерге арналған тегін қазақ тілі курстары (демо)",
                "Бесплатные курсы казахского языка для взрослых (демо)",
                "Free Kazakh language courses for adults (demo)",
            ),
            ml(
                "Аудандағы Достық үйінде кешкі уақытта ересектерге қазақ тілін тегін оқытуды ұйымдастыру ұсынылады. Демо мазмұн.",
                "Предлагается организовать в Доме дружбы района бесплатные вечерние курсы казахского языка для взрослых. Демо-содержание.",
                "Free evening Kazakh courses for adults at the district's Friendship House. Demo content.",
            ),
            "language_culture",
            "2026-05-04",
        )
        .await?;
    demo.support(a, 1..12).await?;
    let b = demo
        .file(
            d2,
            12,
            ml(
                "Достық үйлерінде қазақ тілі клубтары (демо)",
                "Клубы казахского языка в Домах дружбы (демо)",
                "Kazakh language clubs in Friendship Houses (demo)",
            ),
            ml(
                "Әр ауылда аптасына бір рет тегін сөйлесу клубы. Демо мазмұн.",
                "Бесплатный разговорный клуб раз в неделю в каждом селе. Демо-содержание.",
                "A free conversation club once a week in every village. Demo content.",
            ),
            "language_culture",
            "2026-05-12",
        )
        .await?;
    demo.support(b, 13..20).await?;
    demo.support(b, 1..3).await?;

    let rules = |body: i64| super::changes::rules_of(db, body);
    // Each district forwards its proposal to the regional assembly.
    let pa = demo.get(a).await?;
    let reason = "Өңірлік деңгейде шешілетін мәселе. / Вопрос регионального уровня. / A regional matter. (демо)";
    let a2 = store::forward(
        db,
        &step(&pa, ProposalStatus::Forwarded, reason),
        region.id,
        rules(region.id).await?,
        "2026-06-02",
        "2026-08-30",
    )
    .await?;
    store::backdate(db, a, "2026-05-04T05:00:00Z", Some("2026-06-02T06:00:00Z")).await?;
    store::backdate(db, a2, "2026-06-02T06:00:00Z", None).await?;
    let pb = demo.get(b).await?;
    let b2 = store::forward(
        db,
        &step(&pb, ProposalStatus::Forwarded, reason),
        region.id,
        rules(region.id).await?,
        "2026-06-05",
        "2026-09-02",
    )
    .await?;
    store::backdate(db, b, "2026-05-12T05:00:00Z", Some("2026-06-05T06:00:00Z")).await?;
    store::backdate(db, b2, "2026-06-05T06:00:00Z", None).await?;
    // The region merges the two, then forwards the result to the Assembly, which accepts it.
    let pb2 = demo.get(b2).await?;
    let merge = "Екі ұсыныс бір мәселе туралы. / Оба предложения об одном. / Both are about the same thing. (демо)";
    store::merge(db, &step(&pb2, ProposalStatus::Merged, merge), a2, rules(region.id).await?.threshold).await?;
    store::backdate(db, b2, "2026-06-05T06:00:00Z", Some("2026-07-01T06:00:00Z")).await?;
    let pa2 = demo.get(a2).await?;
    let up = "Барлық өңірге қатысты. / Касается всех регионов. / It concerns every region. (демо)";
    let a3 = store::forward(
        db,
        &step(&pa2, ProposalStatus::Forwarded, up),
        nation.id,
        rules(nation.id).await?,
        "2026-07-15",
        "2026-10-12",
    )
    .await?;
    store::backdate(db, a2, "2026-06-02T06:00:00Z", Some("2026-07-15T06:00:00Z")).await?;
    let pa3 = demo.get(a3).await?;
    let accept = "Қабылданды, министрліктерге ұсыным жолданады. / Принято, министерствам направляется рекомендация. / Accepted; a recommendation goes to the ministries. (демо)";
    store::decide(db, &step(&pa3, ProposalStatus::Accepted, accept)).await?;
    store::backdate(db, a3, "2026-07-15T06:00:00Z", Some("2026-09-10T06:00:00Z")).await?;

    // Others: one open in a district, one rejected by the region, one open at the national level.
    let c = demo
        .file(
            d1,
            3,
            ml(
                "Мектептерде этномәдени мерекелер күнтізбесі (демо)",
                "Календарь этнокультурных праздников в школах (демо)",
                "A calendar of ethnocultural festivals in schools (demo)",
            ),
            ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
            "education",
            &crate::platform::days::today(),
        )
        .await?;
    demo.support(c, 4..7).await?;
    let d = demo
        .file(
            region,
            5,
            ml(
                "Облыс орталығында жаңа стадион (демо)",
                "Новый стадион в областном центре (демо)",
                "A new stadium in the regional centre (demo)",
            ),
            ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
            "local_life",
            "2026-08-20",
        )
        .await?;
    let pd = demo.get(d).await?;
    let reject = "Ассамблеяның құзыретіне жатпайды. / Не относится к компетенции Ассамблеи. / Outside the Assembly's remit. (демо)";
    store::decide(db, &step(&pd, ProposalStatus::Rejected, reject)).await?;
    store::backdate(db, d, "2026-08-20T05:00:00Z", Some("2026-09-03T06:00:00Z")).await?;
    let e = demo
        .file(
            nation,
            8,
            ml(
                "Этносаралық медиаторларды даярлаудың ұлттық бағдарламасы (демо)",
                "Национальная программа подготовки этномедиаторов (демо)",
                "A national programme to train ethnomediators (demo)",
            ),
            ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
            "interethnic_relations",
            &crate::platform::days::today(),
        )
        .await?;
    demo.support(e, 9..18).await?;
    Ok(Some(a3))
}
