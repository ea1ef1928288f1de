#!/usr/bin/python3
"""Runs SPARQL queries with rdflib, the reference engine of the differential
tests. Usage: rdflib_oracle.py DATA.nt QUERIES.json OUT.json

QUERIES.json is a list of query strings. OUT.json gets one entry per query:
{"rows": [row, ...]} or {"error": message}; a row is a list of
"var=value" strings sorted by var, with values normalised as in
differential_test.cc (numbers as %.10g, IRIs, literals with language/datatype).
"""
import json
import sys

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long,
           XSD.short, XSD.byte, XSD.nonNegativeInteger, XSD.positiveInteger,
           XSD.negativeInteger, XSD.nonPositiveInteger}


def norm(term):
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        return "I:" + str(term)
    if isinstance(term, BNode):
        return "B_"
    if isinstance(term, Literal):
        if term.datatype in NUMERIC:
            return "N:" + ("%.10g" % float(term.toPython()))
        if term.datatype == XSD.boolean:
            return "B:" + ("true" if term.toPython() else "false")
        dt = "" if term.datatype in (None, XSD.string) else str(term.datatype)
        return "L:" + str(term) + "@" + (term.language or "").lower() + "^^" + dt
    return "?:" + str(term)


def main():
    data, queries_path, out_path = sys.argv[1:4]
    g = rdflib.Graph()
    g.parse(data, format="nt")
    with open(queries_path, encoding="utf-8") as f:
        queries = json.load(f)
    ns = {"kg": "http://kg.local/", "xsd": str(XSD),
          "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    out = []
    for q in queries:
        try:
            res = g.query(q, initNs=ns)
            rows = []
            if res.type == "ASK":
                rows.append(["ask=" + norm(Literal(bool(res.askAnswer)))])
            elif res.type == "CONSTRUCT":
                for s, p, o in res.graph:
                    rows.append(["object=" + norm(o), "predicate=" + norm(p),
                                 "subject=" + norm(s)])
            else:
                names = [str(v) for v in res.vars]
                for r in res:
                    rows.append(sorted(n + "=" + norm(r[n]) for n in names))
            out.append({"rows": rows})
        except Exception as e:  # noqa: BLE001 - report, don't stop the run
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
