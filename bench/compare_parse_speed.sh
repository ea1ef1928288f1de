#!/bin/bash
# Side-by-side parser speed of two kg binaries (e.g. before and after a change):
# runs `kg eval parse` alternately, ROUNDS times each, and prints each binary's
# median "sentences per CPU second" (tag + parse, one thread, model load
# excluded) with its min and max, and the median of the per-round ratios B/A.
# Alternating runs and per-round ratios keep the drift of a shared machine out
# of the comparison (docs/PERFORMANCE.md).
# Usage: bench/compare_parse_speed.sh ROUNDS KG_A KG_B [GOLD.conllu] [MODEL]
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 ROUNDS KG_A KG_B [GOLD.conllu] [MODEL]" >&2
  exit 2
fi
rounds=$1 a=$2 b=$3
gold=${4:-$(dirname "$0")/../../shared/ud/dev/en_ewt-ud-dev.conllu}
model=${5:-}
speed() {
  local out
  out=$("$1" eval parse --gold "$gold" ${model:+--model "$model"} 2>&1) || {
    echo "$0: $1 eval parse failed: $out" >&2
    exit 1
  }
  sed -n 's/.* \([0-9][0-9]*\) sentences per CPU second.*/\1/p' <<<"$out"
}
ra=() rb=() rr=()
for _ in $(seq "$rounds"); do
  va=$(speed "$a")
  vb=$(speed "$b")
  ra+=("$va") rb+=("$vb")
  rr+=("$(awk -v x="$vb" -v y="$va" 'BEGIN { printf "%.3f", x / y }')")
done
median() {
  printf '%s\n' "$@" | sort -n |
    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] " (min " v[1] ", max " v[NR] ")" }'
}
echo "A $a: $(median "${ra[@]}") sentences per CPU second"
echo "B $b: $(median "${rb[@]}") sentences per CPU second"
echo "B/A per round: $(median "${rr[@]}")"
