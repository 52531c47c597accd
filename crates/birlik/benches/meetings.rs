//! Meetings at scale, on SQLite: `cargo bench -p birlik --bench meetings`.
//!
//! Ten years of meetings of every demo body (five a year per body: about 5,000 meetings, the demo having about 100
//! bodies), each with ten agenda items and four recorded votes of its ten seated members (about 50,000 agenda
//! items and 200,000 votes), inserted by multi-row inserts. Then, in process with the page cache off (uncached),
//! each 200 times after 20 to warm up: one body's meetings page, one meeting's page, and the iCalendar feeds of
//! all meetings (from a year ago on) and of one body (all of its meetings).
//!
//! Target: each under 10 ms median server time.
//!
//! Then a session of 700 more members (seated in the national session's body, each with a login and a session):
//! over HTTP each checks in and votes on one open motion — first all in the same instant (the worst case), then in
//! a second session arriving evenly over 50 seconds (the target: "within 60 seconds"); the time until every vote
//! is in, each request's latency, the errors, and whether the count is exact. Target: within 60 s, no error, p99 <
//! 100 ms.

use std::time::Instant;

mod common;
use common::percentile;

const YEARS: i64 = 10;
const PER_YEAR: i64 = 5;
const ITEMS: i64 = 10;
const MOTIONS: i64 = 4;
const VOTERS: i64 = 10;
const ROWS: usize = 1_000;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, _) = common::demo_database().await?;
    let birlik::platform::db::Db::Sqlite { write, .. } = &db else { anyhow::bail!("SQLite") };
    let bodies: Vec<i64> = birlik::registry::store::bodies(&db, false).await?.iter().map(|b| b.id).collect();
    let persons: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM persons ORDER BY id LIMIT $1").bind(VOTERS).fetch_all(write).await?;
    let started = Instant::now();
    let (meetings, items, votes) = generate(write, &bodies, &persons).await?;
    println!(
        "stored {meetings} meetings, {items} agenda items, {votes} recorded votes of {} bodies in {:.1?}",
        bodies.len(),
        started.elapsed()
    );

    let settings = birlik::platform::Settings { data_dir: dir.path().into(), page_cache: false, ..Default::default() };
    let state = birlik::app::state(db.clone(), settings, true)?;
    let router = birlik::app::router(state.clone());
    let body = bodies.get(bodies.len() / 2).copied().unwrap_or(1);
    let meeting: i64 =
        sqlx::query_scalar("SELECT MAX(id) FROM meetings WHERE body_id = $1").bind(body).fetch_one(write).await?;
    for path in [
        format!("/kk/meetings?body={body}"),
        format!("/kk/meetings/{meeting}"),
        format!("/api/v1/bodies/{body}/calendar.ics"),
        "/api/v1/calendar.ics".to_owned(),
    ] {
        let (times, bytes) = common::request_times(&router, &path, 20, 200).await?;
        println!(
            "{path}: median {:.2?}, p99 {:.2?} ({} KB)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            bytes / 1024
        );
    }
    session(&db, &state, write).await
}

const MEMBERS: i64 = 700;

/// 700 members check in and vote over HTTP: all at once, then spread over the minute.
async fn session(
    db: &birlik::platform::db::Db,
    state: &birlik::app::AppState,
    write: &sqlx::SqlitePool,
) -> anyhow::Result<()> {
    use birlik::meetings::store;
    let body: i64 =
        sqlx::query_scalar("SELECT id FROM bodies WHERE kind = 'national_session'").fetch_one(write).await?;
    let at = birlik::platform::db::now();
    let mut users = Vec::new();
    for n in 0..MEMBERS {
        let person: i64 =
            sqlx::query_scalar("INSERT INTO persons (full_name, created_at) VALUES ($1, $2) RETURNING id")
                .bind(format!("Мүше {n}"))
                .bind(&at)
                .fetch_one(write)
                .await?;
        sqlx::query(
            "INSERT INTO memberships (body_id, person_id, position, term_start, created_at, updated_at)
             VALUES ($1, $2, 'member', '2023-01-01', $3, $3)",
        )
        .bind(body)
        .bind(person)
        .bind(&at)
        .execute(write)
        .await?;
        let email = format!("member{n}@session.kz");
        let user: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, email_normalized, display_name, password_hash, created_at, person_id)
             VALUES ($1, $1, $2, '-', $3, $4) RETURNING id",
        )
        .bind(&email)
        .bind(format!("Мүше {n}"))
        .bind(&at)
        .bind(person)
        .fetch_one(write)
        .await?;
        let cookie = birlik::platform::identity::session::start(&state.platform, user).await?;
        users.push(cookie.split(';').next().unwrap_or_default().to_owned());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let app = birlik::app::router(state.clone()).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    // The worst case: all 700 arrive in the same instant. Then as the target reads: 700 members check in and vote
    // within a minute, arriving evenly over 50 seconds.
    for (number, window) in [(33, std::time::Duration::ZERO), (34, std::time::Duration::from_secs(50))] {
        let (id, motion) = open_session(db, body, number).await?;
        let (took, mut times, errors) = check_in_and_vote(address, &users, id, motion, window).await?;
        times.sort();
        let votes = store::votes(db, motion).await?.len();
        println!(
            "{MEMBERS} members checked in and voted over HTTP, arriving over {window:?}, in {took:.2?}: {} requests, median {:.1?}, p99 {:.1?}, worst {:.1?}, {errors} errors; {votes} votes counted",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or_default()
        );
    }
    Ok(())
}

/// A session of `body` in progress with one open motion: (meeting, motion).
async fn open_session(db: &birlik::platform::db::Db, body: i64, number: i64) -> anyhow::Result<(i64, i64)> {
    use birlik::meetings::{input, model, store};
    let starts = time::OffsetDateTime::now_utc();
    let meeting = input::MeetingInput {
        body_id: body,
        kind: model::Kind::Session,
        number: Some(number),
        title: model::Multilingual { kk: Some("Бенчмарк сессиясы".into()), ..Default::default() },
        description: model::Multilingual::default(),
        starts_at: input::stored(starts),
        ends_at: input::stored(starts + time::Duration::hours(2)),
        place: None,
        online_url: None,
    };
    let id = store::create_meeting(db, None, &meeting, false).await?;
    let mut m = store::meeting(db, id).await?.ok_or_else(|| anyhow::anyhow!("no meeting"))?;
    for step in [model::MeetingStatus::Convened, model::MeetingStatus::InProgress] {
        store::set_status(db, None, &m, step, None).await?;
        m.status = step;
    }
    let rules = birlik::meetings::changes::rules_of(db, body).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let motion = input::MotionInput {
        text: model::Multilingual { kk: Some("Бенчмарк шешімі".into()), ..Default::default() },
        agenda_item_id: None,
        show_of_hands: None,
    };
    let motion =
        store::open_motion(db, None, &m, &motion, &rules).await?.ok_or_else(|| anyhow::anyhow!("not opened"))?;
    Ok((id, motion))
}

/// Each member checks in and votes, the n-th starting at n/700 of `window`: (time taken, latencies, errors).
async fn check_in_and_vote(
    address: std::net::SocketAddr,
    users: &[String],
    id: i64,
    motion: i64,
    window: std::time::Duration,
) -> anyhow::Result<(std::time::Duration, Vec<std::time::Duration>, i64)> {
    let client = reqwest::Client::new();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, cookie) in users.iter().enumerate() {
        let (client, cookie) = (client.clone(), cookie.clone());
        let delay = window.mul_f64(n as f64 / users.len() as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let mut times = Vec::new();
            let mut errors = 0;
            for (path, body) in [
                (format!("/api/v1/meetings/{id}/check-in"), serde_json::json!({})),
                (format!("/api/v1/motions/{motion}/votes"), serde_json::json!({ "choice": "for" })),
            ] {
                let t = Instant::now();
                let sent =
                    client.post(format!("http://{address}{path}")).header("cookie", &cookie).json(&body).send().await;
                times.push(t.elapsed());
                if !sent.is_ok_and(|r| r.status().is_success()) {
                    errors += 1;
                }
            }
            (times, errors)
        }));
    }
    let (mut times, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (t, e) = task.await?;
        times.extend(t);
        errors += e;
    }
    Ok((started.elapsed(), times, errors))
}

/// The meetings, agenda items, closed motions and votes, in one transaction of multi-row inserts.
async fn generate(write: &sqlx::SqlitePool, bodies: &[i64], persons: &[i64]) -> anyhow::Result<(i64, i64, i64)> {
    let mut tx = write.begin().await?;
    let first: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM meetings").fetch_one(&mut *tx).await?;
    let mut meetings = Vec::new();
    for (b, body) in bodies.iter().enumerate() {
        for k in 0..YEARS * PER_YEAR {
            let year = 2017 + k / PER_YEAR;
            let month = 1 + (k % PER_YEAR) * 2 + (b as i64 % 2);
            let starts = format!("{year}-{month:02}-15T05:00:00Z");
            let ends = format!("{year}-{month:02}-15T09:00:00Z");
            meetings.push((first + meetings.len() as i64, *body, k + 1, starts, ends));
        }
    }
    for chunk in meetings.chunks(ROWS) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO meetings (id, body_id, kind, number, title_kk, title_ru, starts_at, ends_at, place, status,
             agenda_published_at, demo, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut r, (id, body, n, starts, ends)| {
            r.push_bind(id)
                .push_bind(body)
                .push_bind("session")
                .push_bind(n)
                .push_bind(format!("Сессия {n}"))
                .push_bind(format!("Сессия {n}"))
                .push_bind(starts)
                .push_bind(ends)
                .push_bind("Достық үйі")
                .push_bind("closed")
                .push_bind(starts)
                .push_bind(true)
                .push_bind(starts)
                .push_bind(ends);
        });
        q.build().execute(&mut *tx).await?;
    }
    let item_rows: Vec<(i64, i64, &str)> =
        meetings.iter().flat_map(|(id, _, _, starts, _)| (1..=ITEMS).map(move |p| (*id, p, starts.as_str()))).collect();
    for chunk in item_rows.chunks(ROWS) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO agenda_items (meeting_id, position, title_kk, presenter, created_at) ",
        );
        q.push_values(chunk, |mut r, (meeting, p, at)| {
            r.push_bind(meeting)
                .push_bind(p)
                .push_bind(format!("Күн тәртібінің {p}-мәселесі"))
                .push_bind("Баяндамашы")
                .push_bind(*at);
        });
        q.build().execute(&mut *tx).await?;
    }
    let first_motion: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM motions").fetch_one(&mut *tx).await?;
    let motions: Vec<(i64, i64, &str)> = meetings
        .iter()
        .flat_map(|(id, _, _, starts, _)| (0..MOTIONS).map(move |m| (*id, m, starts.as_str())))
        .enumerate()
        .map(|(i, (meeting, _, at))| (first_motion + i as i64, meeting, at))
        .collect();
    for chunk in motions.chunks(ROWS) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO motions (id, meeting_id, text_kk, method, status, quorum, majority_of, majority, members, present,
             votes_for, votes_against, abstentions, outcome, opened_at, closed_at) ",
        );
        q.push_values(chunk, |mut r, (id, meeting, at)| {
            r.push_bind(id)
                .push_bind(meeting)
                .push_bind("Шешімді қабылдау")
                .push_bind("roll_call")
                .push_bind("closed")
                .push_bind("more_than_half")
                .push_bind("present")
                .push_bind("simple")
                .push_bind(VOTERS)
                .push_bind(VOTERS)
                .push_bind(VOTERS - 3)
                .push_bind(2)
                .push_bind(1)
                .push_bind("adopted")
                .push_bind(*at)
                .push_bind(*at);
        });
        q.build().execute(&mut *tx).await?;
    }
    let votes: Vec<(i64, i64, &str, &str)> = motions
        .iter()
        .flat_map(|(motion, _, at)| {
            persons.iter().enumerate().map(move |(k, person)| {
                let choice = match k {
                    0 | 1 => "against",
                    2 => "abstain",
                    _ => "for",
                };
                (*motion, *person, choice, *at)
            })
        })
        .collect();
    for chunk in votes.chunks(ROWS) {
        let mut q = sqlx::QueryBuilder::new("INSERT INTO motion_votes (motion_id, person_id, choice, at) ");
        q.push_values(chunk, |mut r, (motion, person, choice, at)| {
            r.push_bind(motion).push_bind(person).push_bind(*choice).push_bind(*at);
        });
        q.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok((meetings.len() as i64, item_rows.len() as i64, votes.len() as i64))
}
