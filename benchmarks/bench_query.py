"""Query and Turtle-serialisation timings on a synthetic graph in the shape `kg build` produces.

    .venv/bin/python benchmarks/bench_query.py                 # 100 000 triples
    .venv/bin/python benchmarks/bench_query.py --triples 20000 --repeat 3

Reports, for every named query, the median latency on the default in-memory rdflib graph and
on an Oxigraph-backed graph (a temporary on-disk store), then the two deterministic Turtle
serialisers (pyoxigraph on sorted triples, rdflib's turtle) with their output sizes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.graph import bulk_add
from kg.namespaces import DEFAULT_BASE, KG
from kg.store import bind_prefixes, copy_graph, open_store

ORG_SUBTYPES = ("Foundation", "Company", "GovernmentAgency", "SocialOrganization", "Network")
PROVINCES = ("江西省", "云南省", "四川省", "青海省", "甘肃省", "广东省", "浙江省", "贵州省")


def synthetic_graph(triples: int, seed: int = 7) -> Graph:
    """A deterministic graph of about ``triples`` triples shaped like tests/data/sample_graph.ttl."""
    rng = random.Random(seed)
    g = _Collector()
    base = DEFAULT_BASE
    n_entities = max(20, int(triples / 23))
    n_docs = max(2, n_entities // 25)
    docs = [URIRef(f"{base}doc/{i:016x}") for i in range(n_docs)]
    for i, doc in enumerate(docs):
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.title, Literal(f"简报第{i}期", lang="zh")))
        g.add((doc, KG.sourcePath, Literal(f"corpus/doc{i}.txt")))

    def entity(kind: str, segment: str, name: str, subtype: str | None = None) -> URIRef:
        node = URIRef(f"{base}{segment}/{name}")
        g.add((node, RDF.type, KG[kind]))
        if subtype:
            g.add((node, RDF.type, KG[subtype]))
        label = Literal(name, lang="zh")
        g.add((node, RDFS.label, label))
        g.add((node, SKOS.prefLabel, label))
        if rng.random() < 0.4:
            g.add((node, SKOS.altLabel, Literal(name[:4] + "简称", lang="zh")))
        for doc in rng.sample(docs, k=min(len(docs), 2)):
            g.add((node, KG.mentionedIn, doc))
        return node

    provinces = [entity("Place", "place", p) for p in PROVINCES]
    cities = []
    for i in range(max(8, n_entities // 20)):
        city = entity("Place", "place", f"城市{i}市")
        cities.append(city)
        _relate(g, rng, docs, city, "partOf", rng.choice(provinces), {})
    n_rest = n_entities - len(provinces) - len(cities)
    orgs = [
        entity("Organization", "org", f"机构{i}基金会", rng.choice(ORG_SUBTYPES))
        for i in range(n_rest * 4 // 10)
    ]
    networks = [o for o in orgs if (o, RDF.type, KG.Network) in g] or orgs[:1]
    projects = [entity("Project", "project", f"项目{i}计划") for i in range(n_rest * 3 // 10)]
    persons = [entity("Person", "person", f"人物{i}") for i in range(n_rest * 2 // 10)]
    awards = [entity("Award", "award", f"奖项{i}奖") for i in range(max(3, n_rest // 20))]
    n_relations = int(n_entities * 1.5)
    for _ in range(n_relations):
        choice = rng.random()
        if choice < 0.25:
            _relate(
                g,
                rng,
                docs,
                rng.choice(orgs),
                "funds",
                rng.choice(projects + orgs),
                {"amount": f"{rng.randint(1, 500)}万元", "year": str(rng.randint(2015, 2024))},
            )
        elif choice < 0.4:
            _relate(g, rng, docs, rng.choice(orgs), "partnersWith", rng.choice(orgs), {})
        elif choice < 0.55:
            _relate(g, rng, docs, rng.choice(orgs), "implements", rng.choice(projects), {})
        elif choice < 0.65:
            _relate(g, rng, docs, rng.choice(projects), "locatedIn", rng.choice(cities), {})
        elif choice < 0.75:
            _relate(
                g,
                rng,
                docs,
                rng.choice(persons),
                "worksFor",
                rng.choice(orgs),
                {"role": rng.choice(["秘书长", "理事长", "项目官员", "志愿者"])},
            )
        elif choice < 0.85:
            _relate(g, rng, docs, rng.choice(orgs), "memberOf", rng.choice(networks), {})
        else:
            _relate(
                g,
                rng,
                docs,
                rng.choice(projects + orgs),
                "receivedAward",
                rng.choice(awards),
                {"year": str(rng.randint(2015, 2024)), "level": rng.choice(["年度大奖", "提名奖", "优秀奖"])},
            )
    return bulk_add(bind_prefixes(Graph()), g.triples)


class _Collector:
    """Collects the triples of the synthetic graph (``Graph.add`` one by one takes minutes at
    1M triples; ``kg.graph.bulk_add`` fills a fresh graph at once)."""

    def __init__(self) -> None:
        self.triples: list[tuple[Any, Any, Any]] = []
        self._seen: set[tuple[Any, Any, Any]] = set()

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        if triple not in self._seen:
            self._seen.add(triple)
            self.triples.append(triple)

    def __contains__(self, triple: tuple[Any, Any, Any]) -> bool:
        return triple in self._seen


_counter = iter(range(10**9))


def _relate(
    g: _Collector,
    rng: random.Random,
    docs: list[URIRef],
    s: URIRef,
    pred: str,
    o: URIRef,
    qualifiers: dict[str, str],
) -> None:
    if s == o:
        return
    p = KG[pred]
    g.add((s, p, o))
    st = URIRef(f"{DEFAULT_BASE}stmt/{next(_counter):08d}")
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, rng.choice(docs)))
    g.add((st, KG.evidence, Literal(f"{s.split('/')[-1]}与{o.split('/')[-1]}的证据句", lang="zh")))
    start = rng.randint(0, 5000)
    g.add((st, KG.startOffset, Literal(start)))
    g.add((st, KG.endOffset, Literal(start + 20)))
    g.add((st, KG.rule, Literal(f"{pred}.synthetic")))
    g.add((st, KG.confidence, Literal(round(rng.uniform(0.5, 0.95), 2))))
    for key, value in qualifiers.items():
        g.add((st, KG[key], Literal(value)))


def _label(g: Graph, kind: str) -> str:
    for node in sorted(g.subjects(RDF.type, KG[kind])):
        for label in g.objects(node, SKOS.prefLabel):
            return str(label)
    return ""


def query_cases(g: Graph) -> dict[str, dict[str, Any]]:
    """Parameters for every named query, picked from the graph itself."""
    # the busiest project and organisation make the parameterised queries return rows
    org = max(sorted(g.subjects(RDF.type, KG.Organization)), key=lambda n: len(list(g.predicate_objects(n))))
    funded = sorted(g.objects(None, KG.funds))
    project = str(g.value(funded[0], SKOS.prefLabel)) if funded else _label(g, "Project")
    org_label = str(g.value(org, SKOS.prefLabel))
    network = sorted(g.objects(None, KG.memberOf))
    person = sorted(g.subjects(KG.worksFor, None))
    employer = g.value(person[0], KG.worksFor) if person else org  # evidence: a pair with statements
    return {
        "funders": {"entity": project},
        "partners": {"org": org_label},
        "projects_in": {"place": PROVINCES[0] if len(g) > 200 else "江西省"},
        "award_winners": {},
        "members": {"network": str(g.value(network[0], SKOS.prefLabel)) if network else org_label},
        "persons_roles": {},
        "evidence": {
            "subject": str(g.value(person[0], SKOS.prefLabel)) if person else org_label,
            "object": str(g.value(employer, SKOS.prefLabel)),
        },
        "chain": {
            "a": str(g.value(person[0], SKOS.prefLabel)) if person else org_label,
            "b": PROVINCES[0] if len(g) > 200 else "江西省",
        },
        "orgs_by_type": {},
        "documents_of": {"entity": org_label},
        "funding_flows": {},
        "relations_of": {"entity": org_label},
        "top_connected": {},
    }


# queries about one given entity (target <= 0.1 s on Oxigraph at 1M triples); the others are
# corpus-wide: counts, rankings, full tables (target <= 1 s)
ENTITY_QUERIES = frozenset(
    {"funders", "partners", "projects_in", "members", "evidence", "chain", "documents_of", "relations_of"}
)


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time in ms over ``repeat`` runs after one warm-up run, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--triples", type=int, nargs="+", default=[100_000], help="approximate sizes of the synthetic graphs"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (median)")
    parser.add_argument("--sample", action="store_true", help="use tests/data/sample_graph.ttl instead")
    parser.add_argument("--skip-rdflib-turtle", action="store_true", help="skip the slow rdflib serialiser")
    parser.add_argument(
        "--rdflib-max",
        type=int,
        default=200_000,
        help="run the named queries on the in-memory rdflib graph only up to this many triples "
        "(its engine takes up to ~35 s per query at 1M; Oxigraph always runs every query)",
    )
    parser.add_argument("--no-turtle", action="store_true", help="skip the serialiser timings")
    parser.add_argument(
        "--store-dir",
        help="keep the Oxigraph stores in DIR/<triples> and reuse them on later runs (building the "
        "1M graph and loading it takes about a minute); with a reused store and the rdflib engine "
        "skipped, the in-memory graph is not built at all",
    )
    parser.add_argument("--only", nargs="+", metavar="QUERY", help="time only these named queries")
    args = parser.parse_args(argv)
    for triples in args.triples:
        run(args, triples)
    return 0


def run(args: argparse.Namespace, triples: int) -> None:
    from kg.export import serialize_turtle, turtle_oxigraph, turtle_rdflib
    from kg.sparql import named_queries, run_named

    print(f"\n=== synthetic graph of about {triples} triples (load average {os.getloadavg()[0]:.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(args.store_dir) / str(triples) if args.store_dir else Path(tmp) / "store"
        reuse = args.store_dir is not None and not args.sample and store_dir.with_suffix(".done").exists()
        needs_graph = not reuse or triples <= args.rdflib_max or not args.no_turtle
        graph: Graph | None = None
        if needs_graph:
            t0 = time.perf_counter()
            if args.sample:
                from kg.store import load_graph

                graph = load_graph(Path(__file__).resolve().parents[1] / "tests" / "data" / "sample_graph.ttl")
            else:
                graph = synthetic_graph(triples)
            print(f"graph: {len(graph)} triples (made in {time.perf_counter() - t0:.1f} s)")
        ox_graph = open_store(f"oxigraph:{store_dir}")
        if reuse:
            print(f"oxigraph store reused from {store_dir} ({len(ox_graph)} triples)\n")
        else:
            assert graph is not None
            ox_graph.store._inner.clear()  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            copy_graph(graph, ox_graph)
            print(f"oxigraph store loaded in {time.perf_counter() - t0:.1f} s ({len(ox_graph)} triples)\n")
            if args.store_dir:
                store_dir.with_suffix(".done").touch()  # complete: later runs may reuse it
        cases = query_cases(graph if graph is not None else ox_graph)
        with_rdflib = graph is not None and len(graph) <= args.rdflib_max
        if not with_rdflib:
            print(f"rdflib engine skipped above {args.rdflib_max} triples (--rdflib-max): minutes per query")
        print(f"{'query':15s} {'kind':7s} {'rows':>5s} {'rdflib ms':>10s} {'oxigraph ms':>12s} {'target':>7s}")
        for name in named_queries():
            if args.only and name not in args.only:
                continue
            params = cases.get(name, {})
            ox_ms, res_ox = timed(lambda n=name, p=params: run_named(ox_graph, n, p), args.repeat)
            flag = ""
            if with_rdflib:
                assert graph is not None
                mem_ms, res = timed(lambda n=name, p=params: run_named(graph, n, p), args.repeat)
                if len(res) != len(res_ox):
                    flag = f"  (row counts differ: {len(res)} vs {len(res_ox)})"
                mem = f"{mem_ms:10.1f}"
            else:
                mem = f"{'—':>10s}"
            kind = "entity" if name in ENTITY_QUERIES else "corpus"
            limit = 100 if kind == "entity" else 1000
            met = "ok" if ox_ms <= limit else "SLOW"
            print(f"{name:15s} {kind:7s} {len(res_ox):5d} {mem} {ox_ms:12.1f} {met:>7s}{flag}", flush=True)
        ox_graph.close()
    if args.no_turtle or graph is None:
        return

    print("\nTurtle serialisation (deterministic):")
    fast_ms, fast_bytes = timed(lambda: serialize_turtle(graph), args.repeat)
    print(f"  serialize_turtle (kg writer): {fast_ms:8.1f} ms  {len(fast_bytes):>10d} bytes")
    ox_ms, ox_bytes = timed(lambda: turtle_oxigraph(graph), 1)
    print(f"  pyoxigraph, sorted triples : {ox_ms:9.1f} ms  {len(ox_bytes):>10d} bytes")
    if not args.skip_rdflib_turtle:
        rd_ms, rd_bytes = timed(lambda: turtle_rdflib(graph), max(1, args.repeat // 2))
        print(f"  rdflib turtle              : {rd_ms:9.1f} ms  {len(rd_bytes):>10d} bytes")


if __name__ == "__main__":
    sys.exit(main())
