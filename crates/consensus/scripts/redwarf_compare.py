"""Run red-dwarf (PyPI red-dwarf==0.4.0, the Python reimplementation of Pol.is math) on a plain votes CSV
and write its participant groups. Used by redwarf_compare.sh; not a CI test.

usage: python redwarf_compare.py VOTES.csv GROUPS_OUT.csv
"""
import csv
import sys
import time

import pandas as pd
from reddwarf.implementations.polis import run_pipeline


def main():
    votes_path, out_path = sys.argv[1], sys.argv[2]
    t0 = time.time()
    df = pd.read_csv(votes_path, dtype={"participant_id": "int64", "statement_id": "int64", "vote": "int64"})
    df["modified"] = range(len(df))
    votes = df.rename(columns={}).to_dict("records")
    t1 = time.time()
    result = run_pipeline(votes=votes, random_state=0)
    t2 = time.time()
    p = result.participants_df
    with open(out_path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["participant_id", "group"])
        for pid, g in zip(p.index, p["cluster_id"]):
            w.writerow([pid, "" if pd.isna(g) else int(g)])
    print(f"red-dwarf: load {t1 - t0:.1f} s, run_pipeline {t2 - t1:.1f} s, k = {p['cluster_id'].nunique()}", file=sys.stderr)


if __name__ == "__main__":
    main()
