#!/usr/bin/env bash
# Compare this crate with red-dwarf 0.4.0 on the same synthetic conversation: time, peak memory and ARI
# (between the two, and of each against the planted groups). Not a CI test; run by hand:
#   bash crates/consensus/scripts/redwarf_compare.sh [participants] [statements] [votes_per_participant]
# Defaults: 50,000 × 1,000 × 100 (5 million votes). Needs python3 with venv, and network access to PyPI
# the first time. Results go to $OUT (default /tmp/consensus-redwarf).
set -euo pipefail
P=${1:-50000}; S=${2:-1000}; V=${3:-100}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OUT=${OUT:-/tmp/consensus-redwarf}
VENV=${VENV:-$HOME/.cache/reddwarf-venv}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/birlik-target-consensus}
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import reddwarf" 2>/dev/null || "$VENV/bin/pip" install -q "red-dwarf==0.4.0"
(cd "$ROOT" && cargo build -q --release -p consensus --example analyze)
BIN=$CARGO_TARGET_DIR/release/examples/analyze
"$BIN" synth --participants "$P" --statements "$S" --votes-per-participant "$V" --seed 7 \
  --out "$OUT/votes.csv" --groups-out "$OUT/planted.csv"
echo "== ours (analysis A only; the time includes reading the CSV)"
/usr/bin/time -v "$BIN" analyze --votes "$OUT/votes.csv" --bridging none --json "$OUT/ours.json" 2> "$OUT/ours.time"
grep -E "participants|Elapsed|Maximum resident" "$OUT/ours.time"
"$VENV/bin/python" - "$OUT/ours.json" "$OUT/ours.csv" <<'PY'
import json, sys, csv
d = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f); w.writerow(["participant_id", "group"])
    for p in d["participants"]:
        w.writerow([p["id"], "" if p["group"] is None else p["group"]])
PY
echo "== red-dwarf 0.4.0"
/usr/bin/time -v "$VENV/bin/python" "$HERE/redwarf_compare.py" "$OUT/votes.csv" "$OUT/redwarf.csv" 2> "$OUT/redwarf.time"
grep -E "red-dwarf:|Elapsed|Maximum resident" "$OUT/redwarf.time"
echo "== agreement"
"$VENV/bin/python" "$HERE/ari.py" "$OUT/ours.csv" "$OUT/redwarf.csv"
"$VENV/bin/python" "$HERE/ari.py" "$OUT/ours.csv" "$OUT/planted.csv"
"$VENV/bin/python" "$HERE/ari.py" "$OUT/redwarf.csv" "$OUT/planted.csv"
