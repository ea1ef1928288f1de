#!/bin/sh
# scale_merge_bench.sh: after scale_measure.sh x4 x4.jsonl, ingests x4.jsonl as
# two shards, merges them three times and loads their N-Triples exports three
# times (all under /usr/bin/time), and compares the merged store with x4.db;
# results in merge.log (docs/SCALING.md). KG: the kg binary; DIR: work dir.
KG=${KG:-kg}
cd "${DIR:-.}"
rm -rf s0.db s1.db m.db load.db s0.nt s1.nt
{
echo "== load: $(cat /proc/loadavg)"
/usr/bin/time -f "TIME ingest-shard0 wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db s0.db ingest --quiet --shard 0/2 x4.jsonl
/usr/bin/time -f "TIME ingest-shard1 wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db s1.db ingest --quiet --shard 1/2 x4.jsonl
$KG --db s0.db stats --format json | tr -d '\n '; echo
$KG --db s1.db stats --format json | tr -d '\n '; echo
for i in 1 2 3; do
  rm -rf m.db
  /usr/bin/time -f "TIME merge wall=%e user=%U sys=%S maxrss_kb=%M" $KG merge m.db s0.db s1.db
done
$KG --db m.db check
$KG --db s0.db export -o s0.nt; $KG --db s1.db export -o s1.nt
for i in 1 2 3; do
  rm -rf load.db
  /usr/bin/time -f "TIME load wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db load.db load s0.nt s1.nt
done
$KG --db m.db export | sort > m.sorted.nt; sort x4.nt > x4.sorted.nt; cmp m.sorted.nt x4.sorted.nt && echo "merged nt == x4 nt"
$KG --db m.db export --format nq | sort > m.sorted.nq; sort x4.nq > x4.sorted.nq; cmp m.sorted.nq x4.sorted.nq && echo "merged nq == x4 nq"
$KG --db m.db stats --format json | tr -d '\n '; echo
echo "== end: $(cat /proc/loadavg)"
} > merge.log 2>&1
