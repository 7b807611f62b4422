"""Graph-building and Turtle/JSON-LD writing times on a synthetic corpus in the shape of `kg build`.

    .venv/bin/python benchmarks/bench_write.py                    # about 1 000 000 triples
    .venv/bin/python benchmarks/bench_write.py --triples 200000 --repeat 3

A synthetic resolved corpus (documents, typed entities with aliases and merge records, relations
with qualifiers) goes through ``kg.graph.to_graph``, then through the serialisers of the build:
``serialize_turtle`` (the dedicated writer) and ``serialize_jsonld``. For reference, pyoxigraph
on sorted triples is timed on a 100 000-triple slice and scaled linearly (``--reference-full``
times it on the whole graph). The Turtle output is checked: same bytes on a second run, and it
parses with pyoxigraph to the same number of triples.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from itertools import islice

import pyoxigraph as ox
from rdflib import Graph

from kg.export import serialize_jsonld, serialize_turtle, turtle_oxigraph
from kg.graph import bulk_add, index_size, text_index, to_graph
from kg.model import Corpus, Document, Entity, ResolvedRelation

TYPES = ("Organization", "Project", "Person", "Place", "Award", "Event")
SUBTYPES = ("Foundation", "Company", "GovernmentAgency", "SocialOrganization", "Network", "Other")
PREDICATES = {
    "funds": ("Organization", "Project"),
    "implements": ("Organization", "Project"),
    "partnersWith": ("Organization", "Organization"),
    "worksFor": ("Person", "Organization"),
    "locatedIn": ("Project", "Place"),
    "receivedAward": ("Project", "Award"),
    "organizes": ("Organization", "Event"),
}


def synthetic_corpus(triples: int, seed: int = 11) -> Corpus:
    """About ``triples`` triples once built: ~30 % entity descriptions, ~70 % relation statements."""
    rng = random.Random(seed)
    n_entities = max(20, triples * 3 // 10 // 6)
    n_relations = max(10, triples * 7 // 10 // 13)
    docs = tuple(
        Document(f"{i:064x}", f"corpus/doc{i:06d}.txt", f"简报第{i}期", "", "", ())
        for i in range(max(2, n_entities // 25))
    )
    entities: list[Entity] = []
    by_type: dict[str, list[Entity]] = {t: [] for t in TYPES}
    for i in range(n_entities):
        kind = TYPES[i % len(TYPES)]
        name = f"{kind[:3]}名称{i}号" + ("基金会" if kind == "Organization" else "")
        merges = ((name[:4], "alias.short", f"{name}（简称{name[:4]}）"),) if rng.random() < 0.05 else ()
        e = Entity(
            key=f"{kind}:{name}",
            name=name,
            type=kind,
            subtype=rng.choice(SUBTYPES) if kind == "Organization" else None,
            aliases=(name[:4] + "简称",) if rng.random() < 0.4 else (),
            docs=tuple(sorted({rng.choice(docs).id for _ in range(2)})),
            merges=merges,
        )
        entities.append(e)
        by_type[kind].append(e)
    relations = []
    preds = list(PREDICATES)
    for i in range(n_relations):
        pred = preds[i % len(preds)]
        s, o = (rng.choice(by_type[t]) for t in PREDICATES[pred])
        start = rng.randint(0, 20000)
        qualifiers: tuple[tuple[str, str], ...] = ()
        if pred == "funds":
            qualifiers = (("amount", f"{rng.randint(1, 500)}万元"), ("year", str(rng.randint(2015, 2024))))
        elif pred == "worksFor":
            qualifiers = (("role", rng.choice(["秘书长", "理事长", "项目官员"])),)
        relations.append(
            ResolvedRelation(
                s.key,
                pred,
                o.key,
                rng.choice(docs).id,
                f"{s.name}与{o.name}的证据句，含“引号”和\\反斜杠",
                start,
                start + 30,
                f"{pred}.synthetic",
                round(rng.uniform(0.5, 0.95), 2),
                qualifiers,
            )
        )
    return Corpus(docs, tuple(entities), tuple(relations))


def timed(fn, repeat: int):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (median)")
    parser.add_argument("--reference-full", action="store_true", help="time pyoxigraph on the whole graph")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    corpus = synthetic_corpus(args.triples)
    print(
        f"synthetic corpus: {len(corpus.entities)} entities, {len(corpus.relations)} relations "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    index_s, index = timed(lambda: text_index(corpus), args.repeat)
    n = index_size(index)
    print(f"triples: {n}")
    print("kg build path (TextIndex, no rdflib terms):")
    print(f"  text_index (graph stage)       {index_s:8.2f} s   ({index_s / n * 1e6:.2f} us/triple)")
    ttl_s, ttl = timed(lambda: serialize_turtle(index), args.repeat)
    print(
        f"  serialize_turtle               {ttl_s:8.2f} s   ({ttl_s * 1e6 / n:.2f} s per 1M triples, "
        f"{len(ttl) / 1e6:.1f} MB)"
    )
    jsonld_s, jsonld = timed(lambda: serialize_jsonld(index), args.repeat)
    print(f"  serialize_jsonld               {jsonld_s:8.2f} s   ({jsonld_s * 1e6 / n:.2f} s per 1M triples)")
    print(
        f"  target: graph.ttl <= 5 s per 1M triples: "
        f"{'met' if ttl_s * 1e6 / n <= 5 else 'NOT met'} ({ttl_s * 1e6 / n:.2f} s; "
        f"with the graph stage {(index_s + ttl_s) * 1e6 / n:.2f} s)"
    )
    index_ttl, index_jsonld = ttl, jsonld
    print("rdflib graph (what `kg export`, queries and HTML use):")
    graph_s, graph = timed(lambda: to_graph(corpus), args.repeat)
    print(f"  to_graph (graph stage)         {graph_s:8.2f} s   ({graph_s / n * 1e6:.2f} us/triple)")
    ttl_s, ttl = timed(lambda: serialize_turtle(graph), args.repeat)
    print(
        f"  serialize_turtle               {ttl_s:8.2f} s   ({ttl_s * 1e6 / n:.2f} s per 1M triples, "
        f"{len(ttl) / 1e6:.1f} MB)"
    )
    same = serialize_turtle(graph) == ttl
    parsed = sum(1 for _ in ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    print(f"  deterministic (2nd run same)   {same}")
    print(
        f"  pyoxigraph re-parse            {parsed} triples ({'same count' if parsed == n else 'DIFFERENT'})"
    )
    jsonld_s, jsonld = timed(lambda: serialize_jsonld(graph), max(1, args.repeat // 2))
    print(f"  serialize_jsonld               {jsonld_s:8.2f} s   ({len(jsonld) / 1e6:.1f} MB)")
    print(f"  same bytes as the TextIndex writers: {ttl == index_ttl and jsonld == index_jsonld}")
    if args.reference_full:
        ref_s, _ = timed(lambda: turtle_oxigraph(graph), 1)
        print(f"  pyoxigraph on sorted triples   {ref_s:8.2f} s   (whole graph)")
    else:
        part = Graph()
        bulk_add(part, islice(graph, 100_000))
        ref_s, _ = timed(lambda: turtle_oxigraph(part), 1)
        print(
            f"  pyoxigraph on sorted triples   {ref_s * n / len(part):8.2f} s   "
            f"(extrapolated from {ref_s:.2f} s on {len(part)} triples)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
