#!/bin/sh
# scale_measure.sh NAME INPUT: ingest INPUT into NAME.db, then export it in
# every format, each under /usr/bin/time; results in NAME.log (docs/SCALING.md).
# KG names the kg binary (default: kg on the PATH), DIR the work directory.
KG=${KG:-kg}
n=$1 in=$2
cd "${DIR:-.}"
rm -rf $n.db $n.neo $n.nebula $n.nt $n.nq
{
echo "== $n load: $(cat /proc/loadavg)"
/usr/bin/time -f "TIME ingest wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db $n.db ingest --quiet $in
$KG --db $n.db stats --format json | tr -d '\n '; echo
du -sb $n.db
/usr/bin/time -f "TIME export-nt wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db $n.db export -o $n.nt
/usr/bin/time -f "TIME export-nq wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db $n.db export --format nq -o $n.nq
/usr/bin/time -f "TIME export-neo4j wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db $n.db export --format neo4j -o $n.neo
/usr/bin/time -f "TIME export-nebula wall=%e user=%U sys=%S maxrss_kb=%M" $KG --db $n.db export --format nebula -o $n.nebula
ls -l $n.nt $n.nq; du -sb $n.neo $n.nebula
echo "== end: $(cat /proc/loadavg)"
} > $n.log 2>&1
