#!/usr/bin/env bash
# The registry benchmark of BENCHMARKS.md: 1,000 associations and 10,000 members, imported through the CLI;
# server time in process (median, p99), then throughput and latency over loopback with wrk (64 connections).
# Needs wrk (apt-get install wrk). Usage: bench/registry.sh [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/birlik-target}"
duration="${1:-20}"
data=$(mktemp -d /tmp/birlik-bench.XXXX)
port=18181

cargo build --release -q -p birlik
birlik="$CARGO_TARGET_DIR/release/birlik"
"$birlik" --data-dir "$data" migrate --demo >/dev/null
"$birlik" --data-dir "$data" export bodies.json --out "$data/bodies.json"

python3 - "$data" <<'PY'
import csv, json, sys, random
data = sys.argv[1]
random.seed(7)
regions = ["KZ-10","KZ-11","KZ-15","KZ-19","KZ-23","KZ-27","KZ-31","KZ-33","KZ-35","KZ-39","KZ-43","KZ-47","KZ-55","KZ-59","KZ-61","KZ-62","KZ-63","KZ-71","KZ-75","KZ-79"]
groups = ["russians","uzbeks","ukrainians","uyghurs","germans","tatars","azerbaijanis","koreans","turks","dungans","belarusians","tajiks","kurds","kyrgyz","chechens","poles"]
with open(f"{data}/associations.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["level","region_code","name_kk","name_ru","name_en","founded_year","website","groups"])
    for i in range(917):
        g = random.choice(groups)
        w.writerow(["regional", random.choice(regions), f"Этномәдени орталық {i}", f"Этнокультурный центр {i}", f"Ethnocultural centre {i}", 1990 + i % 30, "", g])
bodies = [b["id"] for b in json.load(open(f"{data}/bodies.json"))]
with open(f"{data}/members.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["body_id","person_name","position","term_start","term_end","association_id"])
    for i in range(9313):
        w.writerow([random.choice(bodies), f"Сынақ Мүше {i}", "member", "2023-01-01", "", ""])
PY
"$birlik" --data-dir "$data" import associations "$data/associations.csv" --lang en
"$birlik" --data-dir "$data" import members "$data/members.csv" --lang en

echo "== server time in process"
cargo bench -q -p birlik --bench registry -- "$data"

trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$data"' EXIT
for mode in "" "--no-page-cache"; do
  echo "== loopback: wrk, 2 threads, 64 connections, ${duration}s ${mode:-(page cache on)}"
  "$birlik" --data-dir "$data" serve --listen "127.0.0.1:$port" $mode >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  for path in /en/associations /en/regions/KZ-75; do
    echo "-- $path"
    wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|50%|99%|requests in"
  done
  kill $server; wait $server 2>/dev/null || true
done
