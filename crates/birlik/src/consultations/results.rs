//! The results page's view of a stored analysis: statements by text in the reader's language, groups by number,
//! declared groups by name, figures as percentages. Nothing here names a participant.

use std::collections::HashMap;

use consensus::bridging::Label;
use consensus::polis::Direction;
use consensus::svg::GroupPlace;

use super::analysis::{StoredReport, group_name};
use super::model::{ShownStatement, Statement, Status};
use super::store::{self, StoredAnalysis};
use crate::platform::Platform;
use crate::platform::i18n::{Arg, Lang, Localized};
use crate::platform::web::{AppError, PageCtx};
use crate::registry::reference;

/// How many statements each ranking shows.
const TOP: usize = 10;

pub struct RepresentativeView {
    pub statement: ShownStatement,
    pub agrees: bool,
    /// Share of the group voting that way, as a percentage in the reader's language.
    pub share: String,
}

pub struct GroupView {
    /// "Group A", in the reader's language.
    pub name: String,
    /// "38 participants", in the reader's language.
    pub size_label: String,
    pub representative: Vec<RepresentativeView>,
}

pub struct RankedView {
    pub statement: ShownStatement,
    /// The figure it is ranked by, as a percentage; empty where the label says it in words (bridging).
    pub figure: String,
    /// A label key (bridging), or empty.
    pub label: &'static str,
}

pub struct UnityRow {
    pub statement: ShownStatement,
    pub overall: String,
    /// Agree rate of each listed group, in the order of `UnityView::groups`.
    pub cells: Vec<Option<String>>,
    pub division: bool,
}

pub struct UnityView {
    pub attribute: String,
    /// Says that groups under k participants are not shown.
    pub hint: String,
    pub groups: Vec<(String, i64)>,
    pub rows: Vec<UnityRow>,
}

pub struct ResultsView {
    /// When it was computed and from how many votes and participants.
    pub summary: String,
    /// Under the opinion map: how many participants it places, in how many groups.
    pub map_caption: String,
    pub svg: String,
    /// The map in words, a group a line: where it lies and how spread out (its text alternative).
    pub map_words: Vec<String>,
    pub groups: Vec<GroupView>,
    pub consensus_agree: Vec<RankedView>,
    pub consensus_disagree: Vec<RankedView>,
    pub group_informed: Vec<RankedView>,
    pub bridging: Vec<RankedView>,
    pub unity: Vec<UnityView>,
    /// What protects the unity table: its noise, its privacy budget, and how much of it is spent.
    pub unity_privacy: String,
}

/// A small decimal as the reader's language writes it ("0.5", "0,5").
fn decimal(lang: Lang, x: f64) -> String {
    let text = format!("{x}");
    if lang == Lang::En { text } else { text.replace('.', ",") }
}

/// A share as a percentage in the reader's language ("38%", "38 %").
fn percent(lang: Lang, x: f64) -> String {
    lang.t_args("percent", &[("value", Arg::Num((x * 100.0).round() as i64))])
}

/// When an analysis was computed, in Kazakhstan time: "28 November 2026, 14:49".
fn computed(lang: Lang, at: &str) -> String {
    match time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339) {
        Ok(t) => {
            let local = super::model::in_kazakhstan(t);
            format!("{}, {:02}:{:02}", lang.date(&super::model::day_of(t)), local.hour(), local.minute())
        }
        Err(_) => at.to_owned(),
    }
}

/// The name of a declared value in the reader's language.
fn declared_name(attribute: &str, value: &str, lang: Lang) -> String {
    match attribute {
        "region" => reference::region(value).map(|r| r.name(lang).to_owned()),
        "ethnic_group" => reference::ethnic_group(value).map(|g| g.name(lang).to_owned()),
        _ => Some(lang.t(&format!("language-{value}"))),
    }
    .unwrap_or_else(|| value.to_owned())
}

/// One group of the opinion map in words: "Group 2 (43 participants): top left of the map; close together."
fn map_words(ctx: &PageCtx, p: &GroupPlace) -> String {
    let lang = ctx.lang;
    let name = lang.t_args("group-name", &[("name", Arg::Str(group_name(p.group)))]);
    let size = ctx.count("participants-count", &i64::from(p.size));
    let Some(at) = p.at else {
        return lang.t_args("map-group-hidden", &[("group", Arg::Str(name)), ("size", Arg::Str(size))]);
    };
    let third = |v: f64| {
        if v < 0.36 {
            0
        } else if v > 0.64 {
            2
        } else {
            1
        }
    };
    let place = match (third(at.y), third(at.x)) {
        (2, 0) => "map-at-top-left",
        (2, 1) => "map-at-top",
        (2, _) => "map-at-top-right",
        (1, 0) => "map-at-left",
        (1, 1) => "map-at-centre",
        (1, _) => "map-at-right",
        (_, 0) => "map-at-bottom-left",
        (_, 1) => "map-at-bottom",
        (_, _) => "map-at-bottom-right",
    };
    // A uniform spread over the whole map is about 0.41 from its centre.
    let spread = if at.spread < 0.12 {
        "map-spread-close"
    } else if at.spread < 0.25 {
        "map-spread-some"
    } else {
        "map-spread-wide"
    };
    lang.t_args(
        "map-group-place",
        &[
            ("group", Arg::Str(name)),
            ("size", Arg::Str(size)),
            ("where", Arg::Str(lang.t(place))),
            ("spread", Arg::Str(lang.t(spread))),
        ],
    )
}

impl ResultsView {
    pub async fn build(
        state: &Platform,
        ctx: &PageCtx,
        consultation: i64,
        stored: &StoredAnalysis,
    ) -> Result<ResultsView, AppError> {
        let parsed: StoredReport =
            serde_json::from_str(&stored.report_json).map_err(|e| AppError::Internal(e.into()))?;
        let report = parsed.report;
        // Published statements only: one moderated out since this analysis is not shown meanwhile.
        let statements: Vec<Statement> = store::statements(&state.db, consultation, Some(Status::Published)).await?;
        let by_id: HashMap<String, &Statement> = statements.iter().map(|s| (s.id.to_string(), s)).collect();
        let shown = |id: &str| by_id.get(id).map(|s| s.shown(ctx.lang));
        let lang = ctx.lang;
        let groups = report
            .groups
            .iter()
            .map(|g| GroupView {
                name: lang.t_args("group-name", &[("name", Arg::Str(group_name(g.id)))]),
                size_label: ctx.count("participants-count", &i64::from(g.size)),
                representative: g
                    .representative
                    .iter()
                    .filter_map(|r| {
                        Some(RepresentativeView {
                            statement: shown(&r.statement)?,
                            agrees: r.repful_for == Direction::Agree,
                            share: percent(lang, r.p_success),
                        })
                    })
                    .collect(),
            })
            .collect();
        let ranked =
            |id: &str, figure: String, label: &'static str| Some(RankedView { statement: shown(id)?, figure, label });
        let share = |p: f64| percent(lang, p);
        let consensus_agree =
            report.consensus.agree.iter().filter_map(|c| ranked(&c.statement, share(c.p_success), "")).collect();
        let consensus_disagree =
            report.consensus.disagree.iter().filter_map(|c| ranked(&c.statement, share(c.p_success), "")).collect();
        let group_informed = report
            .group_informed_consensus
            .iter()
            .filter_map(|g| ranked(&g.statement, share(g.agree), ""))
            .take(TOP)
            .collect();
        let bridging = report
            .bridging
            .iter()
            .flat_map(|b| &b.statements)
            // Under the heading "uniting statements", only those the model finds uniting.
            .filter(|b| b.label == Label::Bridging)
            .filter_map(|b| ranked(&b.statement, String::new(), "bridging-bridging"))
            .take(TOP)
            .collect();
        let unity = report
            .unity
            .iter()
            .filter(|u| !u.groups.is_empty())
            .map(|u| UnityView {
                attribute: ctx.t(&format!("attribute-{}", u.attribute)),
                hint: lang.t_args("results-unity-hint", &[("k", Arg::Num(u.k as i64))]),
                // Sizes are noisy already; rounded to 5 they do not pretend to a precision they lack.
                groups: u
                    .groups
                    .iter()
                    .map(|(v, n)| (declared_name(&u.attribute, v, lang), (i64::from(*n) + 2) / 5 * 5))
                    .collect(),
                rows: u
                    .statements
                    .iter()
                    .filter_map(|s| {
                        let id = parsed.statement_ids.get(s.statement as usize)?.to_string();
                        Some(UnityRow {
                            statement: shown(&id)?,
                            overall: percent(lang, s.agree_rate),
                            cells: u
                                .groups
                                .iter()
                                .map(|(v, _)| {
                                    s.groups.iter().find(|g| g.group == *v).map(|g| percent(lang, g.agree_rate))
                                })
                                .collect(),
                            division: s.division,
                        })
                    })
                    .take(TOP * 2)
                    .collect(),
            })
            .collect();
        Ok(ResultsView {
            summary: lang.t_args(
                "results-computed",
                &[
                    ("at", Arg::Str(computed(lang, &stored.computed_at))),
                    ("votes", Arg::Num(stored.votes)),
                    ("participants", Arg::Num(stored.participants)),
                    ("grouped", Arg::Num(report.n_in_analysis as i64)),
                ],
            ),
            map_caption: lang.t_args(
                "results-map-caption",
                &[
                    ("participants", Arg::Num(report.n_in_analysis as i64)),
                    ("groups", Arg::Num(report.groups.len() as i64)),
                ],
            ),
            // The stored map is the same in every language: its accessible name is the caption under it, in the
            // reader's.
            svg: stored.opinion_map_svg.replacen(
                "role=\"img\"",
                "role=\"img\" aria-labelledby=\"map-caption\" aria-describedby=\"map-words\"",
                1,
            ),
            map_words: parsed.map.iter().map(|p| map_words(ctx, p)).collect(),
            groups,
            consensus_agree,
            consensus_disagree,
            group_informed,
            bridging,
            unity,
            unity_privacy: lang.t_args(
                "results-unity-privacy",
                &[
                    ("epsilon", Arg::Str(decimal(lang, parsed.unity_epsilon))),
                    ("table", Arg::Num(i64::from(parsed.unity_tables))),
                    ("tables", Arg::Num(i64::from(super::analysis::UNITY_TABLES))),
                    (
                        "budget",
                        Arg::Str(format!("{}", parsed.unity_epsilon * f64::from(super::analysis::UNITY_TABLES))),
                    ),
                ],
            ),
        })
    }
}
