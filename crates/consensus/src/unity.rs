//! Cross-group unity over a declared attribute (region, ethnic group, language): for each statement, the
//! agree rate in each declared group with a Wilson lower bound; unity is the least of these bounds over the
//! groups with at least k voters on it. A statement is flagged divided when the whole population agrees
//! (agree rate above ½) while some group's disagree lower bound exceeds ½.
//!
//! k-anonymity: no output reveals a group smaller than k, directly or by difference. A group is listed
//! only with at least k declared members, and a statement's figures for it only with at least k voters in
//! it; when the voters left out of a statement's listed groups (the rest, which an observer could get by
//! subtracting the listed groups from the public totals) number between 1 and k − 1, the smallest listed
//! group is withheld too, until the rest is 0 or at least k. The same rule applies to group sizes.
//!
//! Counting heads does not stop an attacker who declares k − 1 fake participants beside one real member of a
//! group: exact figures would then be that member's answers. So with [`Privacy`] set, every per-group count
//! (group size; agrees, disagrees and passes per statement) is published with two-sided geometric noise (the
//! discrete Laplace mechanism), and every rule above is applied to the noisy counts only. Each answer of one
//! person moves at most two counts of one statement by one, so each count gets ε/2: whatever the attacker knows
//! of everyone else, one table changes the odds on any one answer of any one person by at most a factor e^ε.
//! Tables compose: n tables spend n·ε. Which groups are listed still follows their exact sizes (a group under k
//! is never shown), which discloses that k participants declared it, and nothing of what any of them answered;
//! whether a statement's figures are shown for a group follows the noisy counts.

use rand::{Rng, SeedableRng, rngs::StdRng};
use serde::{Deserialize, Serialize};

use crate::data::{Attribute, VoteMatrix};

/// Settings of the unity analysis.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct UnityOptions {
    /// The k of k-anonymity and the least group considered.
    pub k: usize,
    /// z of the Wilson bounds (1.96: 95 % two-sided).
    pub z: f64,
    /// Noise on per-group counts; None publishes exact counts (offline analysis of data one already holds).
    #[serde(skip)]
    pub privacy: Option<Privacy>,
}

impl Default for UnityOptions {
    fn default() -> Self {
        Self { k: 10, z: 1.96, privacy: None }
    }
}

/// Differential privacy of one published table.
#[derive(Clone, PartialEq)]
pub struct Privacy {
    /// ε per answer for this table: the most one answer of one person can change the log-odds of the table.
    pub epsilon: f64,
    /// The noise's seed: drawn from the operating system for each table, so that nobody can predict it, and never
    /// drawn again for the same table (repeated draws would average the noise away).
    pub seed: [u8; 32],
}

impl std::fmt::Debug for Privacy {
    // The seed would let anyone subtract the noise: it stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Privacy").field("epsilon", &self.epsilon).finish_non_exhaustive()
    }
}

/// The discrete Laplace mechanism: `n` plus the difference of two geometric variables of ratio α = e^−ε, so that
/// the probability of each output changes by at most a factor e^ε when `n` changes by one. Clamped at 0
/// (post-processing, which keeps the guarantee).
struct Noise(StdRng);

impl Noise {
    fn geometric(&mut self, epsilon: f64) -> i64 {
        // P(G = g) = (1 − α) α^g, by inversion: ⌊ln U / ln α⌋ for U uniform in (0, 1].
        let u: f64 = 1.0 - self.0.random::<f64>();
        (u.ln() / -epsilon).floor() as i64
    }

    fn count(&mut self, n: u32, epsilon: f64) -> u32 {
        let noisy = i64::from(n) + self.geometric(epsilon) - self.geometric(epsilon);
        noisy.clamp(0, i64::from(u32::MAX)) as u32
    }
}

/// Wilson score interval lower bound of `s` successes in `n` trials (0 when n = 0).
pub fn wilson_lower(s: u32, n: u32, z: f64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    let p = s as f64 / n;
    let z2 = z * z;
    ((p + z2 / (2.0 * n) - z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt()) / (1.0 + z2 / n)).max(0.0)
}

/// One group's figures on one statement.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GroupRate {
    /// The attribute value (the group's name).
    pub group: String,
    /// Voters of the group on the statement (passes included).
    pub voters: u32,
    /// Agrees.
    pub agree: u32,
    /// Disagrees.
    pub disagree: u32,
    /// agree / voters.
    pub agree_rate: f64,
    /// Wilson lower bound of the agree rate.
    pub agree_lower: f64,
    /// Wilson lower bound of the disagree rate.
    pub disagree_lower: f64,
}

/// Unity of one statement.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StatementUnity {
    /// Statement index.
    pub statement: u32,
    /// All voters on it.
    pub voters: u32,
    /// Agree rate of all voters.
    pub agree_rate: f64,
    /// Least agree lower bound over the listed groups; None when no group can be listed.
    pub unity: Option<f64>,
    /// Whole population agrees but a listed group disagrees (its disagree lower bound above ½).
    pub division: bool,
    /// The listed groups, by name.
    pub groups: Vec<GroupRate>,
}

/// Unity over one attribute.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AttributeUnity {
    /// Attribute name.
    pub attribute: String,
    /// k used.
    pub k: usize,
    /// Listed groups and their declared sizes.
    pub groups: Vec<(String, u32)>,
    /// Per active statement, by decreasing unity (statements without any listed group last).
    pub statements: Vec<StatementUnity>,
}

/// Keeps the entries (name, count) whose count ≥ k, then withholds the smallest until the rest
/// (`total` − listed) is 0 or ≥ k. Returns the indices kept.
fn k_anonymous(counts: &[u32], total: u32, k: u32) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] >= k && counts[i] > 0).collect();
    kept.sort_by_key(|&i| (std::cmp::Reverse(counts[i]), i));
    loop {
        let listed: u32 = kept.iter().map(|&i| counts[i]).sum();
        // Noisy counts may sum past the exact total.
        let rest = total.saturating_sub(listed);
        if rest == 0 || rest >= k || kept.is_empty() {
            return kept;
        }
        kept.pop();
    }
}

/// Cross-group unity of every active statement over one attribute.
pub fn unity(m: &VoteMatrix, active: &[bool], attr: &Attribute, opts: &UnityOptions) -> AttributeUnity {
    let n_g = attr.values.len();
    let k = opts.k as u32;
    let mut size = vec![0u32; n_g];
    for g in attr.of_participant.iter().flatten() {
        size[*g as usize] += 1;
    }
    // Counts per (group, statement) and for everyone: agree, disagree, voters.
    let mut counts = vec![[0u32; 3]; n_g * m.n_cols];
    let mut all = vec![[0u32; 3]; m.n_cols];
    for i in 0..m.n_rows {
        let g = attr.of_participant.get(i).copied().flatten();
        let (cols, vals) = m.row(i);
        for (&j, &v) in cols.iter().zip(vals) {
            let j = j as usize;
            let add = |c: &mut [u32; 3]| {
                c[2] += 1;
                if v > 0 {
                    c[0] += 1;
                } else if v < 0 {
                    c[1] += 1;
                }
            };
            add(&mut all[j]);
            if let Some(g) = g {
                add(&mut counts[g as usize * m.n_cols + j]);
            }
        }
    }
    // Which groups are listed follows the exact sizes, so that a group under k is never shown: that discloses no
    // more than that k members declared it. Everything published of a listed group is noisy under [`Privacy`].
    let listed = k_anonymous(&size, m.n_rows as u32, k);
    let mut shown_size = size.clone();
    if let Some(p) = &opts.privacy {
        // A size moves by one per person, the three counts of a statement by one each per answer (two when an
        // answer changes): ε for a size, ε/2 for each count.
        let mut noise = Noise(StdRng::from_seed(p.seed));
        shown_size.iter_mut().for_each(|n| *n = noise.count(*n, p.epsilon));
        let half = p.epsilon / 2.0;
        for c in counts.iter_mut() {
            let pass = c[2] - c[0] - c[1];
            let (agree, disagree, pass) = (noise.count(c[0], half), noise.count(c[1], half), noise.count(pass, half));
            *c = [agree, disagree, agree + disagree + pass];
        }
    }
    let groups = listed.iter().map(|&g| (attr.values[g].clone(), shown_size[g])).collect();
    let mut statements: Vec<StatementUnity> = (0..m.n_cols)
        .filter(|&j| active[j])
        .map(|j| {
            let voters: Vec<u32> =
                (0..n_g).map(|g| if listed.contains(&g) { counts[g * m.n_cols + j][2] } else { 0 }).collect();
            let shown = k_anonymous(&voters, all[j][2], k);
            let mut rates: Vec<GroupRate> = shown
                .iter()
                .map(|&g| {
                    let c = counts[g * m.n_cols + j];
                    GroupRate {
                        group: attr.values[g].clone(),
                        voters: c[2],
                        agree: c[0],
                        disagree: c[1],
                        agree_rate: c[0] as f64 / c[2] as f64,
                        agree_lower: wilson_lower(c[0], c[2], opts.z),
                        disagree_lower: wilson_lower(c[1], c[2], opts.z),
                    }
                })
                .collect();
            rates.sort_by(|a, b| a.group.cmp(&b.group));
            let agree_rate = if all[j][2] > 0 { all[j][0] as f64 / all[j][2] as f64 } else { 0.0 };
            let unity = rates.iter().map(|r| r.agree_lower).reduce(f64::min);
            let division = agree_rate > 0.5 && rates.iter().any(|r| r.disagree_lower > 0.5);
            StatementUnity { statement: j as u32, voters: all[j][2], agree_rate, unity, division, groups: rates }
        })
        .collect();
    statements.sort_by(|a, b| {
        b.unity.unwrap_or(-1.0).total_cmp(&a.unity.unwrap_or(-1.0)).then(a.statement.cmp(&b.statement))
    });
    AttributeUnity { attribute: attr.name.clone(), k: opts.k, groups, statements }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::ConversationBuilder;

    #[test]
    fn wilson_by_hand() {
        // s = 8, n = 10, z = 1.96: p = 0.8, (0.8 + 0.19208 − 1.96·√(0.016 + 0.00096040)) / 1.38416.
        let expect = (0.8 + 0.19208 - 1.96 * (0.016f64 + 0.009604).sqrt()) / 1.38416;
        assert!((wilson_lower(8, 10, 1.96) - expect).abs() < 1e-12);
        assert_eq!(wilson_lower(0, 0, 1.96), 0.0);
        assert_eq!(wilson_lower(0, 5, 1.96), 0.0);
    }

    #[test]
    fn k_anonymous_withholds_by_difference() {
        // Groups of 12, 11 and 3 out of 26: 3 < k is dropped, the rest (3) would reveal it, so 11 goes too.
        assert_eq!(k_anonymous(&[12, 11, 3], 26, 10), vec![0]);
        // With 10 more unlisted participants the rest is 13 ≥ k: both large groups stay.
        assert_eq!(k_anonymous(&[12, 11, 3], 36, 10), vec![0, 1]);
        assert_eq!(k_anonymous(&[12, 11], 23, 10), vec![0, 1]);
    }

    #[test]
    fn unity_division_and_small_groups() {
        let mut b = ConversationBuilder::new();
        // Region A: 20 people agree with s; region B: 12 people disagree; region C: 2 people (too small).
        for i in 0..20 {
            b.vote(&format!("a{i}"), "s", 1, None).unwrap();
            b.attribute(&format!("a{i}"), "region", "A");
        }
        for i in 0..12 {
            b.vote(&format!("b{i}"), "s", -1, None).unwrap();
            b.attribute(&format!("b{i}"), "region", "B");
        }
        for i in 0..2 {
            b.vote(&format!("c{i}"), "s", 1, None).unwrap();
            b.attribute(&format!("c{i}"), "region", "C");
        }
        // 10 undeclared agreeing voters, so the rest (12) is large enough to list A and B.
        for i in 0..10 {
            b.vote(&format!("u{i}"), "s", 1, None).unwrap();
        }
        let c = b.build();
        let u = unity(&c.matrix(), &[true], &c.attributes[0], &UnityOptions::default());
        let names: Vec<&str> = u.groups.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["A", "B"]);
        let s = &u.statements[0];
        assert_eq!(s.groups.len(), 2);
        assert!(s.division, "32 of 44 agree while B disagrees");
        assert_eq!(s.unity, Some(0.0));
        let json = serde_json::to_string(&u).unwrap();
        assert!(!json.contains("\"C\""));
    }

    /// The attack the k rule alone failed: the attacker declares fakes beside `real` true members of a group (1 to
    /// 9), knows every answer but the target's (his fakes', and even the other real members'), reads the
    /// published tables and guesses the target's answer. Returns the share of right guesses over `trials`.
    fn sybil_attack(privacy: Option<f64>, tables: usize, trials: usize) -> f64 {
        use rand::{Rng, SeedableRng, rngs::StdRng};
        let mut rng = StdRng::seed_from_u64(20261201);
        let mut right = 0.0;
        for _ in 0..trials {
            let real: usize = rng.random_range(1..=9);
            let fakes: usize = rng.random_range(10 - real..=40);
            let target: i8 = if rng.random_bool(0.5) { 1 } else { -1 };
            let mut b = ConversationBuilder::new();
            let (mut known_agree, mut known_disagree) = (0i64, 0i64);
            for i in 0..real + fakes {
                let v = match i {
                    0 => target,
                    i if i < real => [-1, 0, 1][rng.random_range(0..3)],
                    _ => 0, // the fakes pass
                };
                if i > 0 {
                    known_agree += i64::from(v > 0);
                    known_disagree += i64::from(v < 0);
                }
                b.vote(&format!("g{i}"), "s", v, None).unwrap();
                b.attribute(&format!("g{i}"), "ethnic_group", "X");
            }
            // Undeclared voters, so that the rest is large enough for the group to be listed.
            for i in 0..12 {
                b.vote(&format!("u{i}"), "s", [-1, 0, 1][i % 3], None).unwrap();
            }
            let c = b.build();
            let (m, attr) = (c.matrix(), &c.attributes[0]);
            // The best guess from all tables together: agree when the agrees left over exceed the disagrees.
            let mut evidence = 0i64;
            for _ in 0..tables {
                let opts = UnityOptions {
                    privacy: privacy.map(|epsilon| Privacy { epsilon, seed: rng.random() }),
                    ..UnityOptions::default()
                };
                let u = unity(&m, &[true], attr, &opts);
                if let Some(g) = u.statements[0].groups.iter().find(|g| g.group == "X") {
                    evidence += (i64::from(g.agree) - known_agree) - (i64::from(g.disagree) - known_disagree);
                }
            }
            right += match evidence.signum() {
                0 => 0.5,
                s => f64::from(u8::from(s == i64::from(target))),
            };
        }
        right / trials as f64
    }

    #[test]
    fn fake_participants_recover_nothing_beyond_the_privacy_budget() {
        let trials = 3000;
        let bound = |epsilon: f64| {
            // No test tells two answers apart with more than e^ε / (1 + e^ε) accuracy; allow 3 standard errors.
            let p = epsilon.exp() / (1.0 + epsilon.exp());
            p + 3.0 * (p * (1.0 - p) / trials as f64).sqrt()
        };
        assert!(sybil_attack(None, 1, 300) > 0.99, "without noise the attack reads the answer: the test is real");
        let one = sybil_attack(Some(0.5), 1, trials);
        assert!(one <= bound(0.5), "one table: {one} right guesses against a bound of {}", bound(0.5));
        eprintln!("one table: {one} right guesses");
        let all = sybil_attack(Some(0.5), 4, trials);
        eprintln!("four tables: {all} right guesses");
        assert!(all <= bound(2.0), "four tables: {all} right guesses against a bound of {}", bound(2.0));
    }
}
