//! A fictional demo consultation of the national session: twelve statements written in Kazakh or Russian and
//! translated into the other languages, 240 fictional participants in three planted opinion groups
//! (`consensus::synth`), some of whom answered the optional questions, and its analysis. Open for sixty days
//! from the day it is seeded, so that a visitor can take part.

use consensus::synth::{Synth, SynthOptions};

use super::input::ConsultationInput;
use super::model::{Answers, Moderation, Multilingual, Participation, ResultsShown, Status};
use super::store::{self, ImportedStatement, ImportedVote};
use crate::platform::db::Db;

/// (original language, kk, ru, en).
const STATEMENTS: [(&str, &str, &str, &str); 12] = [
    (
        "kk",
        "Мемлекеттік тілді үйрену курстары барлық тұрғындарға тегін болуы керек",
        "Курсы государственного языка должны быть бесплатными для всех жителей",
        "State language courses should be free for every resident",
    ),
    (
        "kk",
        "Әр ауданда этномәдени бірлестіктерге арналған ортақ үй болуы тиіс",
        "В каждом районе нужен общий дом для этнокультурных объединений",
        "Every district needs a shared house for ethnocultural associations",
    ),
    (
        "kk",
        "Мектептерде көршілес халықтардың мәдениеті мен тарихы оқытылуы керек",
        "В школах нужно изучать культуру и историю соседних народов",
        "Schools should teach the culture and history of neighbouring peoples",
    ),
    (
        "kk",
        "Ұлттық мерекелерді барлық этностар бірге тойлауы керек",
        "Национальные праздники должны отмечать вместе все этносы",
        "All ethnic groups should celebrate national holidays together",
    ),
    (
        "kk",
        "Жергілікті әкімдік тұрғындардың өтініштеріне бір ай ішінде жауап беруі тиіс",
        "Местный акимат должен отвечать на обращения жителей в течение месяца",
        "The local akimat should answer residents' requests within a month",
    ),
    (
        "kk",
        "Медиация кеңестері ауылдарда да жұмыс істеуі керек",
        "Советы медиации должны работать и в сёлах",
        "Mediation councils should work in villages too",
    ),
    (
        "kk",
        "Жастар арасындағы спорт жарыстары достықты нығайтады",
        "Спортивные соревнования среди молодёжи укрепляют дружбу",
        "Youth sports competitions strengthen friendship",
    ),
    (
        "kk",
        "Этностық топтардың тілдеріндегі газеттерді мемлекет қаржыландыруы керек",
        "Государство должно финансировать газеты на языках этнических групп",
        "The state should fund newspapers in the languages of ethnic groups",
    ),
    (
        "ru",
        "Маңдайшалар мен хабарландырулар екі тілде болуы керек",
        "Вывески и объявления должны быть на двух языках",
        "Signs and announcements should be in two languages",
    ),
    (
        "ru",
        "Әр ұлт балаларына арналған аралас жазғы лагерьлер көбірек керек",
        "Нужно больше смешанных летних лагерей для детей разных национальностей",
        "We need more mixed summer camps for children of different nationalities",
    ),
    (
        "ru",
        "Мәслихаттарда этностық топтарға квота қажет емес",
        "Квоты для этнических групп в маслихатах не нужны",
        "Quotas for ethnic groups in maslikhats are not needed",
    ),
    (
        "ru",
        "Интернет-петицияларды Ассамблея міндетті түрде қарауы керек",
        "Интернет-петиции должны рассматриваться Ассамблеей обязательно",
        "The Assembly should be required to consider online petitions",
    ),
];

const PARTICIPANTS: usize = 240;
/// Regions and languages the fictional participants declare, in turn; every fourth declares nothing.
const REGIONS: [&str; 3] = ["KZ-75", "KZ-71", "KZ-79"];
const LANGUAGES: [&str; 2] = ["kk", "ru"];

fn input(body: i64) -> ConsultationInput {
    ConsultationInput {
        body_id: body,
        question: Multilingual {
            kk: Some("Өңіріңізде этносаралық келісімді нығайту үшін не істеу керек?".into()),
            ru: Some("Что нужно сделать, чтобы укрепить межэтническое согласие в вашем регионе?".into()),
            en: Some("What should be done to strengthen interethnic accord in your region?".into()),
        },
        description: Multilingual {
            kk: Some("Бұл — демонстрациялық консультация: қатысушылар мен олардың дауыстары ойдан шығарылған.".into()),
            ru: Some("Это демонстрационная консультация: участники и их голоса вымышлены.".into()),
            en: Some("This is a demonstration consultation: its participants and their votes are fictional.".into()),
        },
        opens_on: super::model::today(),
        closes_on: super::model::day_from_today(60),
        moderation: Moderation::Approve,
        participation: Participation::Anyone,
        ask_region: true,
        ask_ethnic_group: false,
        ask_language: true,
        results: ResultsShown::Running,
        source: None,
    }
}

/// Seeds the demo consultation under the first national body; returns its id.
pub async fn load(db: &Db) -> anyhow::Result<Option<i64>> {
    let bodies = crate::registry::store::bodies(db, false).await?;
    let Some(body) = bodies.iter().find(|b| b.region_code.is_none() && b.parent_id.is_none()) else { return Ok(None) };
    let at = crate::platform::db::now();
    let statements: Vec<ImportedStatement> = STATEMENTS
        .iter()
        .enumerate()
        .map(|(j, (lang, kk, ru, _))| ImportedStatement {
            external_id: j.to_string(),
            text: (if *lang == "kk" { kk } else { ru }).to_string(),
            lang: (*lang).to_owned(),
            author: None,
            status: Status::Published,
            is_meta: false,
            created_at: at.clone(),
        })
        .collect();
    let synth = Synth::new(SynthOptions {
        participants: PARTICIPANTS,
        statements: STATEMENTS.len(),
        votes_per_participant: 9.0,
        consistency: 0.85,
        shared: 0.25,
        seed: 2026,
        ..SynthOptions::default()
    });
    let log = synth.log();
    let start = super::votes::now_ms() - 3_600_000;
    let votes: Vec<ImportedVote> = (0..log.participant.len())
        .map(|k| ImportedVote {
            voter: format!("demo-{}", log.participant[k]),
            statement: log.statement[k].to_string(),
            value: i64::from(log.value[k]),
            at: start + k as i64 * 1000,
        })
        .collect();
    let id = store::import(db, &input(body.id), &statements, &votes).await?;
    for (n, (participant, ..)) in store::participants(db, id).await?.into_iter().enumerate() {
        if n % 4 == 3 {
            continue;
        }
        let answers = Answers {
            region_code: Some(REGIONS[n % REGIONS.len()].to_owned()),
            ethnic_group: None,
            language: Some(LANGUAGES[n % LANGUAGES.len()].to_owned()),
        };
        store::set_answers(db, participant, &answers).await?;
    }
    for (statement, (lang, kk, ru, en)) in store::statements(db, id, None).await?.iter().zip(STATEMENTS) {
        for (other, text) in [("kk", kk), ("ru", ru), ("en", en)] {
            if other != lang {
                store::translate(db, None, statement, other, text).await?;
            }
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    super::analysis::Analyst::new(cores).refresh(db, id).await?;
    Ok(Some(id))
}
