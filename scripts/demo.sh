#!/usr/bin/env bash
# make demo: load the bundled sample data into a fresh store and show what it holds.
# Usage: scripts/demo.sh KG_BINARY DB_PATH
# Until the text ingestor lands this loads samples/sample.nt (triples about the same events
# as the articles in samples/*.txt); then it becomes `kg ingest samples/` and `kg query`.
set -euo pipefail
KG=${1:-build/tools/kg}
DB=${2:-kg.db}
HERE=$(cd "$(dirname "$0")/.." && pwd)
KG=$(realpath "$KG")
DB=$(realpath -m "$DB")
cd "$HERE"  # document ids are the paths as given: samples/...

run() {
  echo
  echo "\$ kg $(printf '%q ' "$@")"
  "$KG" --db "$DB" "$@"
}

rm -rf "$DB"
run load samples/sample.nt
run stats
# Who leads what?
run triples --predicate http://kg.local/rel/lead
# Everything the store knows about one entity.
run triples --subject http://kg.local/entity/Seagate_Array
# Everyone with the alias "Varga".
run triples --predicate http://kg.local/alias --object '"Varga"' --format json
