//! The public scorecard of addressees: per addressee, what it received, the share answered by the term, the median
//! working days to an answer, what is overdue now, and the share implemented; a ranking; and the monthly share
//! answered on time, as a server-rendered chart. Computed in SQL from the recommendations (both backends).

use serde::Serialize;
use utoipa::ToSchema;

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

/// The figures of every addressee and the monthly chart of all, kept between changes: they are computed again
/// only when a recommendation changed (the change kernel's generation of [`super::LIST`], which other servers'
/// changes raise too) or the day turned (what is overdue depends on it).
#[derive(Default)]
pub struct Memo {
    kept: std::sync::Mutex<Option<Kept>>,
}

struct Kept {
    generation: u64,
    today: String,
    scores: std::sync::Arc<Vec<Score>>,
    months: std::sync::Arc<Vec<Month>>,
}

impl Memo {
    /// The scores and the monthly chart of all addressees on `today`.
    pub async fn get(
        &self,
        db: &Db,
        today: &str,
    ) -> sqlx::Result<(std::sync::Arc<Vec<Score>>, std::sync::Arc<Vec<Month>>)> {
        use std::sync::{Arc, PoisonError};
        // Read before computing: a change committed meanwhile makes what is computed stale at once.
        let generation = crate::platform::change::generation(&[super::LIST]);
        if let Some(k) = self.kept.lock().unwrap_or_else(PoisonError::into_inner).as_ref()
            && k.generation == generation
            && k.today == today
        {
            return Ok((k.scores.clone(), k.months.clone()));
        }
        let scores = Arc::new(scores(db, today).await?);
        let months = Arc::new(months(db, None, today).await?);
        let kept = Kept { generation, today: today.to_owned(), scores: scores.clone(), months: months.clone() };
        *self.kept.lock().unwrap_or_else(PoisonError::into_inner) = Some(kept);
        Ok((scores, months))
    }
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
