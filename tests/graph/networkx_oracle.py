#!/usr/bin/python3
"""networkx oracle for graph_networkx_test: reads an edge list (one
"subject predicate object" triple of integers per line) and a JSON file of
queries, prints the answers as JSON. Exit 3 when networkx is missing."""
import json
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit(3)


def main():
    edges_path, queries_path = sys.argv[1], sys.argv[2]
    g = nx.MultiDiGraph()
    with open(edges_path) as f:
        for line in f:
            s, p, o = map(int, line.split())
            g.add_edge(s, o, key=p)
    q = json.load(open(queries_path))
    und = nx.Graph(g.to_undirected())
    und.remove_edges_from(list(nx.selfloop_edges(und)))
    views = {"out": nx.DiGraph(g), "in": nx.DiGraph(g).reverse(copy=True),
             "both": und}
    out = {"neighbors": [], "paths": [], "all_paths": []}
    for start, depth, direction in q["neighbors"]:
        lengths = nx.single_source_shortest_path_length(
            views[direction], start, cutoff=depth)
        out["neighbors"].append(
            sorted([v, d] for v, d in lengths.items() if v != start))
    for a, b in q["paths"]:
        try:
            out["paths"].append(nx.shortest_path_length(und, a, b))
        except nx.NetworkXNoPath:
            out["paths"].append(-1)
    for a, b in q["all_paths"]:
        try:
            out["all_paths"].append(
                sorted(list(p) for p in nx.all_shortest_paths(und, a, b)))
        except nx.NetworkXNoPath:
            out["all_paths"].append([])
    out["components"] = sorted(
        (len(c) for c in nx.weakly_connected_components(g)), reverse=True)
    out["same_component"] = [
        [a, b, nx.has_path(und, a, b)] for a, b in q["paths"]]
    try:
        pr = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000)
    except ImportError:
        # nx.pagerank needs scipy; networkx's pure-Python power iteration is
        # the same algorithm.
        from networkx.algorithms.link_analysis import pagerank_alg
        pr = pagerank_alg._pagerank_python(
            g, alpha=0.85, tol=1e-13, max_iter=10000)
    out["pagerank"] = sorted([v, x] for v, x in pr.items())
    bc = nx.betweenness_centrality(und, normalized=True)
    out["betweenness"] = sorted([v, x] for v, x in bc.items())
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
