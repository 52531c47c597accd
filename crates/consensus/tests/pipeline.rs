//! Fixtures computed by hand, and property tests (vote order, id relabelling, determinism) on seeded
//! random conversations. One integration-test binary for the crate.

use std::collections::HashMap;

use consensus::ari::adjusted_rand_index;
use consensus::bridging::{BridgingOptions, Label, fit_als};
use consensus::data::{Conversation, ConversationBuilder};
use consensus::polis::{
    Direction, PolisOptions, PolisState, Repness, analyze, analyze_conversation, importance, priority, prop_test,
    repness_stats, select_consensus, select_representative, two_prop_test,
};
use consensus::replay::{ReplaySchedule, replay};
use consensus::report::Report;
use consensus::rng::Rng;
use consensus::svg::{SvgOptions, opinion_map};
use consensus::synth::{Synth, SynthOptions};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn proportion_tests_by_hand() {
    // prop-test(3, 4) = 2·√5·(4/5 − ½).
    assert!(close(prop_test(3.0, 4.0), 2.0 * 5f64.sqrt() * 0.3));
    // two-prop-test(3, 1, 4, 4): p1 = 4/5, p2 = 2/5, p̂ = 6/10, √(0.6·0.4·(1/5 + 1/5)) = √0.096.
    assert!(close(two_prop_test(3.0, 1.0, 4.0, 4.0), 0.4 / 0.096f64.sqrt()));
    // All successes everywhere: p̂ = 1, defined as 0.
    assert_eq!(two_prop_test(4.0, 4.0, 4.0, 4.0), 0.0);
}

#[test]
fn repness_by_hand() {
    // Group: 3 agree, 1 disagree of 4; rest: 1 agree, 3 disagree of 4.
    let r = repness_stats(7, [3, 1, 4], [1, 3, 4]);
    assert!(close(r.pa, 4.0 / 6.0));
    assert!(close(r.pd, 2.0 / 6.0));
    assert!(close(r.ra, 2.0));
    assert!(close(r.rd, 0.5));
    assert!(close(r.pat, 2.0 * 5f64.sqrt() * 0.3));
    assert!(close(r.rat, 0.4 / 0.096f64.sqrt()));
    assert!(close(r.rdt, -r.rat));
}

#[test]
fn priority_by_hand() {
    // A = 3, P = 1, S = 5, E = 0.5: p = 2/7, a = 4/7, importance = (5/7)(1.5)(4/7); × (1 + 8·2^−1) = × 5; squared.
    let imp = (5.0 / 7.0) * 1.5 * (4.0 / 7.0);
    assert!(close(importance(3.0, 1.0, 5.0, 0.5), imp));
    assert!(close(priority(false, 3.0, 1.0, 5.0, 0.5), (imp * 5.0).powi(2)));
    assert_eq!(priority(true, 0.0, 0.0, 0.0, 0.0), 49.0);
}

#[test]
fn consensus_selection_by_hand() {
    // s0: 9 of 10 agree; s1: 6 of 10 (not significant: 2·√11·(7/11 − ½) = 0.905); s2: 1 of 10 agree, 8 disagree.
    let c = select_consensus(&[(0, [9, 1, 10]), (1, [6, 4, 10]), (2, [1, 8, 10])], 1.2816);
    assert_eq!(c.agree.iter().map(|s| s.statement).collect::<Vec<_>>(), vec![0]);
    assert_eq!(c.disagree.iter().map(|s| s.statement).collect::<Vec<_>>(), vec![2]);
    assert!(close(c.agree[0].p_success, 10.0 / 12.0));
}

#[test]
fn representative_selection_rules() {
    // Statement 0: the group agrees strongly, the rest disagrees → significant agree.
    // Statement 1: the group disagrees strongly, the rest agrees → significant disagree.
    // Statement 2: nothing distinguishes the group.
    let stats: Vec<Repness> = vec![
        repness_stats(0, [18, 1, 20], [2, 17, 20]),
        repness_stats(1, [1, 18, 20], [17, 2, 20]),
        repness_stats(2, [10, 10, 20], [10, 10, 20]),
    ];
    let sel = select_representative(&stats, 1.2816);
    assert_eq!(sel.iter().map(|s| s.statement).collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(sel[0].repful_for, Direction::Agree);
    assert!(sel[0].best_agree);
    assert_eq!(sel[1].repful_for, Direction::Disagree);
    // Nothing significant: the best agreed statement alone.
    let weak = vec![repness_stats(0, [3, 2, 6], [3, 3, 6]), repness_stats(1, [2, 3, 6], [3, 3, 6])];
    let sel = select_representative(&weak, 1.2816);
    assert_eq!(sel.len(), 1);
    assert_eq!(sel[0].statement, 0);
    // At most five.
    let many: Vec<Repness> = (0..9).map(|j| repness_stats(j, [18, 1, 20], [2, 17, 20])).collect();
    assert_eq!(select_representative(&many, 1.2816).len(), 5);
}

/// Two noiseless camps: A (18 people) agrees with s0–s3 and rejects s4–s7, B (12) the opposite; everyone
/// agrees with s8; s9 is moderated out.
fn camps() -> Conversation {
    let mut b = ConversationBuilder::new();
    for j in 0..10 {
        b.statement(&format!("s{j}"), &format!("statement <{j}>"), j == 9, false);
    }
    for i in 0..30 {
        let a = i < 18;
        for j in 0..8 {
            let v = if (j < 4) == a { 1 } else { -1 };
            b.vote(&format!("p{i:02}"), &format!("s{j}"), v, None).unwrap();
        }
        b.vote(&format!("p{i:02}"), "s8", 1, None).unwrap();
        b.vote(&format!("p{i:02}"), "s9", -1, None).unwrap();
        b.attribute(&format!("p{i:02}"), "region", if i % 2 == 0 { "north" } else { "south" });
    }
    b.build()
}

#[test]
fn planted_camps_are_found_with_their_statistics() {
    let c = camps();
    let r = analyze_conversation(&c, &PolisOptions::default());
    assert_eq!(r.k, 2);
    assert_eq!(r.n_active, 9);
    let sizes: Vec<u32> = r.groups.iter().map(|g| g.size).collect();
    assert_eq!(sizes, vec![18, 12]);
    let a = r.group_of[0].unwrap();
    for i in 0..30 {
        assert_eq!(r.group_of[i] == Some(a), i < 18, "participant {i}");
    }
    // Group A's representative statements: its agrees s0–s3 and disagrees s4–s7, five at most, agrees first.
    let rep = &r.groups[a as usize].representative;
    assert_eq!(rep.len(), 5);
    assert!(rep.iter().all(|s| (s.statement < 4) == (s.repful_for == Direction::Agree)));
    assert_eq!(rep[0].repful_for, Direction::Agree);
    // Consensus: s8 agreed by all 30: p = 31/32.
    assert_eq!(r.consensus.agree[0].statement, 8);
    assert!(close(r.consensus.agree[0].p_success, 31.0 / 32.0));
    // Group-informed consensus of s8: (18 + 1)/(18 + 2) · (12 + 1)/(12 + 2); of s0: (19/20)(1/14).
    assert!(close(r.statements[8].gic_agree, 19.0 / 20.0 * 13.0 / 14.0));
    assert!(close(r.statements[0].gic_agree, 19.0 / 20.0 * 1.0 / 14.0));
    assert!(close(r.statements[0].gic_disagree, 1.0 / 20.0 * 13.0 / 14.0));
    // Moderated out: not analysed, no priority, not in any list.
    assert!(!r.statements[9].active);
    assert_eq!(r.statements[9].priority, 0.0);
    assert!(r.groups.iter().all(|g| g.representative.iter().all(|s| s.statement != 9)));
    // Extremity of s8 is 0 (everyone agrees: 1 − μ = 0), of the camp statements positive.
    assert!(r.statements[8].extremity.abs() < 1e-12);
    assert!(r.statements[0].extremity > 0.0);
}

#[test]
fn report_json_has_the_promised_shape() {
    let c = camps();
    let r = analyze_conversation(&c, &PolisOptions::default());
    let m = c.matrix();
    let active = c.active();
    let bo = BridgingOptions::default();
    let model = fit_als(&m, &active, &bo);
    let st = model.statements(&active, bo.min_ratings);
    let report = Report::new(&c, &r, Some(("als", &model, st)), vec![]);
    let mut out = Vec::new();
    report.write_json(&mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["k"], 2);
    assert_eq!(v["participants"][0]["id"], "p00");
    assert!(v["participants"][0]["group"].is_u64());
    assert_eq!(v["groups"][0]["size"], 18);
    assert!(v["groups"][0]["representative"][0]["statement"].is_string());
    assert_eq!(v["consensus"]["agree"][0]["statement"], "s8");
    assert_eq!(v["group_informed_consensus"][0]["statement"], "s8");
    let bridging = v["bridging"]["statements"].as_array().unwrap();
    assert_eq!(bridging[0]["statement"], "s8");
    assert_eq!(bridging[0]["label"], serde_json::json!(Label::Bridging));
}

#[test]
fn opinion_map_shows_density_not_people() {
    let c = camps();
    let r = analyze_conversation(&c, &PolisOptions::default());
    let svg = opinion_map(&r, "Map <of> \"us\" & them", &["A&B".into()], &SvgOptions::default());
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Map &lt;of&gt; &quot;us&quot; &amp; them"));
    assert!(svg.contains("A&amp;B (18)"));
    assert!(!svg.contains("<circle"));
    // Both groups drawn, every member counted in a cell of at least 5, and the labels after every cell.
    assert_eq!(svg.matches("data-group=").count(), 2);
    let counts: Vec<u32> =
        svg.split("data-n=\"").skip(1).map(|rest| rest.split('"').next().unwrap().parse().unwrap()).collect();
    assert!(counts.iter().all(|n| *n >= 5), "{counts:?}");
    assert_eq!(counts.iter().sum::<u32>(), r.groups.iter().map(|g| g.size).sum::<u32>());
    assert!(svg.rfind("<rect").unwrap() < svg.find("class=\"map-label\"").unwrap());
    let places = consensus::svg::places(&r, &SvgOptions::default());
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|p| p.at.is_some_and(|a| (0.0..=1.0).contains(&a.x) && (0.0..=1.0).contains(&a.y))));
    // A lone participant far from everyone does not show up as a drawn cell.
    let mut b = ConversationBuilder::new();
    for i in 0..40 {
        for j in 0..8 {
            let v = if i == 39 {
                if j % 2 == 0 { 1 } else { -1 }
            } else if (j < 4) == (i < 20) {
                1
            } else {
                -1
            };
            b.vote(&i.to_string(), &j.to_string(), v, None).unwrap();
        }
    }
    let c = b.build();
    let r = analyze_conversation(&c, &PolisOptions::default());
    let o = SvgOptions { min_cell: 5, ..SvgOptions::default() };
    let svg = opinion_map(&r, "t", &[], &o);
    let cells = svg.matches("<rect x=").count();
    assert!(cells > 0);
    // Every drawn cell has at least 5 participants around it, so no drawn cell is the lone one's alone.
    assert!(!svg.contains("NaN"));
}

fn synthetic(seed: u64, participants: usize, statements: usize) -> Conversation {
    let s = Synth::new(SynthOptions {
        participants,
        statements,
        votes_per_participant: statements as f64 * 0.6,
        seed,
        ..SynthOptions::default()
    });
    let mut b = ConversationBuilder::new();
    for i in 0..participants {
        for (j, v) in s.row(i) {
            b.vote(&format!("u{i}"), &format!("c{j}"), v, None).unwrap();
        }
    }
    for j in 0..statements {
        b.statement(&format!("c{j}"), "", j % 11 == 5, false);
    }
    b.build()
}

/// Rebuilds a conversation with its votes in a shuffled order (and, optionally, relabelled ids).
fn rebuild(
    c: &Conversation,
    rng: &mut Rng,
    relabel: bool,
) -> (Conversation, HashMap<String, String>, HashMap<String, String>) {
    let mut order: Vec<usize> = (0..c.log.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut pmap = HashMap::new();
    let mut smap = HashMap::new();
    let salt = rng.next_u64();
    for id in &c.participants {
        let new =
            if relabel { format!("{:016x}", consensus::rng::mix64(salt ^ pmap.len() as u64)) } else { id.clone() };
        pmap.insert(id.clone(), new);
    }
    for s in &c.statements {
        let new =
            if relabel { format!("z{:016x}", consensus::rng::mix64(!salt ^ smap.len() as u64)) } else { s.id.clone() };
        smap.insert(s.id.clone(), new);
    }
    let mut b = ConversationBuilder::new();
    let mut st: Vec<usize> = (0..c.statements.len()).collect();
    st.reverse();
    for j in st {
        let s = &c.statements[j];
        b.statement(&smap[&s.id], &s.text, s.moderated_out, s.is_meta);
    }
    for k in order {
        let p = &c.participants[c.log.participant[k] as usize];
        let s = &c.statements[c.log.statement[k] as usize].id;
        b.vote(&pmap[p], &smap[s], c.log.value[k], c.log.time.as_ref().map(|t| t[k])).unwrap();
    }
    (b.build(), pmap, smap)
}

#[test]
fn property_invariant_to_vote_order() {
    let mut rng = Rng::new(11);
    for seed in 0..4 {
        let c = synthetic(seed, 120, 16);
        let (shuffled, _, _) = rebuild(&c, &mut rng, false);
        let a = analyze_conversation(&c, &PolisOptions::default());
        let b = analyze_conversation(&shuffled, &PolisOptions::default());
        assert_eq!(a, b, "seed {seed}");
    }
}

#[test]
fn property_invariant_to_vote_order_with_repeated_votes_and_times() {
    // Repeated votes with distinct times: the latest wins whatever the arrival order.
    let mut rng = Rng::new(5);
    let mut b = ConversationBuilder::new();
    let mut t = 0;
    for i in 0..60 {
        for j in 0..10 {
            for _ in 0..1 + rng.below(3) {
                t += 1;
                let v = rng.below(3) as i8 - 1;
                b.vote(&i.to_string(), &j.to_string(), v, Some(t)).unwrap();
            }
        }
    }
    let c = b.build();
    let (shuffled, _, _) = rebuild(&c, &mut rng, false);
    assert_eq!(c.matrix(), shuffled.matrix());
    assert_eq!(
        analyze_conversation(&c, &PolisOptions::default()),
        analyze_conversation(&shuffled, &PolisOptions::default())
    );
}

#[test]
fn property_invariant_to_relabelling_ids() {
    let mut rng = Rng::new(12);
    for seed in 0..4 {
        let c = synthetic(seed + 100, 150, 14);
        let (re, pmap, smap) = rebuild(&c, &mut rng, true);
        let a = analyze_conversation(&c, &PolisOptions::default());
        let b = analyze_conversation(&re, &PolisOptions::default());
        assert_eq!(a.k, b.k, "seed {seed}");
        let bpos: HashMap<&str, usize> = re.participants.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        let ga: Vec<Option<u32>> = a.group_of.clone();
        let gb: Vec<Option<u32>> = c.participants.iter().map(|p| b.group_of[bpos[pmap[p].as_str()]]).collect();
        assert_eq!(
            ga.iter().map(Option::is_some).collect::<Vec<_>>(),
            gb.iter().map(Option::is_some).collect::<Vec<_>>()
        );
        assert_eq!(adjusted_rand_index(&ga, &gb), 1.0, "seed {seed}");
        // Same representative statements, group for group (groups are numbered by size).
        let sid = |conv: &Conversation, j: u32| conv.statements[j as usize].id.clone();
        for (x, y) in a.groups.iter().zip(&b.groups) {
            assert_eq!(x.size, y.size);
            let rx: Vec<String> = x.representative.iter().map(|s| smap[&sid(&c, s.statement)].clone()).collect();
            let ry: Vec<String> = y.representative.iter().map(|s| sid(&re, s.statement)).collect();
            assert_eq!(rx, ry, "seed {seed}");
        }
    }
}

#[test]
fn property_deterministic() {
    for seed in 0..3 {
        let c = synthetic(seed + 200, 200, 20);
        let o = PolisOptions::default();
        assert_eq!(analyze_conversation(&c, &o), analyze_conversation(&c, &o));
        let m = c.matrix();
        let active = c.active();
        let bo = BridgingOptions::default();
        assert_eq!(fit_als(&m, &active, &bo), fit_als(&m, &active, &bo));
    }
}

#[test]
fn planted_groups_are_recovered() {
    let s = Synth::new(SynthOptions {
        participants: 1500,
        statements: 60,
        votes_per_participant: 40.0,
        consistency: 0.9,
        ..SynthOptions::default()
    });
    let m = s.matrix();
    let active = vec![true; 60];
    let r = analyze(&m, &active, &[false; 60], &PolisOptions::default(), None);
    assert_eq!(r.k, 3);
    let ours: Vec<u32> = r.group_of.iter().map(|g| g.unwrap()).collect();
    let ari = adjusted_rand_index(&ours, &s.planted());
    assert!(ari > 0.95, "ARI {ari} k {}", r.k);
}

#[test]
fn incremental_state_keeps_participants_and_k() {
    // Early on there are 3 statements, so 3 votes admit a participant; later there are 10.
    let mut b = ConversationBuilder::new();
    let mut t = 0;
    let mut vote = |b: &mut ConversationBuilder, p: usize, s: usize, v: i8| {
        t += 1;
        b.vote(&p.to_string(), &s.to_string(), v, Some(t)).unwrap();
    };
    for p in 0..20 {
        for s in 0..3 {
            vote(&mut b, p, s, if (p < 10) == (s == 0) { 1 } else { -1 });
        }
    }
    for p in 0..19 {
        for s in 3..10 {
            vote(&mut b, p, s, if (p < 10) == (s % 2 == 0) { 1 } else { -1 });
        }
    }
    let c = b.build();
    let (r, state, ups) = replay(&c, &PolisOptions::default(), &ReplaySchedule { min_votes: 10, growth: 0.0 });
    assert!(ups.len() > 5);
    // Participant 19 voted only in the first phase (3 votes), yet stays in the analysis.
    assert!(r.in_conv[c.participants.iter().position(|p| p == "19").unwrap()]);
    let one_shot = analyze_conversation(&c, &PolisOptions::default());
    assert!(!one_shot.in_conv[c.participants.iter().position(|p| p == "19").unwrap()]);
    assert_eq!(state.updates, ups.len());
    assert_eq!(r.k, 2);
    // A state serialises (so an application can store it between updates).
    let json = serde_json::to_string(&state).unwrap();
    let back: PolisState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
}

#[test]
fn degenerate_conversations_do_not_panic() {
    let o = PolisOptions::default();
    // Nothing at all.
    let empty = ConversationBuilder::new().build();
    let r = analyze_conversation(&empty, &o);
    assert_eq!(r.k, 0);
    assert!(r.groups.is_empty());
    // One participant, one vote.
    let mut b = ConversationBuilder::new();
    b.vote("a", "s", 1, None).unwrap();
    let r = analyze_conversation(&b.build(), &o);
    assert!(r.k <= 1);
    // Everyone identical; every statement moderated out; a meta statement.
    let mut b = ConversationBuilder::new();
    for i in 0..30 {
        for j in 0..5 {
            b.vote(&i.to_string(), &j.to_string(), 1, None).unwrap();
        }
    }
    let same = b.build();
    let r = analyze_conversation(&same, &o);
    assert!(r.k <= 1, "identical voters form one group, k = {}", r.k);
    let mut b = ConversationBuilder::new();
    for j in 0..3 {
        b.statement(&j.to_string(), "", true, j == 2);
    }
    for i in 0..20 {
        for j in 0..3 {
            b.vote(&i.to_string(), &j.to_string(), if i % 2 == 0 { 1 } else { -1 }, None).unwrap();
        }
    }
    let c = b.build();
    let r = analyze_conversation(&c, &o);
    assert_eq!(r.n_active, 0);
    assert_eq!(r.statements[2].priority, 49.0);
    // Replay, bridging, unity, the report and the map on these.
    for conv in [&empty, &same, &c] {
        let (r, _, _) = replay(conv, &o, &ReplaySchedule::default());
        let m = conv.matrix();
        let active = conv.active();
        let model = fit_als(&m, &active, &BridgingOptions::default());
        assert!(model.loss.is_finite());
        let adam = consensus::bridging::fit_adam(&m, &active, &BridgingOptions::default());
        assert!(adam.loss.is_finite());
        let report = Report::new(conv, &r, None, vec![]);
        report.write_json(Vec::new()).unwrap();
        let svg = opinion_map(&r, "x", &[], &SvgOptions::default());
        assert!(svg.ends_with("</svg>"));
    }
}

/// The incremental update the application runs as votes arrive: a conversation that grows (new participants,
/// new statements) is analysed from the previous state and ends where a fresh analysis of the whole finds the
/// same groups.
#[test]
fn a_growing_conversation_updated_incrementally_finds_the_planted_groups() {
    use consensus::data::VoteLog;
    use consensus::pipeline::{AnalysisOptions, analyze_update};
    let synth = Synth::new(SynthOptions {
        participants: 600,
        statements: 40,
        votes_per_participant: 30.0,
        consistency: 0.9,
        seed: 5,
        ..SynthOptions::default()
    });
    let full = synth.log();
    let planted = synth.planted();
    let options = AnalysisOptions::default();
    let mut state = PolisState::default();
    let mut last = None;
    let mut last_conv = Conversation::default();
    for share in [0.3, 0.6, 1.0] {
        let n_p = (600.0 * share) as u32;
        let keep: Vec<usize> = (0..full.len()).filter(|&k| full.participant[k] < n_p).collect();
        let log = VoteLog {
            participant: keep.iter().map(|&k| full.participant[k]).collect(),
            statement: keep.iter().map(|&k| full.statement[k]).collect(),
            value: keep.iter().map(|&k| full.value[k]).collect(),
            time: None,
        };
        let conv = Conversation {
            participants: (0..n_p).map(|i| i.to_string()).collect(),
            statements: (0..40)
                .map(|j| consensus::data::Statement { id: j.to_string(), ..Default::default() })
                .collect(),
            log,
            attributes: Vec::new(),
        };
        let analysis = analyze_update(&conv, &options, &mut state);
        assert_eq!(analysis.result.group_of.len(), n_p as usize);
        last = Some(analysis);
        last_conv = conv;
    }
    let last = last.expect("three updates");
    assert_eq!(state.updates, 3, "every update warm-started from the one before");
    let found: Vec<u32> = last.result.group_of.iter().map(|g| g.unwrap_or(u32::MAX)).collect();
    let ari = adjusted_rand_index(&found, &planted);
    assert!(ari > 0.9, "the planted groups are found incrementally: ARI {ari}");
    let fresh = consensus::pipeline::analyze_full(&last_conv, &options);
    let fresh: Vec<u32> = fresh.result.group_of.iter().map(|g| g.unwrap_or(u32::MAX)).collect();
    assert!(ari >= adjusted_rand_index(&fresh, &planted) - 0.05, "as good as a fresh analysis of the whole");
}

/// A group keeps its id (its letter and colour on the page) from one update to the next while it is the same
/// people, whatever order the clustering returns the groups in.
#[test]
fn groups_keep_their_ids_across_updates() {
    use consensus::pipeline::{AnalysisOptions, analyze_update};
    use consensus::polis::stable_ids;
    // The same people, numbered the other way round; a new group takes the id left over.
    let last = [Some(0), Some(0), Some(1), Some(1), Some(2), None];
    assert_eq!(stable_ids(&last, &[Some(1), Some(1), Some(0), Some(0), Some(2), Some(2)], 3), vec![1, 0, 2]);
    assert_eq!(stable_ids(&last, &[Some(2), Some(2), Some(0), Some(0), Some(1), None], 3), vec![1, 2, 0]);
    assert_eq!(stable_ids(&[], &[Some(0), Some(1)], 2), vec![0, 1], "nothing to keep: as they come");
    // Fewer groups than before: ids stay within 0..k.
    assert_eq!(stable_ids(&last, &[Some(0), Some(0), Some(0), Some(0), Some(1), None], 2), vec![0, 1]);

    let synth = Synth::new(SynthOptions {
        participants: 400,
        statements: 30,
        votes_per_participant: 25.0,
        consistency: 0.9,
        seed: 11,
        ..SynthOptions::default()
    });
    let conv = Conversation {
        participants: (0..400).map(|i| i.to_string()).collect(),
        statements: (0..30).map(|j| consensus::data::Statement { id: j.to_string(), ..Default::default() }).collect(),
        log: synth.log(),
        attributes: Vec::new(),
    };
    let options = AnalysisOptions::default();
    let mut state = consensus::polis::PolisState::default();
    let first = analyze_update(&conv, &options, &mut state).result.group_of;
    // The clustering's warm starts come back in another order (as a restart or a change of k would have them).
    for centres in &mut state.group_centres {
        centres.reverse();
    }
    let second = analyze_update(&conv, &options, &mut state).result.group_of;
    assert!(first.iter().flatten().any(|g| *g > 0), "more than one group");
    assert_eq!(first, second, "the same people, the same ids");
}

/// The analyst refits the bridging model at every update: started from the last fit, it converges in a fraction of
/// the sweeps to as good a fit, on the same conversation and on one grown since.
#[test]
fn a_warm_started_bridging_fit_converges_faster_to_as_good_a_fit() {
    use consensus::bridging::fit_als_from;
    let grown = synthetic(11, 400, 40);
    let o = BridgingOptions::default();
    let m = grown.matrix();
    let active = grown.active();
    let cold = fit_als(&m, &active, &o);
    let again = fit_als_from(&m, &active, &o, Some(&cold));
    assert!(again.iterations * 4 <= cold.iterations, "{} sweeps warm, {} cold", again.iterations, cold.iterations);
    let most =
        cold.statement_intercept.iter().zip(&again.statement_intercept).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    assert!(most < 1e-3, "the same fit: intercepts differ by {most}");
    // Fitted on the first 300 participants, then warm-started on all 400.
    let earlier = synthetic(11, 300, 40);
    let first = fit_als(&earlier.matrix(), &earlier.active(), &o);
    let warm = fit_als_from(&m, &active, &o, Some(&first));
    assert!(warm.iterations < cold.iterations, "{} sweeps warm, {} cold", warm.iterations, cold.iterations);
    assert!(warm.loss <= cold.loss * (1.0 + 1e-3), "as good a fit: {} warm, {} cold", warm.loss, cold.loss);
}
