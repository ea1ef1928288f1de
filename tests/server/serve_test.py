#!/usr/bin/env python3
"""End-to-end tests of `kg serve`: starts the server on an ephemeral loopback
port against a store made from samples/, and checks every endpoint against
the matching `kg` command, content negotiation, the limits and auth.

Usage: serve_test.py KG_BINARY SOURCE_DIR
"""
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

KG = SOURCE = None
TMP = None
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def run_kg(db, *args, check=True):
    p = subprocess.run([KG, "--db", db, *args], cwd=SOURCE, capture_output=True,
                       text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed: {p.stderr}")
    return p


class Server:
    """A `kg serve` process on an ephemeral port; stopped by stop()."""

    def __init__(self, db, *args, env=None):
        self.proc = subprocess.Popen(
            [KG, "--db", db, "serve", "--bind", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env)
        line = self.proc.stdout.readline()
        if " at http://" not in line:
            err = self.proc.stderr.read()
            raise AssertionError(f"kg serve did not start: {line!r} {err!r}")
        self.url = line.split(" at ")[1].split()[0].rstrip("/")

    def request(self, path, data=None, headers=None, method=None, params=None):
        """(status, headers, body bytes) of one request."""
        url = self.url + path
        if params is not None:
            url += "?" + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=data, headers=headers or {},
                                     method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def json(self, path, **kw):
        status, headers, body = self.request(path, **kw)
        return status, json.loads(body)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("kg serve did not stop on SIGTERM")
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()


def setUpModule():
    global TMP
    TMP = tempfile.mkdtemp(prefix="kg-serve-test-")
    run_kg(os.path.join(TMP, "samples.db"), "ingest", "--quiet", "samples/")


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


def db_copy(name):
    path = os.path.join(TMP, name)
    shutil.copytree(os.path.join(TMP, "samples.db"), path)
    return path


class ReadOnlyServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = os.path.join(TMP, "samples.db")
        cls.server = Server(cls.db)
        cls.entities = json.loads(
            run_kg(cls.db, "entities", "--format", "json").stdout)

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def linked_entity(self):
        """The most mentioned entity that has links in the graph."""
        for e in self.entities:
            status, body = self.server.json(
                "/api/neighbors", params={"entity": e["iri"]})
            if status == 200 and body["edges"]:
                return e, body
        self.fail("no linked entity in the sample store")

    # --- SPARQL protocol -------------------------------------------------
    QUERY = ("SELECT ?s ?label WHERE { ?s a kg:Person ; rdfs:label ?label } "
             "ORDER BY ?label")

    def test_sparql_get_json_matches_cli(self):
        status, headers, body = self.server.request(
            "/sparql", params={"query": self.QUERY},
            headers={"Accept": "application/sparql-results+json"})
        self.assertEqual(status, 200)
        self.assertIn("application/sparql-results+json",
                      headers["Content-Type"])
        cli = json.loads(run_kg(self.db, "query", "--format", "json",
                                self.QUERY).stdout)
        self.assertEqual(json.loads(body), cli)
        self.assertGreater(len(cli["results"]["bindings"]), 0)

    def test_sparql_post_forms_agree(self):
        _, _, get = self.server.request("/sparql", params={"query": self.QUERY})
        _, _, direct = self.server.request(
            "/sparql", data=self.QUERY.encode(), method="POST",
            headers={"Content-Type": "application/sparql-query"})
        _, _, form = self.server.request(
            "/sparql", method="POST",
            data=urllib.parse.urlencode({"query": self.QUERY}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(json.loads(get), json.loads(direct))
        self.assertEqual(json.loads(get), json.loads(form))

    def test_content_negotiation(self):
        for accept, fmt, ctype in [
                ("text/csv", "csv", "text/csv"),
                ("text/tab-separated-values", "tsv",
                 "text/tab-separated-values"),
                ("text/csv;q=0.5, text/tab-separated-values", "tsv",
                 "text/tab-separated-values"),
                ("image/png, */*;q=0.1", "json",
                 "application/sparql-results+json")]:
            status, headers, body = self.server.request(
                "/sparql", params={"query": self.QUERY},
                headers={"Accept": accept})
            self.assertEqual(status, 200, accept)
            self.assertIn(ctype, headers["Content-Type"], accept)
            cli = subprocess.run(
                [KG, "--db", self.db, "query", "--format", fmt, self.QUERY],
                capture_output=True, check=True).stdout
            if fmt == "json":
                self.assertEqual(json.loads(body), json.loads(cli))
            else:
                self.assertEqual(body, cli, accept)
        rows = list(csv.reader(io.StringIO(self.server.request(
            "/sparql", params={"query": self.QUERY},
            headers={"Accept": "text/csv"})[2].decode())))
        self.assertEqual(rows[0], ["s", "label"])
        status, _, _ = self.server.request(
            "/sparql", params={"query": self.QUERY},
            headers={"Accept": "image/png"})
        self.assertEqual(status, 406)

    def test_construct_and_ask(self):
        q = ("CONSTRUCT { ?s <urn:x:named> ?l } WHERE { ?s a kg:Person ; "
             "rdfs:label ?l }")
        status, headers, body = self.server.request(
            "/sparql", params={"query": q}, headers={"Accept": "text/csv"})
        self.assertEqual(status, 200)
        self.assertIn("application/n-triples", headers["Content-Type"])
        cli = run_kg(self.db, "query", "--format", "tsv", q).stdout
        self.assertEqual(sorted(body.decode().splitlines()),
                         sorted(cli.splitlines()))
        status, body = self.server.json(
            "/sparql", params={"query": "ASK { ?s a kg:Person }"})
        self.assertEqual((status, body["boolean"]), (200, True))

    def test_syntax_error_is_400_with_position(self):
        status, body = self.server.json(
            "/sparql", params={"query": "SELECT ?s WHERE {\n  ?s ?p ?o LIMIT 2"})
        self.assertEqual(status, 400)
        self.assertEqual(body["code"], "syntax")
        self.assertEqual(body["line"], 2)
        self.assertGreater(body["column"], 1)
        self.assertIn("line 2", body["error"])

    def test_protocol_errors(self):
        status, body = self.server.json("/sparql")
        self.assertEqual((status, body["code"]), (400, "bad_request"))
        status, body = self.server.json(
            "/sparql", data=b"SELECT * {}", method="POST",
            headers={"Content-Type": "text/plain"})
        self.assertEqual(status, 415)
        status, body = self.server.json("/api/nothing")
        self.assertEqual(status, 404)

    # --- JSON endpoints --------------------------------------------------
    def test_entity_search_prefix_case_insensitive(self):
        e = next(x for x in self.entities if len(x["name"]) >= 4)
        for q in (e["name"][:3].lower(), e["name"][:3].upper(), e["name"]):
            status, body = self.server.json("/api/entities",
                                            params={"q": q, "limit": 1000})
            self.assertEqual(status, 200)
            ids = [x["id"] for x in body["entities"]]
            self.assertIn(e["iri"], ids, q)
            for x in body["entities"]:
                names = [x["label"], *x["aliases"]]
                self.assertTrue(any(q.lower() in n.lower() for n in names), x)
        status, body = self.server.json("/api/entities",
                                        params={"q": e["name"].upper()})
        self.assertEqual(body["entities"][0]["label"].lower(),
                         e["name"].lower())  # the exact name first
        status, body = self.server.json("/api/entities", params={"q": ""})
        mentions = [x["mentions"] for x in body["entities"]]
        self.assertEqual(mentions, sorted(mentions, reverse=True))
        status, body = self.server.json("/api/entities",
                                        params={"q": "", "type": "Person"})
        self.assertTrue(all(x["type"] == "Person" for x in body["entities"]))
        status, body = self.server.json("/api/entities", params={"type": "Xyz"})
        self.assertEqual(status, 400)

    def test_neighbors_match_cli(self):
        e, body = self.linked_entity()
        self.assertEqual(body["center"]["id"], e["iri"])
        cli = run_kg(self.db, "neighbors", e["iri"], "--limit", "100").stdout
        self.assertEqual(len(body["edges"]), len(cli.splitlines()))
        labels = {n["label"] for n in body["nodes"]}
        for line in cli.splitlines():
            other = line.split("-> ")[-1] if "]-> " in line else \
                line.split("]- ")[-1]
            self.assertIn(other, labels, line)
        status, body = self.server.json(
            "/api/neighbors", params={"entity": "Nobody At All Zzq"})
        self.assertEqual(status, 404)
        status, body = self.server.json(
            "/api/neighbors", params={"entity": e["iri"], "depth": "99"})
        self.assertEqual(status, 400)

    def test_path_matches_cli(self):
        e, body = self.linked_entity()
        far = body["nodes"][-1]
        status, path = self.server.json(
            "/api/path", params={"from": e["iri"], "to": far["id"]})
        self.assertEqual(status, 200)
        cli = run_kg(self.db, "path", e["iri"], far["id"]).stdout.strip()
        self.assertEqual(len(path["paths"][0]), cli.count("]-"))
        self.assertEqual(path["nodes"][0]["id"], e["iri"])

    def test_why_gives_the_sentences_of_an_edge(self):
        _, body = self.linked_entity()
        edge = body["edges"][0]
        status, why = self.server.json("/api/why", params={
            "s": edge["source"], "p": edge["predicate"], "o": edge["target"]})
        self.assertEqual(status, 200)
        self.assertGreaterEqual(why["documents"], 1)
        q = ("SELECT ?text WHERE { ?st rdf:subject <%s> ; rdf:predicate <%s> ;"
             " rdf:object <%s> ; kg:sentence ?text }" %
             (edge["source"], edge["predicate"], edge["target"]))
        rows = json.loads(run_kg(self.db, "query", "--format", "json",
                                 q).stdout)["results"]["bindings"]
        self.assertEqual(sorted(s["sentence"] for s in why["statements"]),
                         sorted(r["text"]["value"] for r in rows))
        status, why = self.server.json("/api/why", params={
            "s": edge["target"], "p": edge["predicate"], "o": edge["target"]})
        self.assertEqual(status, 404)

    def test_read_only_refuses_writes(self):
        status, body = self.server.json(
            "/api/documents", method="POST", data=b'{"id":"x","text":"A."}',
            headers={"Content-Type": "application/json",
                     "Authorization": "Bearer anything"})
        self.assertEqual((status, body["code"]), (403, "read_only"))
        status, _ = self.server.json("/api/documents", method="DELETE",
                                     params={"id": "samples/02-port-strike.txt"})
        self.assertEqual(status, 403)

    def test_page_and_assets(self):
        status, headers, body = self.server.request("/")
        self.assertEqual(status, 200)
        self.assertIn(b"/vendor/cytoscape.min.js", body)
        self.assertEqual(self.server.request("/app.js")[0], 200)


class LimitsTest(unittest.TestCase):
    # Slow but small: a filtered cross product, nothing held in memory.
    SLOW = ('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . '
            'FILTER(STR(?c) = CONCAT(STR(?f), "x")) }')

    def test_body_size_limit(self):
        s = Server(os.path.join(TMP, "samples.db"), "--max-body", "1000")
        try:
            query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 2000
            status, body = s.json("/sparql", data=query.encode(), method="POST",
                                  headers={"Content-Type":
                                           "application/sparql-query"})
            self.assertEqual((status, body["code"]), (413, "payload_too_large"))
            status, _ = s.json("/sparql", data=query[:900].encode() + b"\n",
                               method="POST",
                               headers={"Content-Type":
                                        "application/sparql-query"})
            self.assertEqual(status, 200)
        finally:
            s.stop()

    def test_timeout_and_row_limit(self):
        s = Server(os.path.join(TMP, "samples.db"), "--timeout", "0.5",
                   "--max-rows", "10")
        try:
            status, body = s.json("/sparql", params={"query": self.SLOW})
            self.assertEqual((status, body["code"]), (503, "timeout"))
            status, body = s.json(
                "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
            self.assertEqual((status, body["code"]), (503, "limit"))
            status, body = s.json(
                "/sparql",
                params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
            self.assertEqual(status, 200)
            # The server is still answering after both.
            self.assertEqual(s.json("/api/status")[0], 200)
        finally:
            s.stop()

    def test_concurrency_bound(self):
        s = Server(os.path.join(TMP, "samples.db"), "--max-concurrent", "1",
                   "--timeout", "5")
        try:
            # A poll can reach the only slot before the slow query does; the
            # slow query then gets the 503 itself. Such a round proves
            # nothing either way, so it is run again (bounded).
            for _ in range(5):
                slow = {}
                t = threading.Thread(target=lambda: slow.update(
                    r=s.json("/sparql", params={"query": self.SLOW})))
                t.start()
                time.sleep(0.1)
                seen = []
                # Poll (bounded) while the slow query holds the only slot.
                for _ in range(200):
                    if not t.is_alive():
                        break
                    status, headers, body = s.request("/api/status")
                    seen.append(status)
                    if status == 503:
                        self.assertEqual(json.loads(body)["code"], "busy")
                        self.assertEqual(headers["Retry-After"], "1")
                        break
                    time.sleep(0.02)
                t.join()
                if slow["r"][1].get("code") != "busy":
                    break
            self.assertIn(503, seen)
            self.assertEqual(slow["r"][1]["code"], "timeout")
            self.assertEqual(s.json("/api/status")[0], 200)
        finally:
            s.stop()


class BindTest(unittest.TestCase):
    def test_a_used_port_is_an_error(self):
        s = Server(os.path.join(TMP, "samples.db"))
        try:
            port = s.url.rsplit(":", 1)[1]
            p = run_kg(os.path.join(TMP, "samples.db"), "serve", "--bind",
                       "127.0.0.1:" + port, check=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("cannot listen", p.stderr)
        finally:
            s.stop()


class WritesTest(unittest.TestCase):
    TOKEN = "s3cret-token"

    def test_writes_need_a_token_to_start(self):
        p = run_kg(os.path.join(TMP, "samples.db"), "serve", "--bind",
                   "127.0.0.1:0", "--allow-writes", check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("token", p.stderr)

    def test_ingest_and_remove_with_bearer_token(self):
        db = db_copy("writes.db")
        env = dict(os.environ, KG_SERVE_TOKEN=self.TOKEN)
        s = Server(db, "--allow-writes", env=env)
        try:
            doc = json.dumps({
                "id": "web/new-article", "title": "A test article",
                "text": "Maria Olsen founded Brightwater Labs in Oslo. "
                        "Maria Olsen met Jonas Keller in Harwick."}).encode()
            ctype = {"Content-Type": "application/json"}
            status, body = s.json("/api/documents", data=doc, method="POST",
                                  headers=ctype)
            self.assertEqual((status, body["code"]), (401, "unauthorized"))
            status, _ = s.json("/api/documents", data=doc, method="POST",
                               headers={**ctype,
                                        "Authorization": "Bearer wrong"})
            self.assertEqual(status, 401)
            auth = {"Authorization": "Bearer " + self.TOKEN}
            status, body = s.json("/api/documents", data=doc, method="POST",
                                  headers={**ctype, **auth})
            self.assertEqual((status, body["outcome"]), (200, "added"))
            self.assertGreater(body["triples"], 0)
            status, found = s.json("/api/entities", params={"q": "maria ol"})
            self.assertIn("Maria Olsen",
                          [e["label"] for e in found["entities"]])
            status, body = s.json(
                "/api/documents", data=b"Bad \xff byte.", method="POST",
                params={"id": "bad-utf8"},
                headers={"Content-Type": "text/plain", **auth})
            self.assertEqual((status, body["code"]), (400, "bad_request"))
            self.assertIn("UTF-8", body["error"])
            # Triples as N-Triples.
            nt = b'<urn:kg:a> <urn:kg:knows> <urn:kg:b> .\n'
            status, body = s.json(
                "/api/documents", data=nt, method="POST",
                params={"id": "rdf-doc"},
                headers={"Content-Type": "application/n-triples", **auth})
            self.assertEqual((status, body["triples"]), (200, 1))
            status, ask = s.json("/sparql", params={
                "query": "ASK { <urn:kg:a> <urn:kg:knows> <urn:kg:b> }"})
            self.assertTrue(ask["boolean"])
            status, body = s.json(
                "/api/documents", data=b"<urn:a> <urn:b> .\n", method="POST",
                params={"id": "bad"},
                headers={"Content-Type": "application/n-triples", **auth})
            self.assertEqual(status, 400)
            # Remove.
            status, _ = s.json("/api/documents", method="DELETE",
                               params={"id": "rdf-doc"}, headers=auth)
            self.assertEqual(status, 200)
            status, ask = s.json("/sparql", params={
                "query": "ASK { <urn:kg:a> <urn:kg:knows> <urn:kg:b> }"})
            self.assertFalse(ask["boolean"])
            status, _ = s.json("/api/documents", method="DELETE",
                               params={"id": "rdf-doc"}, headers=auth)
            self.assertEqual(status, 404)
            status, _ = s.json("/api/documents", method="DELETE",
                               params={"id": "web/new-article"})
            self.assertEqual(status, 401)
        finally:
            self.assertEqual(s.stop(), 0)


class RefreshTest(unittest.TestCase):
    def test_sees_a_writers_commit(self):
        db = db_copy("refresh.db")
        s = Server(db)
        try:
            ask = {"query": "ASK { <urn:kg:new> <urn:kg:p> \"fresh\" }"}
            self.assertFalse(s.json("/sparql", params=ask)[1]["boolean"])
            nt = os.path.join(TMP, "fresh.nt")
            with open(nt, "w") as f:
                f.write('<urn:kg:new> <urn:kg:p> "fresh" .\n')
            run_kg(db, "load", nt)  # a writer process beside the server
            seen = False
            for _ in range(100):  # bounded: up to ~10 s
                if s.json("/sparql", params=ask)[1]["boolean"]:
                    seen = True
                    break
                time.sleep(0.1)
            self.assertTrue(seen, "the server did not see the writer's commit")
            self.assertGreaterEqual(s.json("/api/status")[1]["reopened"], 1)
        finally:
            s.stop()


if __name__ == "__main__":
    KG, SOURCE = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
