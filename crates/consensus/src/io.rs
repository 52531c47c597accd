//! Input adapters: the Pol.is export format and the plain votes CSV, from any `Read`.
//!
//! Pol.is export (`compdemocracy/openData`): `comments.csv` (`comment-id`, `moderated` with −1 = moderated
//! out, `comment-body`, optional `is-meta`), `votes.csv` (`timestamp`, `comment-id`, `voter-id`, `vote` with
//! 1 agree, −1 disagree, 0 pass), `participants-votes.csv` (`participant`, `group-id`, …).

use std::io::Read;

use crate::data::{Conversation, ConversationBuilder, InputError};

fn csv_err(e: csv::Error) -> InputError {
    InputError(format!("CSV: {e}"))
}

fn column(headers: &csv::StringRecord, name: &str) -> Result<usize, InputError> {
    headers.iter().position(|h| h.trim() == name).ok_or_else(|| InputError(format!("missing column `{name}`")))
}

fn parse_vote(s: &str) -> Result<i8, InputError> {
    match s.trim() {
        "1" | "1.0" => Ok(1),
        "-1" | "-1.0" => Ok(-1),
        "0" | "0.0" => Ok(0),
        other => Err(InputError(format!("vote `{other}` is not 1, -1 or 0"))),
    }
}

/// Adds the statements of a Pol.is `comments.csv`.
pub fn add_polis_comments(b: &mut ConversationBuilder, r: impl Read) -> Result<(), InputError> {
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let id = column(&h, "comment-id")?;
    let moderated = column(&h, "moderated").ok();
    let body = column(&h, "comment-body").ok();
    let meta = column(&h, "is-meta").ok();
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim();
        let out = get(moderated) == "-1";
        let is_meta = matches!(get(meta), "1" | "true" | "TRUE" | "True");
        b.statement(get(Some(id)), get(body), out, is_meta);
    }
    Ok(())
}

/// Adds the votes of a Pol.is `votes.csv` (with their timestamps).
pub fn add_polis_votes(b: &mut ConversationBuilder, r: impl Read) -> Result<(), InputError> {
    let mut rd = csv::Reader::from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let (t, c, p, v) =
        (column(&h, "timestamp")?, column(&h, "comment-id")?, column(&h, "voter-id")?, column(&h, "vote")?);
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        let time = rec[t].trim().parse::<u64>().map_err(|e| InputError(format!("timestamp `{}`: {e}", &rec[t])))?;
        b.vote(rec[p].trim(), rec[c].trim(), parse_vote(&rec[v])?, Some(time))?;
    }
    Ok(())
}

/// Reads a Pol.is export from its `comments.csv` and `votes.csv`.
pub fn read_polis(comments: impl Read, votes: impl Read) -> Result<Conversation, InputError> {
    let mut b = ConversationBuilder::new();
    add_polis_comments(&mut b, comments)?;
    add_polis_votes(&mut b, votes)?;
    Ok(b.build())
}

/// The columns of `participants-votes.csv` that are not comment ids.
const MATRIX_COLUMNS: [&str; 6] = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"];

/// The last votes of a Pol.is `participants-votes.csv` (a participant a row, a comment a column, an empty cell for
/// no vote): (participant, comment id, vote). Some public exports ship it without `votes.csv`; it has no times, so
/// a conversation read from it cannot be replayed.
pub fn polis_matrix_votes(r: impl Read) -> Result<Vec<(String, String, i8)>, InputError> {
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let p = column(&h, "participant")?;
    let comments: Vec<(usize, String)> = h
        .iter()
        .enumerate()
        .filter(|(_, name)| !MATRIX_COLUMNS.contains(&name.trim()))
        .map(|(i, name)| (i, name.trim().to_owned()))
        .collect();
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        let participant = rec.get(p).unwrap_or("").trim();
        for (i, comment) in &comments {
            match rec.get(*i).map(str::trim) {
                Some(cell) if !cell.is_empty() => {
                    let vote = parse_vote(cell)
                        .map_err(|e| InputError(format!("participant {participant}, comment {comment}: {}", e.0)))?;
                    out.push((participant.to_owned(), comment.clone(), vote));
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// Adds the last votes of a Pol.is `participants-votes.csv` (no times: see [`polis_matrix_votes`]).
pub fn add_polis_matrix(b: &mut ConversationBuilder, r: impl Read) -> Result<(), InputError> {
    for (participant, comment, vote) in polis_matrix_votes(r)? {
        b.vote(&participant, &comment, vote, None)?;
    }
    Ok(())
}

/// Reads Pol.is's own groups from `participants-votes.csv`: (participant id, group-id or None).
pub fn read_polis_groups(r: impl Read) -> Result<Vec<(String, Option<u32>)>, InputError> {
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let (p, g) = (column(&h, "participant")?, column(&h, "group-id")?);
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        let group = rec.get(g).map(str::trim).filter(|s| !s.is_empty());
        let group =
            group.map(|s| s.parse::<u32>().map_err(|e| InputError(format!("group-id `{s}`: {e}")))).transpose()?;
        out.push((rec[p].trim().to_owned(), group));
    }
    Ok(out)
}

/// Adds votes from the plain CSV: header `participant_id,statement_id,vote` (1 agree, −1 disagree, 0 pass),
/// with an optional `time` column. Without times, a later line beats an earlier one.
pub fn add_votes_csv(b: &mut ConversationBuilder, r: impl Read) -> Result<(), InputError> {
    let mut rd = csv::Reader::from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let (p, s, v) = (column(&h, "participant_id")?, column(&h, "statement_id")?, column(&h, "vote")?);
    let t = column(&h, "time").ok();
    let mut rec = csv::ByteRecord::new();
    while rd.read_byte_record(&mut rec).map_err(csv_err)? {
        let field = |i: usize| std::str::from_utf8(&rec[i]).map_err(|_| InputError("CSV: not UTF-8".into()));
        let time = match t {
            Some(t) => Some(field(t)?.trim().parse::<u64>().map_err(|e| InputError(format!("time: {e}")))?),
            None => None,
        };
        b.vote(field(p)?.trim(), field(s)?.trim(), parse_vote(field(v)?)?, time)?;
    }
    Ok(())
}

/// Reads a plain votes CSV.
pub fn read_votes_csv(r: impl Read) -> Result<Conversation, InputError> {
    let mut b = ConversationBuilder::new();
    add_votes_csv(&mut b, r)?;
    Ok(b.build())
}

/// Adds declared attributes from a CSV `participant_id,<attribute>,<attribute>…` (empty = undeclared).
pub fn add_attributes_csv(b: &mut ConversationBuilder, r: impl Read) -> Result<(), InputError> {
    let mut rd = csv::Reader::from_reader(r);
    let h = rd.headers().map_err(csv_err)?.clone();
    let p = column(&h, "participant_id")?;
    for rec in rd.records() {
        let rec = rec.map_err(csv_err)?;
        for (i, name) in h.iter().enumerate() {
            let value = rec.get(i).unwrap_or("").trim();
            if i != p && !value.is_empty() {
                b.attribute(rec[p].trim(), name.trim(), value);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_of_last_votes_gives_one_vote_a_filled_cell() {
        let matrix = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n\
                      7,1,0,2,1,1,1,,-1\n\
                      8,,0,1,0,0,,0,\n";
        let votes = polis_matrix_votes(matrix.as_bytes()).unwrap();
        let expected = [("7", "0", 1), ("7", "2", -1), ("8", "1", 0)];
        assert_eq!(votes.len(), expected.len());
        for ((p, c, v), (ep, ec, ev)) in votes.iter().zip(expected) {
            assert_eq!((p.as_str(), c.as_str(), *v), (ep, ec, ev));
        }
        let bad = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0\n7,1,0,1,1,0,2\n";
        let error = polis_matrix_votes(bad.as_bytes()).unwrap_err();
        assert!(error.0.contains("participant 7, comment 0"), "{}", error.0);
    }

    #[test]
    fn reads_a_small_polis_export() {
        let comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
                        1,x,0,1,1,0,1,\"Hello, world\"\n2,x,1,1,0,0,-1,bad\n";
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n5,x,0,7,1\n3,x,1,7,-1\n4,x,0,7,-1\n";
        let c = read_polis(comments.as_bytes(), votes.as_bytes()).unwrap();
        assert_eq!(c.statements[0].text, "Hello, world");
        assert!(c.statements[1].moderated_out);
        let m = c.matrix();
        // The vote at time 5 beats the one at time 4.
        assert_eq!(m.row(0), (&[0u32, 1][..], &[1i8, -1][..]));
        let groups = read_polis_groups("participant,group-id,n\n0,1,3\n1,,2\n".as_bytes()).unwrap();
        assert_eq!(groups, vec![("0".into(), Some(1)), ("1".into(), None)]);
    }

    #[test]
    fn reads_plain_votes_and_attributes() {
        let mut b = ConversationBuilder::new();
        add_votes_csv(&mut b, "participant_id,statement_id,vote\na,s1,1\na,s1,-1\nb,s2,0\n".as_bytes()).unwrap();
        add_attributes_csv(&mut b, "participant_id,region\na,KZ-AST\nb,\n".as_bytes()).unwrap();
        let c = b.build();
        assert_eq!(c.matrix().row(0), (&[0u32][..], &[-1i8][..]));
        assert_eq!(c.attributes[0].of_participant, vec![Some(0), None]);
        assert!(read_votes_csv("participant_id,statement_id,vote\na,b,7\n".as_bytes()).is_err());
        assert!(read_votes_csv("who,what\n".as_bytes()).is_err());
    }
}
