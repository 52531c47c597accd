//! The public scorecard of addressees: per addressee, what it received, the share answered by the term, the median
//! working days to an answer, what is overdue now, and the share implemented; a ranking; and the monthly share
//! answered on time, as a server-rendered chart. Counted in SQL (both backends) or from the rows kept in memory ([`Memo`]).

use serde::Serialize;
use utoipa::ToSchema;

use super::model::{Implementation, Status};
use crate::platform::db::Db;
use crate::with_read;

/// One addressee's figures.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct Score {
    pub addressee_id: i64,
    /// Recommendations it received and kept (those it forwarded to the right addressee count there).
    pub received: i64,
    /// Answers given, on time or late.
    pub answered: i64,
    /// Answers given by the term.
    pub answered_on_time_count: i64,
    /// Per cent of the answers due (given, or overdue now) that were given by the term; `null` when none was due.
    pub answered_on_time: Option<f64>,
    /// The median working days from receipt to answer; `null` before the first answer.
    pub median_working_days: Option<f64>,
    /// Awaiting an answer past the term, now.
    pub overdue: i64,
    pub implemented_count: i64,
    /// Per cent of the answered that were implemented; `null` before the first answer.
    pub implemented: Option<f64>,
}

fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Every addressee's figures on `today` (`YYYY-MM-DD`), for those that received anything.
pub async fn scores(db: &Db, today: &str) -> sqlx::Result<Vec<Score>> {
    let counts: Vec<(i64, i64, i64, i64, i64, i64)> = with_read!(db, pool => {
        sqlx::query_as(
            "SELECT addressee_id,
                 SUM(CASE WHEN status <> 'forwarded' THEN 1 ELSE 0 END),
                 SUM(CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END),
                 SUM(CASE WHEN answered_on IS NOT NULL AND answered_on <= COALESCE(extended_to, due_on) THEN 1 ELSE 0 END),
                 SUM(CASE WHEN status = 'awaiting' AND COALESCE(extended_to, due_on) < $1 THEN 1 ELSE 0 END),
                 SUM(CASE WHEN implementation = 'implemented' THEN 1 ELSE 0 END)
             FROM recommendations GROUP BY addressee_id",
        )
        .bind(today)
        .fetch_all(pool)
        .await?
    });
    // The median per addressee: the middle one or two answers in order, averaged.
    let medians: Vec<(i64, f64)> = with_read!(db, pool => {
        sqlx::query_as(
            "SELECT addressee_id, CAST(AVG(d) AS DOUBLE PRECISION) FROM (
                 SELECT addressee_id, answer_working_days AS d,
                     ROW_NUMBER() OVER (PARTITION BY addressee_id ORDER BY answer_working_days) AS n,
                     COUNT(*) OVER (PARTITION BY addressee_id) AS c
                 FROM recommendations WHERE answer_working_days IS NOT NULL
             ) ranked WHERE n IN ((c + 1) / 2, (c + 2) / 2) GROUP BY addressee_id",
        )
        .fetch_all(pool)
        .await?
    });
    let median = |id: i64| medians.iter().find(|m| m.0 == id).map(|m| m.1);
    Ok(counts
        .into_iter()
        .map(|(addressee_id, received, answered, on_time, overdue, implemented)| Score {
            addressee_id,
            received,
            answered,
            answered_on_time_count: on_time,
            answered_on_time: percent(on_time, answered + overdue),
            median_working_days: median(addressee_id),
            overdue,
            implemented_count: implemented,
            implemented: percent(implemented, answered),
        })
        .collect())
}

/// What the scorecard needs of one recommendation, as read.
#[derive(sqlx::FromRow)]
struct Read {
    id: i64,
    addressee_id: i64,
    status: Status,
    answered_on: Option<String>,
    /// The term: `extended_to`, else `due_on`.
    due: String,
    implementation: Implementation,
    answer_working_days: Option<i64>,
    updated_at: String,
}

/// What the scorecard needs of one recommendation, kept in memory: typed, dates as numbers (`20250305`), about
/// 40 bytes, so that counting 100,000 of them allocates nothing and compares no text.
#[derive(Clone, Copy, Debug)]
struct Row {
    addressee_id: i64,
    status: Status,
    implementation: Implementation,
    answered_on: Option<u32>,
    due: u32,
    answer_working_days: Option<i64>,
}

/// `YYYY-MM-DD` as the number `YYYYMMDD` (which orders as the text does); 0 when it is not a date.
fn day_number(day: &str) -> u32 {
    let digits: String = day.get(..10).unwrap_or_default().chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

impl From<&Read> for Row {
    fn from(r: &Read) -> Row {
        Row {
            addressee_id: r.addressee_id,
            status: r.status,
            implementation: r.implementation,
            answered_on: r.answered_on.as_deref().map(day_number),
            due: day_number(&r.due),
            answer_working_days: r.answer_working_days,
        }
    }
}

/// The figures of every addressee and the monthly chart of all, kept between changes. Each recommendation's few
/// columns are kept in memory (about 100 bytes each): read whole once, then, whenever a recommendation changed
/// (the change kernel's generation of [`super::LIST`], which other servers' changes raise too), only the rows
/// changed since the last read (`updated_at`, with a minute's overlap for writes whose time was taken before an
/// earlier commit, or another server's clock a little behind). The figures are then counted from memory in a few
/// milliseconds, instead of two scans and a window function in SQL (449 ms over 100,000 recommendations).
#[derive(Default)]
pub struct Memo {
    kept: tokio::sync::Mutex<Option<Kept>>,
}

struct Kept {
    rows: std::collections::HashMap<i64, Row>,
    /// The latest `updated_at` read.
    read_up_to: String,
    /// The generation the rows are as of, and the figures counted then (for the day `today`).
    generation: u64,
    today: String,
    scores: std::sync::Arc<Vec<Score>>,
    months: std::sync::Arc<Vec<Month>>,
}

const ROWS: &str = "SELECT id, addressee_id, status, answered_on, COALESCE(extended_to, due_on) AS due, implementation,
    answer_working_days, updated_at FROM recommendations";

/// A minute before `at` (an RFC 3339 time), where a read of what changed since `at` starts.
fn minute_before(at: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(at, &Rfc3339)
        .ok()
        .and_then(|t| (t - time::Duration::minutes(1)).format(&Rfc3339).ok())
        .unwrap_or_default()
}

async fn read_rows(db: &Db, since: Option<&str>) -> sqlx::Result<Vec<Read>> {
    let sql = match since {
        Some(_) => format!("{ROWS} WHERE updated_at >= $1"),
        None => ROWS.to_owned(),
    };
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(since.unwrap_or_default()).fetch_all(pool).await
    })
}

impl Memo {
    /// The scores and the monthly chart of all addressees on `today`.
    pub async fn get(
        &self,
        db: &Db,
        today: &str,
    ) -> sqlx::Result<(std::sync::Arc<Vec<Score>>, std::sync::Arc<Vec<Month>>)> {
        use std::sync::Arc;
        // Read before reading the rows: a change committed meanwhile makes what is read stale at once.
        let generation = crate::platform::change::generation(&[super::LIST]);
        let mut kept = self.kept.lock().await;
        if let Some(k) = kept.as_ref()
            && k.generation == generation
            && k.today == today
        {
            return Ok((k.scores.clone(), k.months.clone()));
        }
        let k = match kept.take() {
            Some(mut k) if k.generation == generation => {
                k.today = today.to_owned();
                k
            }
            Some(mut k) => {
                for row in read_rows(db, Some(&minute_before(&k.read_up_to))).await? {
                    k.rows.insert(row.id, Row::from(&row));
                    k.read_up_to = k.read_up_to.max(row.updated_at);
                }
                k.generation = generation;
                k.today = today.to_owned();
                k
            }
            None => {
                let rows = read_rows(db, None).await?;
                let read_up_to = rows.iter().map(|r| r.updated_at.as_str()).max().unwrap_or_default().to_owned();
                Kept {
                    rows: rows.iter().map(|r| (r.id, Row::from(r))).collect(),
                    read_up_to,
                    generation,
                    today: today.to_owned(),
                    scores: Arc::default(),
                    months: Arc::default(),
                }
            }
        };
        let (scores, months) = count(k.rows.values(), today);
        let k = kept.insert(Kept { scores: Arc::new(scores), months: Arc::new(months), ..k });
        Ok((k.scores.clone(), k.months.clone()))
    }
}

/// Every addressee's figures and the monthly chart of all, counted from the rows as [`scores`] and [`months`]
/// count them in SQL (the tests hold the two to the same answers).
fn count<'a>(rows: impl Iterator<Item = &'a Row>, today: &str) -> (Vec<Score>, Vec<Month>) {
    use std::collections::BTreeMap;
    let today = day_number(today);
    let mut by: BTreeMap<i64, (Score, Vec<i64>)> = BTreeMap::new();
    // By month of the term, `YYYYMM`.
    let mut months: BTreeMap<u32, (i64, i64)> = BTreeMap::new();
    for r in rows {
        let (score, days) = by
            .entry(r.addressee_id)
            .or_insert_with(|| (Score { addressee_id: r.addressee_id, ..Default::default() }, Vec::new()));
        let kept = r.status != Status::Forwarded;
        let on_time = r.answered_on.is_some_and(|on| on <= r.due);
        score.received += i64::from(kept);
        score.answered += i64::from(r.answered_on.is_some());
        score.answered_on_time_count += i64::from(on_time);
        score.overdue += i64::from(r.status == Status::Awaiting && r.due < today);
        score.implemented_count += i64::from(r.implementation == Implementation::Implemented);
        if let Some(d) = r.answer_working_days {
            days.push(d);
        }
        if kept && r.due < today {
            let month = months.entry(r.due / 100).or_default();
            month.0 += 1;
            month.1 += i64::from(on_time);
        }
    }
    let scores = by
        .into_values()
        .map(|(mut s, mut days)| {
            days.sort_unstable();
            s.median_working_days = median(&days);
            s.answered_on_time = percent(s.answered_on_time_count, s.answered + s.overdue);
            s.implemented = percent(s.implemented_count, s.answered);
            s
        })
        .collect();
    let month = |m: u32| format!("{:04}-{:02}", m / 100, m % 100);
    let months = months.into_iter().map(|(m, (due, on_time))| Month { month: month(m), due, on_time }).collect();
    (scores, months)
}

/// The middle value of sorted numbers, or the mean of the middle two.
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    let (a, b) = (sorted.get(n.checked_sub(1)? / 2)?, sorted.get(n / 2)?);
    Some((*a + *b) as f64 / 2.0)
}

impl Memo {
    /// One addressee's figures (zeros when it received nothing).
    pub async fn score(&self, db: &Db, today: &str, addressee: i64) -> sqlx::Result<Score> {
        let (scores, _) = self.get(db, today).await?;
        let found = scores.iter().find(|s| s.addressee_id == addressee).cloned();
        Ok(found.unwrap_or(Score { addressee_id: addressee, ..Default::default() }))
    }
}

/// The ranking: the best share on time first, then the fewest overdue, the quickest median, the most received.
pub fn rank(scores: &mut [Score]) {
    scores.sort_by(|a, b| {
        let on_time = |s: &Score| s.answered_on_time.unwrap_or(-1.0);
        on_time(b)
            .total_cmp(&on_time(a))
            .then(a.overdue.cmp(&b.overdue))
            .then(a.median_working_days.unwrap_or(f64::MAX).total_cmp(&b.median_working_days.unwrap_or(f64::MAX)))
            .then(b.received.cmp(&a.received))
            .then(a.addressee_id.cmp(&b.addressee_id))
    });
}

/// A month of the chart: answers due that month (by the term) and those given on time.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    pub due: i64,
    pub on_time: i64,
}

/// The share answered on time per month of the term, for one addressee or all, up to `today`.
pub async fn months(db: &Db, addressee: Option<i64>, today: &str) -> sqlx::Result<Vec<Month>> {
    let rows: Vec<(String, i64, i64)> = with_read!(db, pool => {
        sqlx::query_as(
            "SELECT SUBSTR(COALESCE(extended_to, due_on), 1, 7) AS month,
                 SUM(CASE WHEN answered_on IS NOT NULL OR COALESCE(extended_to, due_on) < $2 THEN 1 ELSE 0 END),
                 SUM(CASE WHEN answered_on IS NOT NULL AND answered_on <= COALESCE(extended_to, due_on) THEN 1 ELSE 0 END)
             FROM recommendations
             WHERE status <> 'forwarded' AND ($1 IS NULL OR addressee_id = $1) AND COALESCE(extended_to, due_on) < $2
             GROUP BY SUBSTR(COALESCE(extended_to, due_on), 1, 7) ORDER BY month",
        )
        .bind(addressee)
        .bind(today)
        .fetch_all(pool)
        .await?
    });
    Ok(rows.into_iter().map(|(month, due, on_time)| Month { month, due, on_time }).collect())
}

/// The monthly share on time as an SVG bar chart (the last 24 months), titled `title`; the page puts the same
/// figures in a table beside it.
pub fn chart(title: &str, months: &[Month]) -> String {
    use std::fmt::Write;
    let shown: Vec<&Month> = months.iter().rev().take(24).rev().collect();
    let (width, height, bar) = (24 * 28 + 40, 180, 22);
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title" class="chart"><title id="chart-title">{}</title><line x1="34" y1="10" x2="34" y2="150" class="axis"/><line x1="34" y1="150" x2="{}" y2="150" class="axis"/><text x="30" y="14" class="tick">100%</text><text x="30" y="84" class="tick">50%</text><text x="30" y="154" class="tick">0%</text>"#,
        escape(title),
        width - 4
    );
    for (i, m) in shown.iter().enumerate() {
        let share = if m.due > 0 { m.on_time as f64 / m.due as f64 } else { 0.0 };
        let h = (share * 140.0).round() as i64;
        let x = 40 + i * 28;
        let _ = write!(
            out,
            r#"<g class="bar"><title>{}: {}/{}</title><rect x="{x}" y="{}" width="{bar}" height="{h}"/><text x="{}" y="168" class="tick-month">{}</text></g>"#,
            escape(&m.month),
            m.on_time,
            m.due,
            150 - h,
            x + bar / 2,
            escape(m.month.get(5..).unwrap_or(&m.month)),
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_per_cent_with_one_decimal_and_none_without_a_whole() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 2), Some(100.0));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn the_ranking_puts_the_punctual_first_and_those_with_nothing_due_last() {
        let s = |id, on_time: Option<f64>, overdue| Score {
            addressee_id: id,
            answered_on_time: on_time,
            overdue,
            ..Default::default()
        };
        let mut scores = vec![s(1, Some(50.0), 0), s(2, None, 0), s(3, Some(90.0), 2), s(4, Some(90.0), 0)];
        rank(&mut scores);
        let order: Vec<i64> = scores.iter().map(|s| s.addressee_id).collect();
        assert_eq!(order, vec![4, 3, 1, 2]);
    }

    #[test]
    fn the_chart_escapes_and_draws_a_bar_per_month() {
        let months = vec![
            Month { month: "2026-01".into(), due: 4, on_time: 2 },
            Month { month: "2026-02".into(), due: 0, on_time: 0 },
        ];
        let svg = chart("<on time>", &months);
        assert!(svg.contains("&lt;on time&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(r#"height="70""#), "half of 140 px");
    }
}
