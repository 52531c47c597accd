"""Cross-check of our representative statements, consensus and group-aware consensus against red-dwarf's
implementation of the same Pol.is formulas, given OUR groups (so that only the formulas are compared).
Not a CI test. Run with red-dwarf's venv:

  analyze --polis-dir DIR --json ours.json
  python redwarf_formulas.py DIR ours.json
"""
import csv
import json
import sys

from reddwarf.utils.consensus import select_consensus_statements
from reddwarf.utils.matrix import generate_raw_matrix
from reddwarf.utils.stats import calculate_comment_statistics_dataframes, select_representative_statements


def main():
    folder, ours_path = sys.argv[1], sys.argv[2]
    last = {}
    with open(f"{folder}/votes.csv") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["timestamp"]))
    for r in rows:
        last[(int(r["voter-id"]), int(r["comment-id"]))] = (int(r["vote"]), int(r["timestamp"]))
    votes = [{"participant_id": p, "statement_id": s, "vote": v, "modified": t} for (p, s), (v, t) in last.items()]
    with open(f"{folder}/comments.csv") as f:
        mod_out = [int(r["comment-id"]) for r in csv.DictReader(f) if r["moderated"].strip() == "-1"]
    raw = generate_raw_matrix(votes=votes)
    ours = json.load(open(ours_path))
    group_of = {int(p["id"]): p["group"] for p in ours["participants"] if p["group"] is not None}
    ids = [i for i in raw.index if i in group_of]
    labels = [group_of[i] for i in ids]
    stats, gac = calculate_comment_statistics_dataframes(vote_matrix=raw.loc[ids, :], cluster_labels=labels)
    rep = select_representative_statements(grouped_stats_df=stats, mod_out_statement_ids=mod_out, pick_max=5)
    cons = select_consensus_statements(vote_matrix=raw, mod_out_statement_ids=mod_out, pick_max=5)

    same_rep = 0
    for g in ours["groups"]:
        mine = [(int(s["statement"]), s["repful_for"]) for s in g["representative"]]
        theirs = [(int(s["tid"]), s["repful-for"]) for s in rep.get(g["id"], [])]
        if mine == theirs:
            same_rep += 1
        else:
            print(f"  group {g['id']}: ours {mine}\n           red-dwarf {theirs}")
    mine_a = [int(s["statement"]) for s in ours["consensus"]["agree"]]
    mine_d = [int(s["statement"]) for s in ours["consensus"]["disagree"]]
    their_a = [int(s["tid"]) for s in cons["agree"]]
    their_d = [int(s["tid"]) for s in cons["disagree"]]
    gic = {int(s["statement"]): (s["agree"], s["disagree"]) for s in ours["group_informed_consensus"]}
    diff = max(
        max(abs(gic[t][0] - gac.loc[t, "group-aware-consensus-agree"]), abs(gic[t][1] - gac.loc[t, "group-aware-consensus-disagree"]))
        for t in gic
    )
    print(
        f"{folder.rstrip('/').split('/')[-1]}: representative lists identical for {same_rep}/{len(ours['groups'])} groups; "
        f"consensus agree {'=' if mine_a == their_a else '≠'} ({mine_a} vs {their_a}), "
        f"disagree {'=' if mine_d == their_d else '≠'} ({mine_d} vs {their_d}); "
        f"group-aware consensus max |difference| {diff:.2e}"
    )


if __name__ == "__main__":
    main()
