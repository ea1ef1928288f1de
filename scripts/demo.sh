#!/usr/bin/env bash
# make demo: ingest the bundled sample articles into a fresh store and show what it holds.
# Usage: scripts/demo.sh KG_BINARY DB_PATH
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
# Eight short articles written for the project (samples/*.txt), read → parsed → extracted.
run ingest --quiet samples/
run stats
# The people the articles mention most, with their aliases.
run entities --type Person --sort mentions --format table | head -n 8
# Who did what to whom: facts whose subject is a person, with the sentence's date when known.
run query --format table 'SELECT ?who ?rel ?what WHERE {
  ?who a kg:Person ; ?p ?o . ?p rdfs:label ?rel . ?o rdfs:label ?what
} ORDER BY ?who LIMIT 12'
# Who is around one person, and how two entities are connected.
run neighbors "Jonas Keller" --limit 6
run path "Sofia Lind" HARWICK
