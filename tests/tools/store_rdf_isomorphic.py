#!/usr/bin/python3
"""Checks that an exported RDF file holds the same graph as the files it came from.

usage: store_rdf_isomorphic.py EXPORT FORMAT ORIGINAL FORMAT [ORIGINAL FORMAT ...]

FORMAT is an rdflib parser name (nt, nquads, turtle). The originals are merged (each parsed
on its own, so their blank nodes stay apart); graph names of N-Quads are dropped. Exits 0 when
the two graphs are isomorphic, 1 with a short difference report otherwise.
"""
import sys

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic


def load(pairs):
    merged = rdflib.Graph()
    for path, fmt in pairs:
        g = rdflib.ConjunctiveGraph() if fmt == "nquads" else rdflib.Graph()
        g.parse(path, format=fmt)
        for t in g.triples((None, None, None)):
            merged.add(t)
    return merged


def main(argv):
    if len(argv) < 5 or len(argv) % 2 == 0:
        print(__doc__, file=sys.stderr)
        return 2
    args = argv[1:]
    pairs = list(zip(args[0::2], args[1::2]))
    exported, originals = load(pairs[:1]), load(pairs[1:])
    if isomorphic(exported, originals):
        print(f"isomorphic: {len(exported)} triples")
        return 0
    _, only_export, only_original = graph_diff(to_isomorphic(exported), to_isomorphic(originals))
    print(f"NOT isomorphic: export {len(exported)} triples, originals {len(originals)}")
    for t in sorted(only_export)[:10]:
        print("  only in export:  ", t)
    for t in sorted(only_original)[:10]:
        print("  only in original:", t)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
