"""The `kg` command line: a thin click shell over the library.

Library errors (kg.errors.KGError) become one-line CLI errors here, nowhere else.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.errors import KGError


class LibraryError(click.ClickException):
    """A library error shown as one line; exit status 2 like a usage error."""

    exit_code = 2


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into clear CLI errors (exit status 2), not tracebacks."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KGError as exc:
            raise LibraryError(str(exc)) from exc
        except OSError as exc:
            raise LibraryError(f"{exc.filename or ''}: {exc.strerror or exc}") from exc

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build knowledge graphs from Chinese philanthropy and environmental documents.

    \b
    Typical session:
      kg build seeds -o out          # text files in, out/graph.ttl, graph.jsonld, graph.html
      kg stats out/graph.ttl         # what is in a graph
      kg query out/graph.ttl --list  # named SPARQL queries
      kg eval out/graph.ttl GOLD_DIR # precision / recall against gold annotations
    """


# --- build / stats / eval (core) -------------------------------------------------------

EXIT_OK, EXIT_FAILED, EXIT_SKIPPED = 0, 1, 3


class _ProgressBar:
    """Per-file progress with rate and ETA on stderr; silent for builds under a second."""

    def __init__(self, delay: float = 1.0) -> None:
        self.start = time.monotonic()
        self.delay = delay
        self.shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        elapsed = time.monotonic() - self.start
        if elapsed < self.delay or total <= 0:
            return
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0.0
        width = 30
        bar = "=" * int(width * done / total)
        click.echo(f"\r[{bar:<{width}}] {done}/{total} files  {rate:.1f}/s  ETA {eta:4.0f}s", nl=False, err=True)
        self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("", err=True)


def _echo_summary(summary: dict, out_dir: str | None, written: list | None = None) -> None:
    click.echo(f"documents: {summary['documents']}   triples: {summary['triples']}")
    ents = summary["entities"]
    click.echo(f"entities: {sum(ents.values())}  " + ", ".join(f"{k} {v}" for k, v in ents.items()))
    subs = summary["organisation_subtypes"]
    if subs:
        click.echo("  organisations: " + ", ".join(f"{k} {v}" for k, v in subs.items()))
    rels = summary["relations"]
    click.echo(f"relations: {sum(rels.values())}  " + ", ".join(f"{k} {v}" for k, v in rels.items()))
    if summary["shacl_conforms"] is not None:
        verdict = "conforms" if summary["shacl_conforms"] else f"{summary['shacl_violations']} violation(s)"
        click.echo(f"SHACL: {verdict}")
    secs = summary["seconds"]
    click.echo("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in secs.items()))
    if out_dir:
        names = " ".join(Path(p).name for p in written or [])
        click.echo(f"written to {out_dir}/: {names}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--out", "out_dir", default="out", show_default=True, help="Output directory.")
@click.option("--base", default=None, help="Base IRI for entities, documents and statements.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop relations whose rule confidence is below this.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Alias file: 'alias<TAB>canonical name' per line; overrides automatic resolution.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-shacl", is_flag=True, help="Skip SHACL validation.")
@click.option("-w", "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extract files in this many processes (same output).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse per-file results from OUT/.kg-cache (keyed by content hash and pipeline version).")
@click.option("--store", "store", default=None, metavar="oxigraph:DIR",
              help="Also load the graph into an on-disk Oxigraph store (for graphs beyond memory; query it "
                   "with `kg query --store`).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (no progress bar).")
@_friendly
def build(paths: tuple[str, ...], out_dir: str, base: str | None, min_confidence: float, aliases: str | None,
          no_html: bool, no_shacl: bool, workers: int, cache: bool, store: str | None, as_json: bool,
          quiet: bool) -> None:
    """Build the knowledge graph of PATHS (files or directories; default: the seed corpus).

    Writes OUT/graph.ttl, OUT/graph.jsonld and OUT/graph.html and prints a summary. Inputs that
    cannot be read are reported (file and problem) and skipped; the rest is built.

    \b
    Exit status: 0 success; 3 success, but some inputs were skipped; 1 nothing could be built
    (or SHACL validation failed); 2 usage or library error.
    """
    import json

    from kg.namespaces import DEFAULT_BASE
    from kg.pipeline import build_graph, write_outputs

    progress = _ProgressBar() if not quiet and sys.stderr.isatty() else None
    result = build_graph(list(paths) or None, base=base or DEFAULT_BASE, min_confidence=min_confidence,
                         aliases=aliases, shacl=not no_shacl, workers=workers,
                         cache_dir=os.path.join(out_dir, ".kg-cache") if cache else None, progress=progress)
    if progress:
        progress.close()
    for p in result.problems:
        click.echo(f"warning: {p}" if not p.skipped else f"skipped: {p}", err=True)
    if not result.corpus.documents:
        raise click.ClickException("no readable documents; nothing written")
    written = write_outputs(result, out_dir, html=not no_html)
    if store:
        from kg.pipeline import store_graph

        store_graph(result, store).close()
    if not quiet:
        if as_json:
            click.echo(json.dumps(result.summary(), ensure_ascii=False, indent=2))
        else:
            _echo_summary(result.summary(), out_dir, written)
    if result.conforms is False:
        click.echo(result.shacl_report, err=True)
        sys.exit(EXIT_FAILED)
    if any(p.skipped for p in result.problems):
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_friendly
def stats(graph_file: str, as_json: bool) -> None:
    """Counts of a built graph: documents, entities by type, relations by predicate."""
    import json

    from kg.stats import graph_stats
    from kg.store import load_graph

    s = graph_stats(load_graph(graph_file))
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(f"triples: {s['triples']}   documents: {s['documents']}   statements: {s['statements']}")
    click.echo(f"entities: {sum(s['entities'].values())}")
    for k, v in s["entities"].items():
        click.echo(f"  {k:<20} {v}")
    click.echo(f"relations: {sum(s['relations'].values())}")
    for k, v in s["relations"].items():
        click.echo(f"  {k:<20} {v}")


@main.command(name="eval")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--by-rule", is_flag=True, help="Also show the precision of each extraction rule.")
@click.option("--errors", is_flag=True, help="List false and missed entities and relations.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_friendly
def eval_cmd(graph_file: str, gold_dir: str, by_rule: bool, errors: bool, as_json: bool) -> None:
    """Score GRAPH_FILE against the gold annotations in GOLD_DIR (see FORMAT.md there).

    Reports precision, recall and F1 for entities (overall, typed, per type), relations
    (overall and per predicate) and the provenance share.
    """
    import json

    from kg.evaluate import evaluate, format_report
    from kg.store import load_graph

    rep = evaluate(load_graph(graph_file), gold_dir, with_errors=errors)
    if as_json:
        click.echo(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(rep, by_rule=by_rule))
    if errors:
        for key, items in rep.errors.items():
            click.echo(f"\n== {key} ({len(items)})")
            for item in items:
                click.echo(f"  {item}")

# --- query / export / push (SPARQL and exports) ---------------------------------------

_QUERY_FORMATS = ("table", "csv", "tsv", "json", "turtle")
_EXPORT_FORMATS = ("turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv", "html")
_EXPORT_SUFFIXES = {
    ".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig",
    ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".html": "html", ".htm": "html",
}


def _query_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r}: expected KEY=VALUE", param_hint="--param")
        params[key.strip()] = value
    return params


def _list_named_queries() -> str:
    from kg.sparql import named_queries

    lines = []
    for nq in named_queries().values():
        params = " ".join(f"[{p.name}]" if p.optional else p.name for p in nq.params)
        lines.append(f"{nq.name:15s} {params:34s} {nq.description}")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("args", nargs=-1, metavar="[GRAPH] [SPARQL]")
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .rq file.")
@click.option("-n", "--name", help="Run a named query (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Query parameter, bound as an RDF term (repeatable). <IRI> or http(s)://… gives an IRI.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
@click.option("--format", "fmt", type=click.Choice(_QUERY_FORMATS), default="table", show_default=True,
              help="Output format; CONSTRUCT/DESCRIBE results are always Turtle.")
@click.option("--allow-update", is_flag=True,
              help="Allow SPARQL Update. A GRAPH file is not rewritten; a --store or --endpoint is changed.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up when the query runs longer.")
@click.option("--endpoint", metavar="URL", help="Query a remote SPARQL 1.1 endpoint, e.g. http://127.0.0.1:7878/query.")
@click.option("--store", metavar="oxigraph:DIR",
              help="Query an on-disk Oxigraph store; with GRAPH, load GRAPH into it first (replacing its content).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the result to FILE.")
@_friendly
def query(args: tuple[str, ...], query_file: str | None, name: str | None, params: tuple[str, ...],
          list_queries: bool, fmt: str, allow_update: bool, timeout: float | None, endpoint: str | None,
          store: str | None, output: str | None) -> None:
    """Run SPARQL on GRAPH (a .ttl/.nt/.jsonld/.trig file), a --store or an --endpoint.

    \b
    Examples:
      kg query out/graph.ttl 'SELECT ?o WHERE { ?o a kg:Foundation }'
      kg query out/graph.ttl --name funders --param entity=湿地守护计划
      kg query out/graph.ttl --file my.rq --format csv -o result.csv
      kg query --endpoint http://127.0.0.1:7878/query --name projects_in -p place=江西省

    Queries are read-only unless --allow-update; the prefixes kg:, rdfs:, skos:, prov:,
    dcterms:, rorg:, rproject:, … need no PREFIX line.
    """
    from pathlib import Path

    from kg.io import atomic_write
    from kg.sparql import Endpoint, _execute, format_result, get_named_query, run_named

    if list_queries:
        click.echo(_list_named_queries(), nl=False)
        return
    if endpoint and store:
        raise click.UsageError("give either --endpoint or --store, not both")
    sources = sum(x is not None for x in (query_file, name))
    if sources > 1:
        raise click.UsageError("give the query as SPARQL text, --file or --name, only one of them")
    args_list = list(args)
    graph_spec: str | None = None
    sparql: str | None = None
    if len(args_list) > 2:
        raise click.UsageError("too many arguments: expected [GRAPH] [SPARQL]")
    if len(args_list) == 2:
        graph_spec, sparql = args_list
    elif len(args_list) == 1:
        only = args_list[0]
        if sources or not (endpoint or store) or Path(only).is_file():
            graph_spec = only
        else:
            sparql = only
    if sparql is not None and sources:
        raise click.UsageError("give the query as SPARQL text, --file or --name, only one of them")
    if sparql is None and not sources:
        raise click.UsageError("no query: give SPARQL text, --file FILE or --name NAME (see --list)")
    if endpoint and graph_spec:
        raise click.UsageError("GRAPH and --endpoint exclude each other (use `kg push` to load a graph)")
    if not (graph_spec or endpoint or store):
        raise click.UsageError("give a GRAPH file, --store oxigraph:DIR or --endpoint URL")
    if query_file:
        sparql = Path(query_file).read_text(encoding="utf-8")
    bound = _query_params(params)

    target: Any
    if endpoint:
        target = Endpoint(endpoint)
    else:
        from kg.store import copy_graph, graph_for_store, load_graph, open_store

        if store and graph_spec:
            target = copy_graph(load_graph(graph_spec), graph_for_store(store))
        elif store:
            target = open_store(store)
        else:
            assert graph_spec is not None
            target = load_graph(graph_spec)
    try:
        if name:
            get_named_query(name)
            result = run_named(target, name, bound, timeout=timeout)
        else:
            assert sparql is not None
            result = _execute(target, sparql, bound, allow_update=allow_update, timeout=timeout)
        namespaces = None if isinstance(target, Endpoint) else {p: str(n) for p, n in target.namespaces()}
        text = format_result(result, fmt, namespaces=namespaces, max_width=None if output else 60)
    finally:
        if store and not isinstance(target, Endpoint):
            target.close()
    if result.type == "UPDATE" and graph_spec and not store:
        click.echo(f"note: {graph_spec} is not rewritten; use --store to keep updates", err=True)
    if output:
        atomic_write(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command(name="export")
@click.argument("graph_file", metavar="GRAPH")
@click.option("--format", "fmt", type=click.Choice(_EXPORT_FORMATS),
              help="Output format (default: from the suffix of -o; a directory means csv).")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Output file (csv: a directory, or a prefix such as out/graph.csv).")
@click.option("--types", metavar="TYPE,…", help="Keep only entities of these types, e.g. Organization,Project.")
@click.option("--graph-iri", metavar="IRI", help="Named graph IRI for TriG output.")
@_friendly
def export_cmd(graph_file: str, fmt: str | None, output: str, types: str | None, graph_iri: str | None) -> None:
    """Export GRAPH (a graph file or oxigraph:DIR) as Turtle, N-Triples, JSON-LD, TriG,
    GraphML, GEXF (Gephi), CSV (nodes.csv + edges.csv) or an HTML explorer."""
    from pathlib import Path

    from kg.export import DEFAULT_GRAPH_IRI, export_graph
    from kg.store import load_graph

    if fmt is None:
        suffix = Path(output).suffix.lower()
        if suffix in _EXPORT_SUFFIXES:
            fmt = _EXPORT_SUFFIXES[suffix]
        elif not suffix or Path(output).is_dir():
            fmt = "csv"
        else:
            raise click.UsageError(f"cannot tell the format from {output!r}: give --format")
    include = [t for t in types.split(",") if t.strip()] if types else None
    graph = load_graph(graph_file)
    try:
        written = export_graph(graph, fmt, output, include_types=include, graph_iri=graph_iri or DEFAULT_GRAPH_IRI)
    finally:
        if graph_file.startswith("oxigraph:"):
            graph.close()
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("graph_file", metavar="GRAPH")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL of the store (Oxigraph: http://HOST:PORT/store).")
@click.option("--graph-iri", metavar="IRI", help="Load into this named graph instead of the default graph.")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              metavar="SECONDS")
@_friendly
def push(graph_file: str, endpoint: str, graph_iri: str | None, append: bool, timeout: float) -> None:
    """Load GRAPH into any SPARQL 1.1 store with the Graph Store HTTP Protocol (text/turtle)."""
    from kg.export import push_graph
    from kg.store import load_graph

    graph = load_graph(graph_file)
    status = push_graph(graph, endpoint, graph_iri=graph_iri, replace=not append, timeout=timeout)
    where = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    click.echo(f"{'added' if append else 'loaded'} {len(graph)} triples into {where} of {endpoint} (HTTP {status})")


def run() -> None:  # pragma: no cover - console entry for `python -m kg`
    sys.exit(main())
