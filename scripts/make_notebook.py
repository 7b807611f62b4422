"""Write notebooks/explore.ipynb (outputs stripped) from the cells below.

The notebook is generated so that its source stays reviewable as Python; edit the cells
here and run ``python scripts/make_notebook.py``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS: list[tuple[str, str]] = [
    ("md", """# Exploring the seed knowledge graph

This notebook uses only `kg`'s public Python API (`kg.build`, `kg.query`, `kg.html`,
`kg.export`) to tell the story of the graph built from the five seed documents: two pages of
公益时报, the Paulson Prize case book and a CEGA newsletter. Each step says what it shows."""),
    ("code", """import matplotlib.pyplot as plt
import networkx as nx"""),
    ("md", """## Build the graph

`kg.build()` with no argument builds the built-in seed corpus. The result is an
`rdflib.Graph`: entities, relation triples, and one provenance statement per relation."""),
    ("code", """import kg

graph = kg.build()
print(f"{len(graph)} triples")"""),
    ("md", """## What is in it

Entities by type and relations by predicate, counted with SPARQL (the named query
`orgs_by_type` and two ad-hoc queries)."""),
    ("code", """types = kg.query(graph, '''
PREFIX kg: <https://w3id.org/kg-cn-philanthropy/ontology#>
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?cls { kg:Organization kg:Person kg:Project kg:Place kg:Award kg:Event kg:Publication }
  ?e a ?cls . BIND(STRAFTER(STR(?cls), "#") AS ?type)
} GROUP BY ?type ORDER BY DESC(?n)''')
preds = kg.query(graph, '''
PREFIX kg: <https://w3id.org/kg-cn-philanthropy/ontology#>
SELECT ?predicate (COUNT(*) AS ?n) WHERE {
  ?st a rdf:Statement ; rdf:predicate ?p . BIND(STRAFTER(STR(?p), "#") AS ?predicate)
} GROUP BY ?predicate ORDER BY DESC(?n)''')
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
axes[0].barh([r["type"] for r in types], [r["n"] for r in types], color="#4c78a8")
axes[0].set_title("entities by type")
axes[1].barh([r["predicate"] for r in preds], [r["n"] for r in preds], color="#f58518")
axes[1].set_title("relation statements by predicate")
plt.tight_layout()
plt.show()"""),
    ("md", """## Who funds what

The named query `funding_flows` lists every `kg:funds` relation with its evidence sentence
and any amount recorded on the statement."""),
    ("code", """for row in kg.query(graph, "funding_flows")[:15]:
    amount = f" ({row['amount']})" if row["amount"] else ""
    print(f"{row['funderLabel']} → {row['recipientLabel']}{amount}")"""),
    ("md", """## Paulson Prize winners by province, level and year

`award_winners` reads level, year and category from the provenance statements; the province
of each winning project comes from its `kg:locatedIn` place and the `kg:partOf` chain."""),
    ("code", """winners = kg.query(graph, "award_winners", prize="保尔森可持续发展奖")
province_of = {
    r["project"]: r["province"]
    for r in kg.query(graph, '''
PREFIX kg: <https://w3id.org/kg-cn-philanthropy/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?project ?province WHERE {
  ?p a kg:Project ; rdfs:label ?project ; kg:locatedIn ?l .
  ?l kg:partOf* ?prov . ?prov rdfs:label ?province .
  FILTER(STRENDS(STR(?province), "省") || STRENDS(STR(?province), "自治区") || STRENDS(STR(?province), "市"))
  FILTER NOT EXISTS { ?prov kg:partOf ?up }
}''')
}
from collections import Counter

by_province = Counter(province_of.get(w["winnerLabel"], "(not located)") for w in winners)
by_level_year = Counter((str(w.get("level")), str(w.get("year"))) for w in winners)
print(f"{len(winners)} winning entries")
print("by province:", by_province.most_common())
print("by level and year:", sorted(by_level_year.items()))"""),
    ("md", """## The members of CEGA and what they fund

`members` lists the organisations that are `kg:memberOf` a network (names and aliases both
work, so `CEGA` finds 环境资助者网络); for each member we look up what it funds or implements."""),
    ("code", """members = kg.query(graph, "members", network="CEGA")
print(f"{len(members)} members")
for m in members[:12]:
    name = m["memberLabel"]
    rels = kg.query(graph, "relations_of", entity=name)
    work = sorted({r["otherLabel"] for r in rels if r["relation"] in ("funds", "implements") and r["direction"] == "out"})
    print(name, "→", "、".join(work[:5]) or "-")"""),
    ("md", """## From 蚂蚁森林 to 威海's seagrass

The named query `chain` finds the shortest chain of relations between two entities, in
either direction, over every predicate."""),
    ("code", """for step in kg.query(graph, "chain", a="蚂蚁森林", b="威海"):
    arrow = "→" if step["direction"] == "forward" else "←"
    print(f"{step['step']}. {step['fromLabel']} {arrow}{step['predicate'].split('#')[1]}{arrow} {step['toLabel']}")"""),
    ("md", """## The organisation network: hubs and communities

We project the graph on organisations (any relation between two organisations, or a shared
project, place or event), then compute degree and betweenness centrality and modularity
communities with networkx."""),
    ("code", """from rdflib.namespace import RDF, RDFS

from kg.namespaces import KG

orgs = set(graph.subjects(RDF.type, KG.Organization))
label = {e: str(graph.value(e, RDFS.label)) for e in orgs}
G = nx.Graph()
G.add_nodes_from(label[o] for o in orgs)
by_other: dict = {}
for s, p, o in graph:
    if not str(p).startswith(str(KG)) or p in (KG.mentionedIn,):
        continue
    if s in orgs and o in orgs:
        G.add_edge(label[s], label[o])
    elif s in orgs and (o, RDF.type, KG.Document) not in graph:
        by_other.setdefault(o, set()).add(label[s])
for members_of in by_other.values():
    ms = sorted(members_of)
    for i, a in enumerate(ms):
        for b in ms[i + 1 :]:
            G.add_edge(a, b)
G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
degree = nx.degree_centrality(G)
between = nx.betweenness_centrality(G)
hubs = sorted(G, key=lambda n: (-between[n], -degree[n]))[:10]
communities = sorted(nx.community.greedy_modularity_communities(G), key=len, reverse=True)
print(f"{G.number_of_nodes()} connected organisations, {G.number_of_edges()} links, {len(communities)} communities")
for n in hubs:
    print(f"  {n}: degree {G.degree(n)}, betweenness {between[n]:.3f}")"""),
    ("md", """**Reading.** The hubs are the organisations with the highest betweenness: they connect
groups that would otherwise not touch — grant-makers that fund or partner across several
projects, and the network itself. The communities follow the documents' stories: each
newspaper article or case forms a tight cluster, and the bridges between clusters are the
few organisations named in more than one story. The next cell states the result in words."""),
    ("code", """top = ", ".join(hubs[:3])
sizes = ", ".join(str(len(c)) for c in communities[:5])
print(f"Top hubs by betweenness: {top}.")
print(f"The five largest communities have {sizes} organisations; the largest is centred on "
      f"{max(communities[0], key=lambda n: degree[n])}.")"""),
    ("md", """## The interactive explorer, inline

The same self-contained page that `kg build` writes as `graph.html` (no network access;
search by any name or alias; click a node for its evidence)."""),
    ("code", """import html
import warnings

from IPython.display import HTML, display

from kg.html import render_html

page = render_html(graph, title="seed graph")
with warnings.catch_warnings():  # IPython suggests IFrame, which would need a file next to the notebook
    warnings.simplefilter("ignore")
    display(HTML(f'<iframe srcdoc="{html.escape(page)}" style="width:100%;height:620px;border:0"></iframe>'))"""),
    ("md", """## Export for other tools

Turtle for Protégé, GraphDB or Jena; GEXF for Gephi. `kg export` does the same from the
command line."""),
    ("code", """from pathlib import Path

from kg.export import export_graph

out = Path("out")
out.mkdir(exist_ok=True)
export_graph(graph, "turtle", out / "notebook-graph.ttl")
export_graph(graph, "gexf", out / "notebook-graph.gexf")
print(sorted(p.name for p in out.glob("notebook-graph.*")))"""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, (kind, src) in enumerate(CELLS):
        cell = new_markdown_cell(src) if kind == "md" else new_code_cell(src)
        cell.id = f"cell-{i:02d}"  # stable ids: regenerating gives the same file
        nb.cells.append(cell)
    return nb


if __name__ == "__main__":
    path = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(build(), str(path))
    print(f"wrote {path}")
