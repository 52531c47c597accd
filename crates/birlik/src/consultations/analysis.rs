//! The analysis in the background. Votes are stored first and mark their consultation stale; one task refreshes
//! stale consultations, one after another, after a short pause that gathers a burst of votes (debounce). Each
//! refresh reads only the votes logged since the last one and warm-starts the engine from its previous state, so
//! voting never waits for the analysis and a large consultation is not read whole every time.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use consensus::data::{Attribute, Statement as EngineStatement, VoteLog};
use consensus::pipeline::{AnalysisOptions, Solver, analyze_update};
use consensus::polis::PolisState;
use consensus::svg::{GroupPlace, SvgOptions, opinion_map, places};
use consensus::unity::Privacy;
use consensus::{Conversation, report::Report};
use tokio::sync::{Notify, watch};

use super::model::Status;
use super::store::{self, StoredAnalysis};
use crate::platform::db::{Db, now};

/// How long a refresh waits after the first new vote, so that a burst is analysed once.
const DEBOUNCE: Duration = Duration::from_millis(500);
/// How long the warm state of a quiet consultation is kept.
const IDLE: Duration = Duration::from_secs(3600);
/// Votes read from the log per query.
const CHUNK: i64 = 200_000;

/// The k of k-anonymity for declared groups (region, ethnic group, language) in the unity table.
pub const K_ANONYMITY: usize = 10;
/// ε per answer spent by one unity table (see `consensus::unity`): one table changes the odds on any one answer of
/// any one person by at most e^0.5 ≈ 1.65, whatever an attacker knows or controls of the others.
pub const UNITY_EPSILON: f64 = 0.5;
/// Unity tables a consultation publishes at most: the privacy budget of a whole consultation is
/// `UNITY_TABLES × UNITY_EPSILON` = 2 per answer (odds moved by at most e² ≈ 7.4, over every table together).
pub const UNITY_TABLES: u32 = 4;

/// What a consultation's last refresh left: the votes read so far and the engine's state.
#[derive(Default)]
struct Warm {
    last_vote_id: i64,
    votes: i64,
    log: VoteLog,
    participant_index: HashMap<i64, u32>,
    participant_ids: Vec<i64>,
    statement_index: HashMap<i64, u32>,
    statement_ids: Vec<i64>,
    state: PolisState,
    /// The unity table last published, and the declared groups' participants who acted since (see [`Unity`]).
    unity: Unity,
    used: Option<std::time::Instant>,
}

/// The unity table is published again only when, in every declared group it lists, either nobody or at least k
/// participants have voted or changed their answers since the table was made: then no difference between two
/// tables isolates fewer than k people, and no one's declared ethnic group or votes can be read from it.
#[derive(Default)]
struct Unity {
    table: Option<Vec<consensus::unity::AttributeUnity>>,
    /// Tables published so far (each spends `UNITY_EPSILON` of the budget).
    tables: u32,
    /// (attribute index, value) → participants of a listed group who acted since the table was made.
    actors: HashMap<(usize, String), HashSet<i64>>,
    /// Each participant's declared (region, ethnic group, language) as last seen.
    declared: HashMap<i64, [Option<String>; 3]>,
    /// Someone voted or changed his answers since the table was made: without that a new table would tell
    /// nothing new and only spend the budget.
    acted: bool,
}

impl Unity {
    /// Notes who acted: participants with new votes, and participants whose answers changed, counted in the groups
    /// the published table lists. A group not listed yet appears with at least k participants at once, which
    /// singles nobody out, so its members' actions do not hold the table back.
    fn note(&mut self, rows: &[store::ParticipantRow], voted: &HashSet<i64>) {
        const ATTRIBUTES: [&str; 3] = ["region", "ethnic_group", "language"];
        let listed: HashSet<(usize, &str)> = self
            .table
            .iter()
            .flatten()
            .flat_map(|u| {
                let attribute = ATTRIBUTES.iter().position(|a| *a == u.attribute).unwrap_or(usize::MAX);
                u.groups.iter().map(move |(value, _)| (attribute, value.as_str()))
            })
            .collect();
        for (id, region, group, language) in rows {
            let now = [region.clone(), group.clone(), language.clone()];
            let before = self.declared.insert(*id, now.clone()).unwrap_or_default();
            if before == now && !voted.contains(id) {
                continue;
            }
            self.acted = true;
            for (i, value) in before.iter().chain(&now).enumerate() {
                let Some(value) = value else { continue };
                if listed.contains(&(i % 3, value.as_str())) {
                    self.actors.entry((i % 3, value.clone())).or_default().insert(*id);
                }
            }
        }
    }

    /// Takes up a table published before this process knew the consultation, with everyone's answers as they are.
    fn resume(&mut self, table: Vec<consensus::unity::AttributeUnity>, tables: u32, rows: &[store::ParticipantRow]) {
        // A table stored before tables carried noise (tables = 0) is exact: it is replaced at once.
        if tables > 0 {
            self.table = Some(table);
            self.tables = tables;
        }
        for (id, region, group, language) in rows {
            self.declared.insert(*id, [region.clone(), group.clone(), language.clone()]);
        }
    }

    /// The budget holds another table, and nobody would be singled out by its difference with the last one.
    fn may_publish(&self) -> bool {
        self.tables < UNITY_TABLES
            && (self.table.is_none()
                || (self.acted && self.actors.values().all(|a| a.is_empty() || a.len() >= K_ANONYMITY)))
    }
}

/// The consultations waiting for a refresh, and how many times any were touched (for [`Analyst::settled`]).
#[derive(Default)]
struct Stale {
    ids: HashSet<i64>,
    touches: u64,
}

impl Warm {
    fn participant(&mut self, id: i64) -> u32 {
        let next = self.participant_ids.len() as u32;
        *self.participant_index.entry(id).or_insert_with(|| {
            self.participant_ids.push(id);
            next
        })
    }

    fn statement(&mut self, id: i64) -> u32 {
        let next = self.statement_ids.len() as u32;
        *self.statement_index.entry(id).or_insert_with(|| {
            self.statement_ids.push(id);
            next
        })
    }
}

/// The background analyst: which consultations are stale, the warm state of each, and the threads it computes on.
pub struct Analyst {
    stale: Mutex<Stale>,
    wake: Notify,
    /// Skips the debounce (and the pause under load) of the next round: [`Analyst::settled`] wants it now.
    hurry: Notify,
    /// The touch count of the last round after which nothing was left stale (see [`Analyst::settled`]).
    settled: watch::Sender<u64>,
    warm: tokio::sync::Mutex<HashMap<i64, Warm>>,
    threads: Arc<rayon::ThreadPool>,
}

impl Analyst {
    /// An analyst computing on `threads` threads of its own.
    pub fn new(threads: usize) -> Analyst {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .thread_name(|i| format!("birlik-analysis-{i}"))
            .build()
            .expect("threads for the analysis start");
        Analyst {
            stale: Mutex::default(),
            wake: Notify::new(),
            hurry: Notify::new(),
            settled: watch::channel(0).0,
            warm: Default::default(),
            threads: Arc::new(pool),
        }
    }

    /// Starts the background task; consultations with votes newer than their analysis are refreshed first. It
    /// computes on half the cores (at least one is left to requests), and under sustained load pauses between
    /// rounds as long as the last round took, so that the analysis takes at most about half of its threads' time;
    /// after a quiet spell a burst is analysed `DEBOUNCE` after its first vote.
    pub fn start(db: Db) -> Arc<Analyst> {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let analyst = Arc::new(Analyst::new(cores / 2));
        let worker = analyst.clone();
        tokio::spawn(async move {
            match store::stale(&db).await {
                Ok(ids) => worker.touch(ids),
                Err(e) => tracing::error!(error = %e, "stale consultations not found"),
            }
            // The next round starts no sooner than the last one took after its end, and never before a burst's
            // first vote is DEBOUNCE old.
            let mut next_round = tokio::time::Instant::now();
            loop {
                worker.wake.notified().await;
                tokio::select! {
                    () = tokio::time::sleep_until(next_round.max(tokio::time::Instant::now() + DEBOUNCE)) => {}
                    () = worker.hurry.notified() => {}
                }
                let started = tokio::time::Instant::now();
                let (ids, touches) = worker
                    .stale
                    .lock()
                    .map(|mut s| (s.ids.drain().collect::<Vec<i64>>(), s.touches))
                    .unwrap_or_default();
                let mut failed = false;
                for id in ids {
                    if let Err(e) = worker.refresh(&db, id).await {
                        tracing::error!(consultation = id, error = %e, "analysis not refreshed; tried again later");
                        worker.touch([id]);
                        failed = true;
                    }
                }
                // Settled only when nothing this round took is left stale: a failed refresh keeps waiters back.
                if !failed {
                    worker.settled.send_if_modified(|done| {
                        let later = touches > *done;
                        *done = (*done).max(touches);
                        later
                    });
                }
                next_round = tokio::time::Instant::now() + started.elapsed();
            }
        });
        analyst
    }

    /// Marks consultations stale (after their votes are stored).
    pub fn touch(&self, ids: impl IntoIterator<Item = i64>) {
        self.touch_counted(ids);
    }

    /// [`Analyst::touch`], returning the touch count it reached.
    fn touch_counted(&self, ids: impl IntoIterator<Item = i64>) -> u64 {
        let touches = match self.stale.lock() {
            Ok(mut stale) => {
                stale.ids.extend(ids);
                stale.touches += 1;
                stale.touches
            }
            Err(_) => u64::MAX,
        };
        self.wake.notify_one();
        touches
    }

    /// Waits until every consultation touched so far, and every one whose stored analysis is behind its votes or
    /// moderations in `db`, has been refreshed (for tests, instead of polling; a refresh asked for here skips the
    /// debounce). Events are applied by the change worker first: a moderation reaches the analyst through it.
    /// Fails after 30 s, e.g. while a refresh keeps failing. Only an analyst that runs ([`Analyst::start`]) settles.
    pub async fn settled(&self, db: &Db) -> anyhow::Result<()> {
        let target = self.touch_counted(store::stale(db).await?);
        self.hurry.notify_one();
        let mut settled = self.settled.subscribe();
        tokio::time::timeout(Duration::from_secs(30), settled.wait_for(|done| *done >= target)).await??;
        Ok(())
    }

    /// Refreshes one consultation's analysis now, warm when a previous refresh left its state.
    pub async fn refresh(&self, db: &Db, id: i64) -> anyhow::Result<()> {
        let mut warm_all = self.warm.lock().await;
        let mut warm = warm_all.remove(&id).unwrap_or_default();
        let result = refresh(db, id, &mut warm, &self.threads).await;
        if result.is_ok() {
            warm.used = Some(std::time::Instant::now());
            warm_all.insert(id, warm);
        }
        // A consultation nobody has voted on for an hour gives its memory back; its next refresh starts cold.
        warm_all.retain(|_, w| w.used.is_some_and(|u| u.elapsed() < IDLE));
        result
    }
}

/// Reads what is new, analyses, stores. A statement moderated out keeps its votes but leaves the analysis.
async fn refresh(db: &Db, id: i64, warm: &mut Warm, threads: &Arc<rayon::ThreadPool>) -> anyhow::Result<()> {
    // A cold start (a restart, or state given back after an hour) resumes from the stored unity table: only
    // participants who voted since it was made count as having acted.
    let resumed = if warm.votes == 0 { store::analysis(db, id).await? } else { None };
    let since = resumed.as_ref().map_or(0, |a| a.last_vote_id);
    let mut voted = HashSet::new();
    loop {
        let votes = store::votes_after(db, id, warm.last_vote_id, CHUNK).await?;
        let Some(last) = votes.last() else { break };
        warm.last_vote_id = last.0;
        for &(vote, participant, statement, value, at) in &votes {
            if vote > since {
                voted.insert(participant);
            }
            let (p, s) = (warm.participant(participant), warm.statement(statement));
            warm.log.participant.push(p);
            warm.log.statement.push(s);
            warm.log.value.push(value as i8);
            warm.log.time.get_or_insert_with(Vec::new).push(at as u64);
        }
        warm.votes += votes.len() as i64;
        if (votes.len() as i64) < CHUNK {
            break;
        }
    }
    if warm.votes == 0 {
        return Ok(());
    }
    let statements = store::statements(db, id, None).await?;
    for s in &statements {
        warm.statement(s.id);
    }
    let by_id: HashMap<i64, &super::model::Statement> = statements.iter().map(|s| (s.id, s)).collect();
    let engine_statements: Vec<EngineStatement> = warm
        .statement_ids
        .iter()
        .map(|sid| {
            let s = by_id.get(sid);
            EngineStatement {
                id: sid.to_string(),
                text: String::new(),
                moderated_out: s.is_none_or(|s| s.status != Status::Published),
                is_meta: s.is_some_and(|s| s.is_meta),
            }
        })
        .collect();
    let rows = store::participants(db, id).await?;
    if let Some(stored) = &resumed {
        // After a restart, the groups of the stored analysis are the ones whose letters the next one keeps.
        let groups: Vec<(i64, u32)> = serde_json::from_str(&stored.groups_json)?;
        let mut last = vec![None; warm.participant_ids.len()];
        for (participant, group) in groups {
            if let Some(slot) = warm.participant_index.get(&participant).and_then(|&i| last.get_mut(i as usize)) {
                *slot = Some(group);
            }
        }
        warm.state.last_groups = last;
    }
    if let Some(stored) = resumed {
        let report: StoredReport = serde_json::from_str(&stored.report_json)?;
        warm.unity.resume(report.report.unity, report.unity_tables, &rows);
    }
    warm.unity.note(&rows, &voted);
    let publish_unity = warm.unity.may_publish();
    let attributes = if publish_unity { attributes(&rows, warm) } else { Vec::new() };
    let computed_at = now();
    let mut taken = std::mem::take(warm);
    let conversation = Conversation {
        participants: taken.participant_ids.iter().map(i64::to_string).collect(),
        statements: engine_statements,
        log: std::mem::take(&mut taken.log),
        attributes,
    };
    let threads = threads.clone();
    let (stored, priorities, conversation, taken) = tokio::task::spawn_blocking(move || {
        let (stored, priorities) = threads.install(|| analyse(&conversation, &mut taken, computed_at, publish_unity));
        (stored, priorities, conversation, taken)
    })
    .await?;
    *warm = taken;
    warm.log = conversation.log;
    store::save_analysis(db, id, &stored, &priorities).await?;
    Ok(())
}

/// The declared attributes, participant by participant in the engine's order.
fn attributes(rows: &[store::ParticipantRow], warm: &Warm) -> Vec<Attribute> {
    let mut out = Vec::new();
    for (name, pick) in [
        ("region", (|r: &store::ParticipantRow| r.1.clone()) as fn(&store::ParticipantRow) -> Option<String>),
        ("ethnic_group", |r| r.2.clone()),
        ("language", |r| r.3.clone()),
    ] {
        let mut values: Vec<String> = Vec::new();
        let mut of_participant = vec![None; warm.participant_ids.len()];
        for row in rows {
            let (Some(&p), Some(value)) = (warm.participant_index.get(&row.0), pick(row)) else { continue };
            let v = match values.iter().position(|x| *x == value) {
                Some(v) => v,
                None => {
                    values.push(value);
                    values.len() - 1
                }
            };
            of_participant[p as usize] = Some(v as u32);
        }
        if !values.is_empty() {
            out.push(Attribute { name: name.to_owned(), values, of_participant });
        }
    }
    out
}

fn options() -> AnalysisOptions {
    let mut o = AnalysisOptions { bridging: Some(Solver::Als), ..Default::default() };
    o.unity.k = K_ANONYMITY;
    // A fresh, unpredictable seed per table: the noise of a published table is never drawn twice.
    o.unity.privacy = Some(Privacy { epsilon: UNITY_EPSILON, seed: rand::random() });
    o
}

/// A group's name: its number from 1, which reads the same in the Cyrillic and the Latin script (a Latin "B"
/// reads as "V" to a Cyrillic reader).
pub fn group_name(id: u32) -> String {
    (u64::from(id) + 1).to_string()
}

fn analyse(
    conv: &Conversation,
    warm: &mut Warm,
    computed_at: String,
    publish_unity: bool,
) -> (StoredAnalysis, Vec<(i64, f64)>) {
    let analysis = analyze_update(conv, &options(), &mut warm.state);
    let last = analysis.result.groups.iter().map(|g| g.id).max().unwrap_or(0);
    let names: Vec<String> = (0..=last).map(group_name).collect();
    // The caption and the map in words are written by the results page, in the reader's language.
    let map_options = SvgOptions { caption: false, ..SvgOptions::default() };
    let svg = opinion_map(&analysis.result, "", &names, &map_options);
    let map = places(&analysis.result, &map_options);
    let groups: Vec<(i64, u32)> =
        warm.participant_ids.iter().zip(&analysis.result.group_of).filter_map(|(id, g)| g.map(|g| (*id, g))).collect();
    let priorities =
        analysis.result.statements.iter().map(|s| (warm.statement_ids[s.statement as usize], s.priority)).collect();
    let mut report: Report = analysis.report;
    if publish_unity {
        // A table that lists no group publishes no count, and spends nothing.
        if report.unity.iter().any(|u| !u.groups.is_empty()) {
            warm.unity.tables += 1;
        }
        warm.unity.table = Some(report.unity.clone());
        warm.unity.actors.clear();
        warm.unity.acted = false;
    } else {
        report.unity = warm.unity.table.clone().unwrap_or_default();
    }
    // Per-participant groups go to the export only; the report that pages read stays small.
    report.participants.clear();
    let stored = StoredAnalysis {
        computed_at,
        votes: warm.votes,
        last_vote_id: warm.last_vote_id,
        participants: warm.participant_ids.len() as i64,
        report_json: serde_json::to_string(&StoredReport {
            statement_ids: warm.statement_ids.clone(),
            unity_tables: warm.unity.tables,
            unity_epsilon: UNITY_EPSILON,
            map,
            report,
        })
        .expect("a report serializes"),
        opinion_map_svg: svg,
        groups_json: serde_json::to_string(&groups).expect("pairs serialize"),
    };
    (stored, priorities)
}

/// The report as stored and served: the engine's report, and the statement id of each engine index (the unity
/// table names statements by index).
#[derive(serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct StoredReport {
    /// Statement id of each index used in `report.unity`.
    pub statement_ids: Vec<i64>,
    /// Unity tables published so far, the one in `report.unity` being the last; at most `UNITY_TABLES`.
    #[serde(default)]
    pub unity_tables: u32,
    /// ε per answer spent by each unity table (differential privacy of the per-group counts).
    #[serde(default)]
    pub unity_epsilon: f64,
    /// Where each group lies on the opinion map (for the map's text alternative).
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub map: Vec<GroupPlace>,
    /// The engine's report: groups with representative statements, consensus, group-informed consensus,
    /// bridging, unity (statement ids as strings).
    #[schema(value_type = Object)]
    pub report: Report,
}

#[cfg(test)]
mod tests {
    use consensus::unity::AttributeUnity;

    use super::*;

    fn row(id: i64, region: &str) -> store::ParticipantRow {
        (id, Some(region.to_owned()), None, None)
    }

    #[test]
    fn the_unity_table_waits_for_k_actors_in_each_listed_group() {
        let rows: Vec<store::ParticipantRow> =
            (0..30).map(|i| row(i, if i < 20 { "KZ-75" } else { "KZ-71" })).collect();
        let mut unity = Unity::default();
        assert!(unity.may_publish(), "the first table is made at once");
        let table = AttributeUnity {
            attribute: "region".into(),
            k: 10,
            groups: vec![("KZ-75".into(), 20)],
            statements: vec![],
        };
        unity.resume(vec![table], 1, &rows);
        unity.note(&rows, &HashSet::new());
        assert!(!unity.may_publish(), "nobody acted: a new table would only spend the budget");
        unity.note(&rows, &(20..25).collect());
        assert!(unity.may_publish(), "five members of a group the table does not list hold nothing back");
        unity.note(&rows, &(0..9).collect());
        assert!(!unity.may_publish(), "nine of Almaty acted: the difference would show them");
        let mut moved = rows.clone();
        moved[9] = row(9, "KZ-71");
        unity.note(&moved, &HashSet::new());
        assert!(unity.may_publish(), "a tenth, by changing his answer, makes ten");
    }

    #[test]
    fn the_privacy_budget_caps_the_tables() {
        let rows: Vec<store::ParticipantRow> = (0..30).map(|i| row(i, "KZ-75")).collect();
        let mut unity = Unity::default();
        unity.resume(Vec::new(), UNITY_TABLES - 1, &rows);
        unity.note(&rows, &(0..10).collect());
        assert!(unity.may_publish(), "one table of the budget is left");
        unity.resume(Vec::new(), UNITY_TABLES, &rows);
        assert!(!unity.may_publish(), "the budget is spent: the last table stays");
        let mut legacy = Unity::default();
        legacy.resume(Vec::new(), 0, &rows);
        assert!(legacy.table.is_none() && legacy.may_publish(), "an exact table from before noise is replaced");
    }
}
