//! Fictional demo meetings, clearly labelled as such: the XXXII session of the Assembly of 27 April 2023 with an
//! invented agenda, attendance, votes and decisions, two past meetings of the Council, and an upcoming regional
//! session. The date and number of the
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

const DEMO: &str = "(демо) ";

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
    if let Some(council) = bodies.iter().find(|b| b.kind == crate::registry::model::BodyKind::Council) {
        council_meetings(db, council.id).await?;
    }
    if let Some(region) = bodies.iter().find(|b| b.kind == crate::registry::model::BodyKind::RegionalAssembly) {
        upcoming_regional(db, region.id).await?;
    }
    Ok(true)
}

/// A past meeting of the demo, held in full: agenda published, four in five members present, each motion voted by
/// roll call and closed, a show of hands, the meeting closed.
struct Past {
    input: MeetingInput,
    items: Vec<Multilingual>,
    motions: Vec<Multilingual>,
    hands: Multilingual,
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
    let items = vec![
        ml("Жалпыұлттық бірлік туралы баяндама", "Доклад о единстве нации", "Report on national unity"),
        ml("Мемлекеттік тілді қолдау жоспары", "План поддержки государственного языка", "Plan for the state language"),
        ml(
            "Жастар саясатындағы этносаралық келісім",
            "Межэтническое согласие в молодёжной политике",
            "Interethnic harmony in youth policy",
        ),
    ];
    let motions = vec![
        ml(
            "Бірлік туралы баяндаманы мақұлдау (демо)",
            "Одобрить доклад о единстве (демо)",
            "Approve the report on unity (demo)",
        ),
        ml("Тіл жоспарын бекіту (демо)", "Утвердить языковой план (демо)", "Adopt the language plan (demo)"),
    ];
    let hands = ml(
        "Келесі сессияның күнін белгілеу (демо)",
        "Назначить дату следующей сессии (демо)",
        "Set the date of the next session (demo)",
    );
    hold(db, body, Past { input, items, motions, hands }).await
}

/// Two past meetings of the Council of the Assembly (demo), which needs two thirds of its members present.
async fn council_meetings(db: &Db, body: i64) -> anyhow::Result<()> {
    let meetings = [
        (
            "2024-10-17T05:00:00Z",
            "2024-10-17T07:00:00Z",
            ml(
                "Ассамблея Кеңесінің отырысы: өңірлердегі қоғамдық келісім (демо)",
                "Заседание Совета Ассамблеи: общественное согласие в регионах (демо)",
                "Meeting of the Council of the Assembly: public consent in the regions (demo)",
            ),
            ml(
                "Өңірлік келісім кеңестерінің есебін мақұлдау (демо)",
                "Одобрить отчёт советов общественного согласия (демо)",
                "Approve the report of the public consent councils (demo)",
            ),
        ),
        (
            "2025-05-22T05:00:00Z",
            "2025-05-22T07:00:00Z",
            ml(
                "Ассамблея Кеңесінің отырысы: этномедиация (демо)",
                "Заседание Совета Ассамблеи: этномедиация (демо)",
                "Meeting of the Council of the Assembly: ethnomediation (demo)",
            ),
            ml(
                "Этномедиаторларды оқыту бағдарламасын бекіту (демо)",
                "Утвердить программу обучения этномедиаторов (демо)",
                "Adopt the training programme for ethnomediators (demo)",
            ),
        ),
    ];
    for (starts, ends, title, motion) in meetings {
        let input = MeetingInput {
            body_id: body,
            kind: Kind::CouncilMeeting,
            number: None,
            title,
            description: ml("Демо мазмұн.", "Демо-содержание.", "Demo content."),
            starts_at: starts.to_owned(),
            ends_at: ends.to_owned(),
            place: Some("Астана".to_owned()),
            online_url: None,
        };
        let items = vec![motion.clone()];
        let hands = ml(
            "Келесі отырыстың күн тәртібін бекіту (демо)",
            "Утвердить повестку следующего заседания (демо)",
            "Adopt the agenda of the next meeting (demo)",
        );
        hold(db, body, Past { input, items, motions: vec![motion], hands }).await?;
    }
    Ok(())
}

async fn hold(db: &Db, body: i64, past: Past) -> anyhow::Result<()> {
    let id = store::create_meeting(db, None, &past.input, true).await?;
    let mut meeting = store::meeting(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo meeting vanished"))?;
    for title in past.items {
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
    let body_kind = registry::body(db, body).await?.map(|b| b.kind);
    let rules = match store::rules(db, body).await? {
        Some(rules) => rules,
        None => Rules::default_for(body_kind.unwrap_or(crate::registry::model::BodyKind::NationalSession)),
    };
    let members_n = i64::try_from(members.len())?;
    let present_n = i64::try_from(present.len())?;
    for (n, text) in past.motions.into_iter().enumerate() {
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
    let count = Count { votes_for: present_n, against: 0, abstentions: 0 };
    let hands = MotionInput { text: past.hands, agenda_item_id: None, show_of_hands: Some(count) };
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
