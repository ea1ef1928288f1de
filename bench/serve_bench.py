#!/usr/bin/env python3
"""Throughput of `kg serve`: C client threads send R requests each to one
endpoint at a time, on loopback; prints requests/s, latency median and p95,
and the server's CPU seconds (from /proc) beside the wall time.

Usage: serve_bench.py KG_BINARY STORE [--clients 4] [--requests 200] [--runs 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        return r.status


def run(urls, clients, per_client):
    latencies, errors = [], []
    lock = threading.Lock()

    def worker(k):
        mine = []
        for i in range(per_client):
            url = urls[(k * per_client + i) % len(urls)]
            t = time.perf_counter()
            try:
                status = get(url)
            except Exception as e:  # noqa: BLE001 - counted and reported
                status = str(e)
            mine.append(time.perf_counter() - t)
            if status != 200:
                with lock:
                    errors.append(status)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sorted(latencies), errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kg")
    ap.add_argument("store")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    proc = subprocess.Popen([a.kg, "--db", a.store, "serve", "--bind",
                             "127.0.0.1:0", "--max-concurrent",
                             str(a.clients)], stdout=subprocess.PIPE, text=True)
    base = proc.stdout.readline().split(" at ")[1].split()[0].rstrip("/")
    try:
        with urllib.request.urlopen(base + "/api/entities?limit=100") as r:
            ents = json.load(r)["entities"]
        ents = [e for e in ents if e["degree"] > 0][:50]
        q = urllib.parse.quote
        endpoints = {
            "entities ?q=3 letters": [
                f"{base}/api/entities?q={q(e['label'][:3])}" for e in ents],
            "neighbors depth 1": [
                f"{base}/api/neighbors?entity={q(e['id'])}" for e in ents],
            "why (first edge)": [],
            "sparql 1 pattern, JSON": [
                base + "/sparql?" + urllib.parse.urlencode({
                    "query": f"SELECT ?p ?o WHERE {{ <{e['id']}> ?p ?o }}"})
                for e in ents],
        }
        for e in ents:
            with urllib.request.urlopen(
                    f"{base}/api/neighbors?entity={q(e['id'])}") as r:
                edge = json.load(r)["edges"][0]
            endpoints["why (first edge)"].append(
                base + "/api/why?" + urllib.parse.urlencode(
                    {"s": edge["source"], "p": edge["predicate"],
                     "o": edge["target"]}))
        for url in endpoints["neighbors depth 1"][:1]:
            get(url)  # builds the graph snapshot and entity index once
        print(f"load average {os.getloadavg()[0]:.2f}; {a.clients} clients x "
              f"{a.requests} requests, median of {a.runs} runs")
        print("endpoint | req/s | p50 ms | p95 ms | server CPU s / wall s")
        for name, urls in endpoints.items():
            rows = []
            for _ in range(a.runs):
                cpu0 = cpu_seconds(proc.pid)
                wall, lat, errors = run(urls, a.clients, a.requests)
                cpu = cpu_seconds(proc.pid) - cpu0
                if errors:
                    raise SystemExit(f"{name}: {len(errors)} errors: {errors[:3]}")
                n = len(lat)
                rows.append((n / wall, lat[n // 2] * 1e3,
                             lat[int(n * 0.95)] * 1e3, cpu, wall))
            rows.sort()
            r = rows[len(rows) // 2]
            print(f"{name} | {r[0]:.0f} | {r[1]:.1f} | {r[2]:.1f} | "
                  f"{r[3]:.2f} / {r[4]:.2f}")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
