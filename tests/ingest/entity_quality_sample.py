#!/usr/bin/env python3
"""Entity and fact figures for docs/QUALITY.md, read from a store built by
`kg ingest` (not a ctest test: a measurement helper).

  entity_quality_sample.py KG_BINARY DB [--seed N] [--sample N]

Prints: entity counts by type, the share of mentions whose entity has a type
other than Other, the per-document check "no single-word Person that is the
first or last word of a multi-word Person of the same document", then a seeded
random sample of named entities (with the other entities sharing a word, to
look for duplicates) and of facts (with their sentence) for a hand check.
"""
import argparse
import collections
import csv
import io
import random
import subprocess

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
BASE = "http://kg.local/"


def kg(binary, db, *args):
    out = subprocess.run([binary, "--db", db, *args], check=True,
                         capture_output=True, text=True).stdout
    return out


def query(binary, db, text):
    out = kg(binary, db, "query", "--format", "tsv", "--max-rows", "10000000",
             "--timeout", "600", text)
    rows = list(csv.reader(io.StringIO(out), delimiter="\t",
                           quoting=csv.QUOTE_NONE))
    return rows[1:]


ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t"}


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            c = s[i + 1]
            if c == "u" and i + 6 <= len(s):
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(ESCAPES.get(c, c))
            i += 2
            continue
        out.append(s[i])
        i += 1
    return "".join(out)


def unquote(term):
    if term.startswith('"'):
        end = term.rfind('"')
        return unescape(term[1:end])
    if term.startswith("<"):
        return term[1:-1]
    return term


def name_of(iri):
    local = iri.rsplit("/", 1)[-1]
    if len(local) > 9 and local[-9] == "~":
        local = local[:-9]
    return local.replace("_", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("db")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--sample", type=int, default=100)
    a = ap.parse_args()

    rows = list(csv.DictReader(io.StringIO(kg(a.binary, a.db, "entities",
                                              "--all", "--format", "tsv")),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    named = [r for r in rows if int(r["mentions"]) > 0]
    phrases = len(rows) - len(named)
    by_type = collections.Counter(r["type"] for r in named)
    mentions = collections.Counter()
    for r in named:
        mentions[r["type"]] += int(r["mentions"])
    total = sum(mentions.values())
    typed = total - mentions["Other"]
    print(f"named entities: {len(named)}  noun-phrase nodes: {phrases}")
    print("entities by type:", dict(by_type.most_common()))
    print("mentions by type:", dict(mentions.most_common()))
    print(f"mentions typed (not Other): {typed}/{total} = "
          f"{typed / max(total, 1):.3f}")

    # Per document: the Person entities its statements use.
    per_doc = collections.defaultdict(set)
    for doc, e in query(a.binary, a.db,
                        "SELECT DISTINCT ?doc ?e WHERE { ?st <%ssource> ?doc . "
                        "{ ?st <%ssubject> ?e } UNION { ?st <%sobject> ?e } "
                        "?e a <%sPerson> }" % (BASE, RDF, RDF, BASE)):
        per_doc[unquote(doc)].add(name_of(unquote(e)))
    violations = []
    for doc, people in per_doc.items():
        multi = [p.split() for p in people if len(p.split()) > 1]
        for p in people:
            if len(p.split()) == 1 and any(p in (m[0], m[-1]) for m in multi):
                violations.append((doc, p))
    print(f"documents with Person entities: {len(per_doc)}; single-word "
          f"Person beside a multi-word one with that first/last word: "
          f"{len(violations)}", violations[:10])

    rng = random.Random(a.seed)
    words = collections.defaultdict(set)
    for r in named:
        for w in r["name"].lower().split():
            if len(w) > 3:
                words[w].add(r["name"])
    print(f"\n== {a.sample} random named entities (seed {a.seed})")
    for i, r in enumerate(rng.sample(named, min(a.sample, len(named))), 1):
        near = set()
        for w in r["name"].lower().split():
            if len(w) > 3:
                near |= words[w]
        near.discard(r["name"])
        print(f"{i:3}. {r['name']} | {r['type']} | m={r['mentions']} "
              f"d={r['documents']} | aliases: {r['aliases']} | "
              f"sharing a word: {sorted(near)[:6]}")

    facts = query(a.binary, a.db,
                  "SELECT ?s ?p ?o ?sent WHERE { ?st <%ssubject> ?s ; "
                  "<%spredicate> ?p ; <%sobject> ?o ; <%ssentence> ?sent }"
                  % (RDF, RDF, RDF, BASE))
    print(f"\n== {a.sample} random facts of {len(facts)} (seed {a.seed})")
    for i, (s, p, o, sent) in enumerate(
            rng.sample(facts, min(a.sample, len(facts))), 1):
        obj = name_of(unquote(o)) if o.startswith("<") else unquote(o)
        print(f"{i:3}. ({name_of(unquote(s))} | {name_of(unquote(p))} | "
              f"{obj})\n     {unquote(sent)}")


if __name__ == "__main__":
    main()
