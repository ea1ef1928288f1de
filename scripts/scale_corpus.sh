#!/bin/sh
# scale_corpus.sh IN.jsonl K > OUT.jsonl: K copies of a JSON Lines corpus, the
# first as is and copy k (k = 1..K-1) with "-copyk" appended to every id, so
# the copies are new documents with the same text (docs/SCALING.md).
set -eu
in=$1 k=$2
cat "$in"
i=1
while [ "$i" -lt "$k" ]; do
  /usr/bin/python3 -c '
import json, sys
suffix = "-copy" + sys.argv[1]
for line in sys.stdin:
    if line.strip():
        d = json.loads(line)
        d["id"] = str(d["id"]) + suffix
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
' "$i" <"$in"
  i=$((i + 1))
done
