"""Reference values for Weframe's network measures, computed with networkx.

Usage: /usr/bin/python3 networkx-compare.py < input.json > output.json

Reads the same NetworkInput JSON as networkMeasures() ({"nodes": [...], "ties": [...]}) and prints
every measure as networkx computes it: density and reciprocity on the DiGraph, the rest on the
undirected Graph; degree centralization and the E-I index by formula from networkx's graph.
Conventions match the TypeScript: duplicate ties merge (weights add), self-loops are dropped, a tie
without a weight weighs the sum of its sources (or 1), ties to unknown nodes are an error.
"""

import json
import sys

import networkx as nx


def tie_weight(tie):
    if tie.get("weight") is not None:
        return tie["weight"]
    sources = tie.get("sources")
    return 1 if sources is None else sum(sources.values())


def main():
    data = json.load(sys.stdin)
    directed = nx.DiGraph()
    for node in data["nodes"]:
        if node.get("group") is None:
            directed.add_node(node["id"])
        else:
            directed.add_node(node["id"], group=node["group"])
    pair_weight = {}
    for tie in data["ties"]:
        source, target = tie["source"], tie["target"]
        for end in (source, target):
            if end not in directed:
                sys.exit("unknown node %r in tie %r -> %r" % (end, source, target))
        if source == target:
            continue
        directed.add_edge(source, target)
        pair = (min(source, target), max(source, target))
        pair_weight[pair] = pair_weight.get(pair, 0) + tie_weight(tie)

    graph = directed.to_undirected(as_view=False)
    n = graph.number_of_nodes()

    try:
        reciprocity = nx.overall_reciprocity(directed)
    except nx.NetworkXError:
        reciprocity = None

    degrees = dict(graph.degree())
    if n < 3:
        centralization = 0.0
    else:
        top = max(degrees.values())
        centralization = sum(top - d for d in degrees.values()) / ((n - 1) * (n - 2))

    groups = nx.get_node_attributes(graph, "group")
    per_group = {group: [0, 0] for group in groups.values()}  # [internal, external]
    internal = external = 0
    for a, b in graph.edges():
        if a not in groups or b not in groups:
            continue
        if groups[a] == groups[b]:
            internal += 1
            per_group[groups[a]][0] += 1
        else:
            external += 1
            per_group[groups[a]][1] += 1
            per_group[groups[b]][1] += 1

    def ei(i, e):
        return None if i + e == 0 else (e - i) / (e + i)

    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)),
        key=lambda c: (-len(c), c[0]),
    )

    result = {
        "nodeCount": n,
        "tieCount": directed.number_of_edges(),
        "undirectedTieCount": graph.number_of_edges(),
        "density": nx.density(directed),
        "reciprocity": reciprocity,
        "inDegree": dict(directed.in_degree()),
        "outDegree": dict(directed.out_degree()),
        "degreeCentralization": centralization,
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": nx.closeness_centrality(graph),
        "components": components,
        "isolates": sorted(nx.isolates(graph)),
        "articulationPoints": sorted(nx.articulation_points(graph)),
        "eiIndex": {
            "overall": ei(internal, external),
            "byGroup": {g: ei(i, e) for g, (i, e) in sorted(per_group.items())},
        },
        "weights": [
            {"source": a, "target": b, "weight": w} for (a, b), w in sorted(pair_weight.items())
        ],
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
