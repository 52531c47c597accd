//! The input model: participants, statements, the vote log and declared attributes, and the sparse
//! participant × statement vote matrix (CSR) built from the log with "the last vote wins".

use std::collections::HashMap;

use rayon::prelude::*;

/// Agree, as exported by Pol.is (Pol.is stores agree as −1 internally; this crate speaks the export convention).
pub const AGREE: i8 = 1;
/// Disagree.
pub const DISAGREE: i8 = -1;
/// Pass (seen, no opinion). A pass is a vote: it counts as seen.
pub const PASS: i8 = 0;

/// A statement and its moderation state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Statement {
    /// External id.
    pub id: String,
    /// Text, if known (only ever written escaped).
    pub text: String,
    /// Moderated out: excluded from the analysis (its column is zeroed).
    pub moderated_out: bool,
    /// A meta statement (about the conversation itself): excluded from the analysis, routed first.
    pub is_meta: bool,
}

impl Statement {
    /// Whether the statement takes part in the analysis.
    pub fn is_active(&self) -> bool {
        !self.moderated_out && !self.is_meta
    }
}

/// A declared attribute of participants (region, ethnic group, language …).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribute {
    /// Name of the attribute, e.g. `region`.
    pub name: String,
    /// The distinct values, in sorted order.
    pub values: Vec<String>,
    /// For every participant, the index of its value, if declared.
    pub of_participant: Vec<Option<u32>>,
}

/// The vote log in structure-of-arrays form, in arrival order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoteLog {
    /// Participant index of each vote.
    pub participant: Vec<u32>,
    /// Statement index of each vote.
    pub statement: Vec<u32>,
    /// Value of each vote: 1 agree, −1 disagree, 0 pass.
    pub value: Vec<i8>,
    /// Time of each vote, when known. Without times, arrival order decides which vote is the last.
    pub time: Option<Vec<u64>>,
}

impl VoteLog {
    /// Number of votes in the log.
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Whether the log is empty.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Vote positions in time order (ties: arrival order). Without times, the identity.
    pub fn time_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        if let Some(t) = &self.time {
            order.sort_by_key(|&i| (t[i], i));
        }
        order
    }
}

/// A whole conversation with canonical indices: participants and statements are numbered in the natural
/// order of their ids (numeric when every id is a number, else lexicographic), so numbering never depends
/// on the order in which votes arrived.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversation {
    /// External participant ids, by index.
    pub participants: Vec<String>,
    /// Statements, by index.
    pub statements: Vec<Statement>,
    /// The vote log.
    pub log: VoteLog,
    /// Declared attributes of participants.
    pub attributes: Vec<Attribute>,
}

impl Conversation {
    /// The vote matrix of the whole log.
    pub fn matrix(&self) -> VoteMatrix {
        VoteMatrix::from_log(&self.log, self.participants.len(), self.statements.len(), None)
    }

    /// Which statements take part in the analysis.
    pub fn active(&self) -> Vec<bool> {
        self.statements.iter().map(Statement::is_active).collect()
    }
}

/// Error for a malformed vote or input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

#[derive(Default)]
struct Interner {
    index: HashMap<String, u32>,
    ids: Vec<String>,
}

impl Interner {
    fn get(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.index.insert(id.to_owned(), i);
        self.ids.push(id.to_owned());
        i
    }

    /// Canonical order: returns (sorted ids, old index → new index).
    fn canonical(self) -> (Vec<String>, Vec<u32>) {
        let numeric: Option<Vec<u128>> = self.ids.iter().map(|s| s.parse::<u128>().ok()).collect();
        let mut order: Vec<u32> = (0..self.ids.len() as u32).collect();
        match numeric {
            Some(n) => order.sort_by(|&a, &b| {
                n[a as usize].cmp(&n[b as usize]).then_with(|| self.ids[a as usize].cmp(&self.ids[b as usize]))
            }),
            None => order.sort_by(|&a, &b| self.ids[a as usize].cmp(&self.ids[b as usize])),
        }
        let mut remap = vec![0u32; self.ids.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut ids = self.ids;
        let sorted = order.iter().map(|&o| std::mem::take(&mut ids[o as usize])).collect();
        (sorted, remap)
    }
}

/// Builds a [`Conversation`] from votes and statements given in any order with external ids.
#[derive(Default)]
pub struct ConversationBuilder {
    participants: Interner,
    statements: Interner,
    meta: HashMap<u32, Statement>,
    log: VoteLog,
    attributes: Vec<(String, HashMap<u32, String>)>,
}

impl ConversationBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares a participant (so that one with no vote still has an index).
    pub fn participant(&mut self, id: &str) -> u32 {
        self.participants.get(id)
    }

    /// Declares or updates a statement.
    pub fn statement(&mut self, id: &str, text: &str, moderated_out: bool, is_meta: bool) {
        let i = self.statements.get(id);
        self.meta.insert(i, Statement { id: id.to_owned(), text: text.to_owned(), moderated_out, is_meta });
    }

    /// Adds a vote: `value` is 1 agree, −1 disagree, 0 pass. `time`, when given for any vote, must be
    /// given for every vote; it decides which of two votes on the same statement is the last.
    pub fn vote(&mut self, participant: &str, statement: &str, value: i8, time: Option<u64>) -> Result<(), InputError> {
        if !(-1..=1).contains(&value) {
            return Err(InputError(format!("vote value {value} is not one of 1, -1, 0")));
        }
        let p = self.participants.get(participant);
        let s = self.statements.get(statement);
        let empty = self.log.is_empty();
        match (&mut self.log.time, time) {
            (Some(t), Some(x)) => t.push(x),
            (None, Some(x)) if empty => self.log.time = Some(vec![x]),
            (None, None) => {}
            _ => return Err(InputError("either every vote has a time or none has".into())),
        }
        self.log.participant.push(p);
        self.log.statement.push(s);
        self.log.value.push(value);
        Ok(())
    }

    /// Declares an attribute value of a participant.
    pub fn attribute(&mut self, participant: &str, name: &str, value: &str) {
        let p = self.participants.get(participant);
        let slot = match self.attributes.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.attributes.push((name.to_owned(), HashMap::new()));
                self.attributes.len() - 1
            }
        };
        self.attributes[slot].1.insert(p, value.to_owned());
    }

    /// Finishes: renumbers everything canonically.
    pub fn build(self) -> Conversation {
        let (participants, premap) = self.participants.canonical();
        let (statement_ids, sremap) = self.statements.canonical();
        let mut statements: Vec<Statement> =
            statement_ids.iter().map(|id| Statement { id: id.clone(), ..Statement::default() }).collect();
        for (old, st) in self.meta {
            statements[sremap[old as usize] as usize] = st;
        }
        let mut log = self.log;
        log.participant.iter_mut().for_each(|p| *p = premap[*p as usize]);
        log.statement.iter_mut().for_each(|s| *s = sremap[*s as usize]);
        let mut attributes: Vec<Attribute> = self
            .attributes
            .into_iter()
            .map(|(name, map)| {
                let mut values: Vec<String> = map.values().cloned().collect();
                values.sort();
                values.dedup();
                let mut of_participant = vec![None; participants.len()];
                for (old, v) in map {
                    of_participant[premap[old as usize] as usize] =
                        Some(values.binary_search(&v).expect("value present") as u32);
                }
                Attribute { name, values, of_participant }
            })
            .collect();
        attributes.sort_by(|a, b| a.name.cmp(&b.name));
        Conversation { participants, statements, log, attributes }
    }
}

/// The participant × statement vote matrix in compressed sparse rows. Row `i` holds participant `i`'s
/// votes, sorted by statement, one per statement (the last one). Never dense.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoteMatrix {
    /// Number of rows (participants).
    pub n_rows: usize,
    /// Number of columns (statements).
    pub n_cols: usize,
    /// Row `i` spans `row_ptr[i]..row_ptr[i + 1]`.
    pub row_ptr: Vec<usize>,
    /// Statement of each stored vote.
    pub cols: Vec<u32>,
    /// Value of each stored vote (1, −1, 0).
    pub vals: Vec<i8>,
}

impl VoteMatrix {
    /// Number of stored votes.
    pub fn nnz(&self) -> usize {
        self.vals.len()
    }

    /// Row `i` as (statements, values).
    pub fn row(&self, i: usize) -> (&[u32], &[i8]) {
        let r = self.row_ptr[i]..self.row_ptr[i + 1];
        (&self.cols[r.clone()], &self.vals[r])
    }

    /// The matrix of a log, or of the votes at positions `prefix` (in that order): the last vote on each
    /// (participant, statement) wins. The last is the latest in `prefix` order when given, else the latest
    /// in time (ties: arrival) when the log has times, else the latest to arrive.
    pub fn from_log(log: &VoteLog, n_rows: usize, n_cols: usize, prefix: Option<&[usize]>) -> Self {
        let by_time;
        let order: Option<&[usize]> = match prefix {
            Some(p) => Some(p),
            None if log.time.is_some() => {
                by_time = log.time_order();
                Some(&by_time)
            }
            None => None,
        };
        let n = order.map_or(log.len(), <[usize]>::len);
        assert!(n < (1 << 30), "at most 2^30 votes");
        let at = |k: usize| order.map_or(k, |o| o[k]);
        // Counting sort by row, stable in the given order.
        let mut row_ptr = vec![0usize; n_rows + 1];
        for k in 0..n {
            row_ptr[log.participant[at(k)] as usize + 1] += 1;
        }
        for i in 0..n_rows {
            row_ptr[i + 1] += row_ptr[i];
        }
        // Key inside a row: statement, then rank in the order, then the value in the two low bits.
        let mut keys = vec![0u64; n];
        let mut fill = row_ptr.clone();
        for k in 0..n {
            let v = at(k);
            let r = log.participant[v] as usize;
            keys[fill[r]] = (u64::from(log.statement[v]) << 32) | ((k as u64) << 2) | (log.value[v] + 1) as u64;
            fill[r] += 1;
        }
        drop(fill);
        let mut slices: Vec<&mut [u64]> = Vec::with_capacity(n_rows);
        let mut rest = keys.as_mut_slice();
        for i in 0..n_rows {
            let (head, tail) = rest.split_at_mut(row_ptr[i + 1] - row_ptr[i]);
            slices.push(head);
            rest = tail;
        }
        let lens: Vec<usize> = slices
            .par_iter_mut()
            .with_min_len(1024)
            .map(|row| {
                row.sort_unstable();
                let mut w = 0;
                for j in 0..row.len() {
                    if j + 1 < row.len() && row[j + 1] >> 32 == row[j] >> 32 {
                        continue;
                    }
                    row[w] = row[j];
                    w += 1;
                }
                w
            })
            .collect();
        drop(slices);
        let mut out_ptr = vec![0usize; n_rows + 1];
        for i in 0..n_rows {
            out_ptr[i + 1] = out_ptr[i] + lens[i];
        }
        let nnz = out_ptr[n_rows];
        let mut cols = Vec::with_capacity(nnz);
        let mut vals = Vec::with_capacity(nnz);
        for i in 0..n_rows {
            for &e in &keys[row_ptr[i]..row_ptr[i] + lens[i]] {
                cols.push((e >> 32) as u32);
                vals.push((e & 3) as i8 - 1);
            }
        }
        Self { n_rows, n_cols, row_ptr: out_ptr, cols, vals }
    }

    /// A matrix from rows already sorted by statement without duplicates (used by the generator).
    pub fn from_sorted_rows(n_cols: usize, rows: impl IntoIterator<Item = Vec<(u32, i8)>>) -> Self {
        let mut m = Self { n_cols, row_ptr: vec![0], ..Self::default() };
        for row in rows {
            for (c, v) in row {
                m.cols.push(c);
                m.vals.push(v);
            }
            m.row_ptr.push(m.cols.len());
            m.n_rows += 1;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_vote_wins_by_time_then_arrival() {
        let mut b = ConversationBuilder::new();
        b.vote("1", "a", 1, Some(10)).unwrap();
        b.vote("1", "a", -1, Some(5)).unwrap(); // earlier time, arrives later: loses
        b.vote("1", "b", 0, Some(1)).unwrap();
        b.vote("1", "b", 1, Some(1)).unwrap(); // same time, arrives later: wins
        b.vote("0", "b", -1, Some(3)).unwrap();
        let c = b.build();
        let m = c.matrix();
        assert_eq!(c.participants, vec!["0", "1"]);
        assert_eq!(m.row(0), (&[1u32][..], &[-1i8][..]));
        assert_eq!(m.row(1), (&[0u32, 1][..], &[1i8, 1][..]));
    }

    #[test]
    fn numeric_ids_sort_numerically() {
        let mut b = ConversationBuilder::new();
        for id in ["10", "9", "100"] {
            b.vote(id, "2", 1, None).unwrap();
        }
        b.attribute("9", "region", "KZ-ALA");
        let c = b.build();
        assert_eq!(c.participants, vec!["9", "10", "100"]);
        assert_eq!(c.attributes[0].of_participant, vec![Some(0), None, None]);
    }

    #[test]
    fn rejects_bad_values_and_mixed_times() {
        let mut b = ConversationBuilder::new();
        assert!(b.vote("1", "a", 2, None).is_err());
        b.vote("1", "a", 1, None).unwrap();
        assert!(b.vote("1", "a", 1, Some(3)).is_err());
    }
}
