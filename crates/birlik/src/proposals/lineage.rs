//! How a proposal rose and what flowed into it: the chain of forwards ("raised in the Korday district council on
//! …, forwarded by the Jambyl regional assembly on …"), the tree of proposals merged into it, and how many
//! districts and regions its sources came from, on a tile map.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::model::{Proposal, ProposalStatus};
use super::store;
use crate::platform::db::Db;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::web::tilemap::{self, Tile};

/// One line of the tree: a proposal, how deep it sits, and how it joined its parent.
#[derive(Clone, Debug)]
pub struct Line {
    pub depth: usize,
    pub proposal: Proposal,
    /// `None` for the proposal itself; else merged or forwarded.
    pub joined: Option<ProposalStatus>,
}

/// A proposal's lineage.
#[derive(Clone, Debug, Default)]
pub struct Lineage {
    /// The tree, depth first, the proposal itself first.
    pub lines: Vec<Line>,
    /// The forwards down to where it was raised, the first filing first.
    pub rise: Vec<Proposal>,
    /// Sources per region (the proposals with no source of their own: where people first raised it).
    pub regions: BTreeMap<String, usize>,
    pub districts: usize,
    /// Proposals with no source of their own.
    pub origins: usize,
}

pub async fn of(db: &Db, id: i64) -> anyhow::Result<Lineage> {
    let all = store::by_ids(db, &store::lineage_ids(db, id).await?).await?;
    let by_id: HashMap<i64, &Proposal> = all.iter().map(|p| (p.id, p)).collect();
    // Children of each proposal: those merged into it, and the one it was forwarded from.
    let mut children: HashMap<i64, Vec<(i64, ProposalStatus)>> = HashMap::new();
    for p in &all {
        if let Some(into) = p.merged_into {
            children.entry(into).or_default().push((p.id, ProposalStatus::Merged));
        }
        if let Some(from) = p.forwarded_from {
            children.entry(p.id).or_default().push((from, ProposalStatus::Forwarded));
        }
    }
    let mut lineage = Lineage::default();
    // Depth first, without recursion; `seen` guards against a malformed cycle in stored data.
    let mut stack = vec![(id, 0usize, None)];
    let mut seen = BTreeSet::new();
    while let Some((at, depth, joined)) = stack.pop() {
        let Some(p) = by_id.get(&at) else { continue };
        if !seen.insert(at) {
            continue;
        }
        let kids = children.get(&at).cloned().unwrap_or_default();
        if kids.is_empty() {
            lineage.origins += 1;
            if let Some(region) = &p.region_code {
                *lineage.regions.entry(region.clone()).or_default() += 1;
            }
        }
        for (child, how) in kids.into_iter().rev() {
            stack.push((child, depth + 1, Some(how)));
        }
        lineage.lines.push(Line { depth, proposal: (*p).clone(), joined });
    }
    let origin_districts: BTreeSet<i64> =
        all.iter().filter(|p| !children.contains_key(&p.id)).filter_map(|p| p.district_id).collect();
    lineage.districts = origin_districts.len();
    let mut at = by_id.get(&id).copied();
    while let Some(p) = at {
        lineage.rise.push(p.clone());
        at = p.forwarded_from.and_then(|f| by_id.get(&f).copied());
    }
    lineage.rise.reverse();
    Ok(lineage)
}

impl Lineage {
    /// The tile map of where its sources were raised, for the reader's language.
    pub fn map(&self, title: &str, lang: Lang) -> String {
        let max = self.regions.values().copied().max().unwrap_or(0) as f64;
        let tiles: Vec<Tile> = crate::registry::reference::regions()
            .iter()
            .map(|r| {
                let n = self.regions.get(&r.code).copied().unwrap_or(0);
                Tile {
                    region_code: r.code.clone(),
                    name: r.name(lang).to_owned(),
                    shade: tilemap::shade(n as f64, max),
                    figure: if n == 0 { String::new() } else { n.to_string() },
                }
            })
            .collect();
        tilemap::svg(title, &tiles)
    }
}
