#!/usr/bin/python3
"""Checks the shape of kg's exports against an independent reading of the store.

usage:
  export_check.py nquads NQ DOCS_JSON NT BASE   the N-Quads export
  export_check.py neo4j DIR NQ                  the Neo4j CSV export
  export_check.py nebula DIR NQ                 the NebulaGraph export
  export_check.py graphs NQ GRAPH FILE [GRAPH FILE...]   each named graph holds exactly
                                                the triples of the N-Triples FILE it came from

DOCS_JSON is `kg docs --format json`, NT the N-Triples export, NQ the N-Quads export (the
oracle for the property-graph checks: which triples, and which documents support them).
Exits 0 when every check holds, 1 with the failures listed otherwise.
"""
import csv
import json
import os
import re
import sys
import urllib.parse

import rdflib
from rdflib import RDF, RDFS, Literal, URIRef

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def load_quads(path):
    ds = rdflib.ConjunctiveGraph()
    ds.parse(path, format="nquads")
    graphs = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs.setdefault(str(g.identifier if hasattr(g, "identifier") else g), set()).add((s, p, o))
    return graphs


def check_nquads(nq, docs_json, nt, base):
    docs = {d["id"]: d for d in json.load(open(docs_json))}
    graphs = load_quads(nq)
    check(len(graphs) == len(docs), f"{len(graphs)} graphs for {len(docs)} documents")
    by_iri = {base + "doc/" + urllib.parse.quote(i, safe="-._~"): i for i in docs}
    union = set()
    for g, triples in graphs.items():
        doc = by_iri.get(g)
        check(doc is not None, f"graph {g} names no document")
        if doc is None:
            continue
        check(len(triples) == docs[doc]["triples"],
              f"graph of {doc}: {len(triples)} triples, the document supports {docs[doc]['triples']}")
        union |= triples
        # Reified statements sit in the graph of the document they name.
        for s, _, _ in [t for t in triples if t[1] == RDF.type and t[2] == RDF.Statement]:
            sources = [o for (x, p, o) in triples if x == s and p == URIRef(base + "source")]
            check(sources == [Literal(doc)], f"statement {s} in graph of {doc} has source {sources}")
            parts = {p: o for (x, p, o) in triples if x == s and p in (RDF.subject, RDF.predicate, RDF.object)}
            if len(parts) == 3:
                fact = (parts[RDF.subject], parts[RDF.predicate], parts[RDF.object])
                check(fact in triples, f"statement {s}: its fact is not in the graph of {doc}")
    nt_graph = rdflib.Graph()
    nt_graph.parse(nt, format="nt")
    check(union == set(nt_graph), f"graphs hold {len(union)} distinct triples, the N-Triples export {len(nt_graph)}")


def check_graphs(nq, pairs):
    graphs = load_quads(nq)
    check(len(graphs) == len(pairs), f"{len(graphs)} graphs, expected {len(pairs)}")
    for graph, path in pairs:
        source = rdflib.Graph()
        source.parse(path, format="nt")
        got = graphs.get(graph, set())
        check(got == set(source), f"graph {graph}: {len(got)} triples, {path} has {len(source)}; "
              f"missing {sorted(set(source) - got)[:2]} extra {sorted(got - set(source))[:2]}")


def expected_property_graph(nq):
    """The property graph the export should hold, computed from the quads."""
    graphs = load_quads(nq)
    support = {}
    for g, triples in graphs.items():
        for t in triples:
            support.setdefault(t, set()).add(g)
    doc_of = {}  # graph IRI -> document id (the reified statements name it; else the IRI tail)
    for g in graphs:
        doc_of[g] = urllib.parse.unquote(g.rsplit("/doc/", 1)[1])
    triples = set(support)
    statements = {s for (s, p, o) in triples if p == RDF.type and o == RDF.Statement}
    kept = [t for t in triples if t[0] not in statements and t[2] not in statements]
    predicates = {p for (_, p, _) in kept}
    edges = {}
    endpoints, subjects, classes = set(), set(), set()
    labels = {}
    for s, p, o in kept:
        if p == RDF.type and isinstance(o, URIRef):
            classes.add(o)
            subjects.add(s)
        elif isinstance(o, Literal):
            subjects.add(s)
            if p == RDFS.label:
                labels.setdefault(str(s), []).append(str(o))
        else:
            edges[(str(s), str(p), str(o))] = sorted(doc_of[g] for g in support[(s, p, o)])
            endpoints |= {s, o}
    nodes = {str(n) for n in endpoints}
    nodes |= {str(n) for n in subjects if n not in predicates and n not in classes}
    return nodes, edges, labels


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def check_neo4j(d, nq):
    nodes, edges, labels = expected_property_graph(nq)
    header, rows = read_csv(os.path.join(d, "nodes.csv"))
    check(header[:3] == ["id:ID", "name", ":LABEL"], f"nodes.csv header {header[:3]}")
    check(all(len(r) == len(header) for r in rows), "nodes.csv rows of the wrong width")
    ids = [r[0] for r in rows]
    check(len(ids) == len(set(ids)), "duplicate node ids")
    check(set(ids) == nodes, f"{len(ids)} nodes, expected {len(nodes)}: "
          f"extra {sorted(set(ids) - nodes)[:3]} missing {sorted(nodes - set(ids))[:3]}")
    for r in rows:
        if r[0] in labels:
            check(r[1] == min(labels[r[0]]), f"node {r[0]}: name {r[1]!r}, labels {labels[r[0]]}")
        check("Resource" in r[2].split("\x1f"), f"node {r[0]} lacks the Resource label")
    header, rels = read_csv(os.path.join(d, "relationships.csv"))
    check(header == [":START_ID", ":END_ID", ":TYPE", "label", "iri", "support:int", "documents:string[]"],
          f"relationships.csv header {header}")
    got = {}
    for r in rels:
        check(r[0] in nodes and r[1] in nodes, f"relationship {r[:3]} has an unknown endpoint")
        check(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", r[2]) is not None, f"relationship type {r[2]!r}")
        docs = r[6].split("\x1f") if r[6] else []
        check(int(r[5]) == len(docs), f"relationship {r[:3]}: support {r[5]} for {len(docs)} documents")
        got[(r[0], r[4], r[1])] = sorted(docs)
    check(got == edges, f"{len(got)} relationships, expected {len(edges)}: "
          f"extra {sorted(set(got) - set(edges))[:3]} missing {sorted(set(edges) - set(got))[:3]} "
          f"differing {[k for k in got if k in edges and got[k] != edges[k]][:3]}")
    script = open(os.path.join(d, "import.sh")).read()
    check("--array-delimiter=U+001F" in script, "import.sh lacks the array delimiter")
    multiline = any("\n" in c or "\r" in c for r in rows for c in r)
    check(("--multiline-fields=true" in script) == multiline, "import.sh: --multiline-fields does not fit the data")


def check_nebula(d, nq):
    nodes, edges, labels = expected_property_graph(nq)
    header, rows = read_csv(os.path.join(d, "vertices_Resource.csv"))
    check(header[:3] == ["vid", "iri", "name"], f"vertices_Resource.csv header {header[:3]}")
    vids = {int(r[0]): r[1] for r in rows}
    check(len(vids) == len(rows), "duplicate vertex ids")
    check(set(vids.values()) == nodes, f"{len(vids)} vertices, expected {len(nodes)}")
    for r in rows:
        if r[1] in labels:
            check(r[2] == min(labels[r[1]]), f"vertex {r[1]}: name {r[2]!r}")
    schema = open(os.path.join(d, "schema.ngql")).read()
    config = open(os.path.join(d, "importer.yaml")).read()
    total = 0
    for f in sorted(os.listdir(d)):
        if not f.endswith(".csv"):
            continue
        name = f.split("_", 1)[1][:-4]
        kind = "TAG" if f.startswith("vertices_") else "EDGE"
        check(f"CREATE {kind} IF NOT EXISTS `{name}`(" in schema, f"schema.ngql lacks {kind} {name}")
        check(f'path: "./{f}"' in config, f"importer.yaml does not load {f}")
        header, body = read_csv(os.path.join(d, f))
        if kind == "TAG":
            check(all(int(r[0]) in vids for r in body), f"{f}: vertex not in vertices_Resource.csv")
            continue
        check(header == ["src", "dst", "label", "support", "documents"], f"{f} header {header}")
        for r in body:
            total += 1
            check(int(r[0]) in vids and int(r[1]) in vids, f"{f}: edge {r[:2]} has an unknown endpoint")
            docs = json.loads(r[4])
            check(int(r[3]) == len(docs), f"{f}: support {r[3]} for {docs}")
            key = (vids.get(int(r[0])), None, vids.get(int(r[1])))
            check(any(k[0] == key[0] and k[2] == key[2] and v == sorted(docs) for k, v in edges.items()),
                  f"{f}: edge {key} with documents {docs} is not in the store")
    check(total == len(edges), f"{total} edges, expected {len(edges)}")
    try:
        import yaml
    except ImportError:
        return
    # The importer config: every source is a CSV here, and each property's
    # column index points at the column of that name.
    cfg = yaml.safe_load(config)
    check(cfg["manager"]["spaceName"] in schema, "importer.yaml names another space")
    for src in cfg["sources"]:
        path = os.path.join(d, src["path"])
        check(os.path.exists(path), f"importer.yaml source {src['path']} is missing")
        if not os.path.exists(path):
            continue
        header, _ = read_csv(path)
        check(src["csv"]["withHeader"] is True, f"{src['path']}: withHeader is not set")
        for element in src.get("tags", []) + src.get("edges", []):
            for prop in element["props"]:
                check(prop["index"] < len(header) and header[prop["index"]] == prop["name"],
                      f"{src['path']}: property {prop['name']} at column {prop['index']}")


def main(argv):
    try:
        if argv[1:2] == ["nquads"] and len(argv) == 6:
            check_nquads(*argv[2:])
        elif argv[1:2] == ["neo4j"] and len(argv) == 4:
            check_neo4j(*argv[2:])
        elif argv[1:2] == ["nebula"] and len(argv) == 4:
            check_nebula(*argv[2:])
        elif argv[1:2] == ["graphs"] and len(argv) >= 5 and len(argv) % 2 == 1:
            check_graphs(argv[2], list(zip(argv[3::2], argv[4::2])))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Exception as e:  # a parse error is a failed check, reported as such
        failures.append(f"{type(e).__name__}: {e}")
    for f in failures[:20]:
        print("FAIL:", f)
    if not failures:
        print("ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
