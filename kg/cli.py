"""The `kg` command line: a thin click shell over the library.

Library errors (kg.errors.KGError) become one-line CLI errors here, nowhere else.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
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


def _echo_summary(summary: dict, out_dir: str | None) -> None:
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
        click.echo(f"written to {out_dir}/: graph.ttl graph.jsonld graph.html")


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
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_friendly
def build(paths: tuple[str, ...], out_dir: str, base: str | None, min_confidence: float, aliases: str | None,
          no_html: bool, no_shacl: bool, as_json: bool, quiet: bool) -> None:
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

    result = build_graph(list(paths) or None, base=base or DEFAULT_BASE, min_confidence=min_confidence,
                         aliases=aliases, shacl=not no_shacl)
    for p in result.problems:
        click.echo(f"warning: {p}" if not p.skipped else f"skipped: {p}", err=True)
    if not result.corpus.documents:
        raise click.ClickException("no readable documents; nothing written")
    write_outputs(result, out_dir, html=not no_html)
    if not quiet:
        if as_json:
            click.echo(json.dumps(result.summary(), ensure_ascii=False, indent=2))
        else:
            _echo_summary(result.summary(), out_dir)
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


def run() -> None:  # pragma: no cover - console entry for `python -m kg`
    sys.exit(main())
