"""Against a real Oxigraph server: `kg push` (Graph Store Protocol), then `kg query --endpoint`
(SPARQL 1.1 Protocol) must answer every named query exactly like the local graph does."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.errors import QueryError
from kg.sparql import Endpoint, run_endpoint_query, run_named
from kg.store import load_graph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "sample_graph.ttl"
CASES: dict[str, dict[str, str]] = {
    "award_winners": {"year": "2023"},
    "chain": {"a": "林青", "b": "江西省"},
    "documents_of": {"entity": "QSF"},
    "evidence": {"subject": "林青", "object": "青山基金会"},
    "funders": {"entity": "湿地守护计划"},
    "funding_flows": {},
    "members": {"network": "青山基金会"},
    "orgs_by_type": {"type": "company"},
    "partners": {"org": "绿源科技"},
    "persons_roles": {"person": "林青"},
    "projects_in": {"place": "江西"},
    "relations_of": {"entity": "湿地守护计划"},
    "top_connected": {},
}


def _oxigraph_executable() -> str | None:
    """The `oxigraph` server binary of this environment, installed from PyPI if missing."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = shutil.which("oxigraph") or (str(beside) if beside.exists() else None)
    if found:
        return found
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "oxigraph"],
            check=True,
            timeout=300,
            capture_output=True,
        )
    except (subprocess.SubprocessError, OSError):
        return None
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    executable = _oxigraph_executable()
    if executable is None:
        pytest.skip("the oxigraph server executable is not installed and `pip install oxigraph` failed")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-db")
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen(
        [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}")
            try:
                ask = urllib.parse.quote("ASK {}")
                with urllib.request.urlopen(f"{base}/query?query={ask}", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail("oxigraph serve did not answer within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def loaded(server: str) -> str:
    result = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("loaded 121 triples into the default graph")
    return server


def count(server: str, where: str = "?s ?p ?o") -> int:
    found = run_endpoint_query(f"{server}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(found.rows[0][0])  # type: ignore[arg-type]


def test_push_replaces_the_default_graph(loaded: str) -> None:
    assert count(loaded) == 121
    again = CliRunner().invoke(main, ["push", str(SAMPLE), "--endpoint", f"{loaded}/store"])
    assert again.exit_code == 0 and count(loaded) == 121  # PUT replaces, no duplicates


def test_cli_query_endpoint(loaded: str) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--endpoint",
            f"{loaded}/query",
            "--name",
            "funders",
            "-p",
            "entity=湿地守护计划",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [b["funderLabel"]["value"] for b in bindings] == ["绿源科技有限公司"]
    result = CliRunner().invoke(main, ["query", "--endpoint", f"{loaded}/query", "ASK { ?x a kg:Award }"])
    assert result.stdout == "true\n"
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--endpoint",
            f"{loaded}/query",
            "-n",
            "chain",
            "-p",
            "a=林青",
            "-p",
            "b=江西省",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 5


@pytest.mark.parametrize("name", sorted(CASES))
def test_named_queries_match_the_local_graph(loaded: str, name: str) -> None:
    local = run_named(load_graph(SAMPLE), name, CASES[name])
    remote = run_named(Endpoint(f"{loaded}/query"), name, CASES[name])
    assert remote.vars == local.vars
    assert sorted(map(str, remote.rows)) == sorted(map(str, local.rows))
    assert local.rows or name == "members"


def test_construct_and_describe(loaded: str) -> None:
    built = run_endpoint_query(f"{loaded}/query", "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }")
    assert built.type == "CONSTRUCT" and len(built) == 1
    assert isinstance(built.graph, Graph)


def test_endpoint_parameters_cannot_inject(loaded: str) -> None:
    for value in ('"} ; DROP ALL #', '湿地守护计划" || true || "', 'x" } } ; CLEAR ALL ; SELECT * { #'):
        assert run_named(Endpoint(f"{loaded}/query"), "funders", {"entity": value}).rows == []
    assert count(loaded) == 121


def test_endpoint_updates_are_refused(loaded: str) -> None:
    with pytest.raises(QueryError, match="refusing"):
        run_endpoint_query(f"{loaded}/update", "DROP ALL")
    result = CliRunner().invoke(main, ["query", "--endpoint", f"{loaded}/query", "CLEAR DEFAULT"])
    assert result.exit_code == 2 and "refusing" in result.stderr
    assert count(loaded) == 121


def test_endpoint_errors(loaded: str) -> None:
    with pytest.raises(QueryError, match="HTTP 4"):
        run_endpoint_query(f"{loaded}/nowhere", "ASK {}")
    with pytest.raises(QueryError, match="must start with http"):
        run_endpoint_query("ftp://127.0.0.1/", "ASK {}")
    port = _free_port()
    with pytest.raises(QueryError, match="cannot reach"):
        run_endpoint_query(f"http://127.0.0.1:{port}/query", "ASK {}", timeout=5)


def test_push_into_a_named_graph_and_append(loaded: str) -> None:
    iri = "https://w3id.org/kg-cn-philanthropy/resource/graph/test"
    runner = CliRunner()
    result = runner.invoke(main, ["push", str(SAMPLE), "--endpoint", f"{loaded}/store", "--graph-iri", iri])
    assert result.exit_code == 0 and f"graph <{iri}>" in result.stdout
    assert count(loaded, f"GRAPH <{iri}> {{ ?s ?p ?o }}") == 121
    assert count(loaded) == 121  # the default graph is untouched
    result = runner.invoke(
        main, ["push", str(SAMPLE), "--endpoint", f"{loaded}/store", "--graph-iri", iri, "--append"]
    )
    assert result.exit_code == 0 and result.stdout.startswith("added 121 triples")
    assert count(loaded, f"GRAPH <{iri}> {{ ?s ?p ?o }}") == 121  # same triples: a set


def test_allowed_update_on_endpoint(loaded: str) -> None:
    iri = "https://w3id.org/kg-cn-philanthropy/resource/graph/scratch"
    update = f"INSERT DATA {{ GRAPH <{iri}> {{ <http://x.org/a> <http://x.org/b> 'c' }} }}"
    assert run_endpoint_query(f"{loaded}/update", update, allow_update=True).type == "UPDATE"
    assert count(loaded, f"GRAPH <{iri}> {{ ?s ?p ?o }}") == 1
    assert count(loaded) == 121
