//! Fictional demo meetings, clearly labelled as such: the XXXII session of the Assembly of 27 April 2023 with an
//! invented agenda, attendance, votes and decisions, and an upcoming regional session. The date and number of the
//! XXXII session are real; everything recorded at it here is made up.

use super::input::{AgendaItemInput, MeetingInput, MotionInput, stored};
use super::members::seated;
use super::model::{Count, Kind, MeetingStatus, Multilingual, Rules, outcome};
use super::store::{self, Tally};
use crate::platform::db::Db;
use crate::registry::store as registry;

fn ml(kk: &str, ru: &str, en: &str) -> Multilingual {
    Multilingual { kk: Some(kk.to_owned()), ru: Some(ru.to_owned()), en: Some(en.to_owned()) }
}

const DEMO: &str = "Демо · Демо · Demo: ";

/// Adds the demo meetings when there are none yet; `false` when they were there (or no demo bodies exist).
pub async fn load(db: &Db) -> anyhow::Result<bool> {
    if store::meetings(db, None, None, None).await?.iter().any(|m| m.demo) {
        return Ok(false);
    }
    let bodies = registry::bodies(db, false).await?;
    let Some(session) = bodies.iter().find(|b| b.kind == crate::registry::model::BodyKind::NationalSession) else {
        return Ok(false);
    };
    xxxii_session(db, session.id).await?;
    if let Some(region) = bodies.iter().find(|b| b.kind == crate::registry::model::BodyKind::RegionalAssembly) {
        upcoming_regional(db, region.id).await?;
    }
    Ok(true)
}

async fn xxxii_session(db: &Db, body: i64) -> anyhow::Result<()> {
    let input = MeetingInput {
        body_id: body,
        kind: Kind::Session,
        number: Some(32),
        title: ml(
            "«Әділетті Қазақстан: бірлік, тұрақтылық, даму» (демо)",
            "«Справедливый Казахстан: единство, стабильность, развитие» (демо)",
            "“A Just Kazakhstan: unity, stability, development” (demo)",
        ),
        description: ml(
            "Демо мазмұн: күн тәртібі, дауыс беру мен шешімдер ойдан шығарылған.",
            "Демо-содержание: повестка, голосования и решения вымышлены.",
            "Demo content: the agenda, votes and decisions are fictional.",
        ),
        starts_at: "2023-04-27T05:00:00Z".to_owned(),
        ends_at: "2023-04-27T08:00:00Z".to_owned(),
        place: Some("Астана, Бейбітшілік және келісім сарайы".to_owned()),
        online_url: None,
    };
    let id = store::create_meeting(db, None, &input, true).await?;
    let mut meeting = store::meeting(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo meeting vanished"))?;
    let items = [
        ml("Жалпыұлттық бірлік туралы баяндама", "Доклад о единстве нации", "Report on national unity"),
        ml("Мемлекеттік тілді қолдау жоспары", "План поддержки государственного языка", "Plan for the state language"),
        ml(
            "Жастар саясатындағы этносаралық келісім",
            "Межэтнический согласие в молодёжной политике",
            "Interethnic harmony in youth policy",
        ),
    ];
    for title in items {
        let item =
            AgendaItemInput {
                title, presenter: Some(format!("{DEMO}Ассамблея хатшылығы")), consultation_id: None
            };
        store::add_agenda_item(db, None, &meeting, &item).await?;
    }
    store::publish_agenda(db, None, &meeting).await?;
    let members: Vec<i64> = {
        let mut m: Vec<i64> = seated(db, body).await?.into_keys().collect();
        m.sort_unstable();
        m
    };
    // Four in five are present; of them, most vote for.
    let present: Vec<i64> = members.iter().copied().filter(|p| p % 5 != 0).collect();
    for step in [MeetingStatus::Convened, MeetingStatus::InProgress] {
        store::set_status(db, None, &meeting, step, None).await?;
        meeting.status = step;
    }
    for person in &present {
        store::set_attendance(db, None, id, *person, true, false).await?;
    }
    let rules = Rules::default_for(crate::registry::model::BodyKind::NationalSession);
    let members_n = i64::try_from(members.len())?;
    let present_n = i64::try_from(present.len())?;
    let motions = [
        ml(
            "Бірлік туралы баяндаманы мақұлдау (демо)",
            "Одобрить доклад о единстве (демо)",
            "Approve the report on unity (demo)",
        ),
        ml("Тіл жоспарын бекіту (демо)", "Утвердить языковой план (демо)", "Adopt the language plan (demo)"),
    ];
    for (n, text) in motions.into_iter().enumerate() {
        let motion = MotionInput { text, agenda_item_id: None, show_of_hands: None };
        let Some(motion_id) = store::open_motion(db, None, &meeting, &motion, &rules).await? else { continue };
        for (i, person) in present.iter().enumerate() {
            let choice = match (i + n) % 10 {
                0 => super::model::Choice::Against,
                1 => super::model::Choice::Abstain,
                _ => super::model::Choice::For,
            };
            store::cast_vote(db, None, motion_id, *person, choice).await?;
        }
        let opened = store::motion(db, motion_id).await?.ok_or_else(|| anyhow::anyhow!("demo motion vanished"))?;
        let decide = move |count: Count| Tally {
            members: members_n,
            present: present_n,
            count,
            outcome: outcome(&rules, members_n, present_n, &count),
        };
        store::close_motion(db, None, &meeting, &opened, decide).await?;
    }
    let hands = MotionInput {
        text: ml(
            "Келесі сессияның күнін белгілеу (демо)",
            "Назначить дату следующей сессии (демо)",
            "Set the date of the next session (demo)",
        ),
        agenda_item_id: None,
        show_of_hands: Some(Count { votes_for: present_n, against: 0, abstentions: 0 }),
    };
    let count = Count { votes_for: present_n, against: 0, abstentions: 0 };
    let tally =
        Tally { members: members_n, present: present_n, count, outcome: outcome(&rules, members_n, present_n, &count) };
    store::record_show_of_hands(db, None, &meeting, &hands, &rules, &tally).await?;
    store::set_status(db, None, &meeting, MeetingStatus::Closed, None).await?;
    Ok(())
}

async fn upcoming_regional(db: &Db, body: i64) -> anyhow::Result<()> {
    let starts = time::OffsetDateTime::now_utc() + time::Duration::days(21);
    let input = MeetingInput {
        body_id: body,
        kind: Kind::Session,
        number: Some(14),
        title: ml("Өңірлік сессия (демо)", "Региональная сессия (демо)", "Regional session (demo)"),
        description: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
        starts_at: stored(starts),
        ends_at: stored(starts + time::Duration::hours(3)),
        place: Some(format!("{DEMO}Достық үйі")),
        online_url: None,
    };
    let id = store::create_meeting(db, None, &input, true).await?;
    let meeting = store::meeting(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo meeting vanished"))?;
    let item = AgendaItemInput {
        title: ml(
            "Өңірдегі қоғамдық келісім (демо)",
            "Общественное согласие в регионе (демо)",
            "Public consent in the region (demo)",
        ),
        presenter: None,
        consultation_id: None,
    };
    store::add_agenda_item(db, None, &meeting, &item).await?;
    Ok(())
}
