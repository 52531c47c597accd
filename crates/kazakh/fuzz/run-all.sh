#!/usr/bin/env bash
# Run every fuzz target (or those named in $TARGETS) for SECONDS (default 600), two at a time, with a seed
# corpus made from the evaluation sets. Logs go to $LOGDIR (default /tmp/kazakh-fuzz). Needs
# `cargo install cargo-fuzz`.
set -u
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-600}"
LOGDIR="${LOGDIR:-/tmp/kazakh-fuzz}"
mkdir -p "$LOGDIR"
read -r -a targets <<< "${TARGETS:-to_latin to_latin_bytes to_cyrillic detect stem search_terms}"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "${line#*	}" > "corpus/$t/seed-$n"
  done < <(grep -v '^#' ../tests/data/langid_eval.tsv | head -120)
done
run() {
  local t=$1
  nice cargo fuzz run "$t" --sanitizer none -- -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 \
    > "$LOGDIR/$t.log" 2>&1
  echo "$t exit $?" >> "$LOGDIR/summary.txt"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[$i]}" &
  if ((i + 1 < ${#targets[@]})); then run "${targets[$((i + 1))]}" & fi
  wait
done
