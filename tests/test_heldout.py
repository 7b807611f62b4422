"""The held-out sets written for kg (tests/data/heldout, heldout2, heldout3, heldout4): documents of the
seed genre with other names, annotated by FORMAT.md before the extractor ran on them. Set 1 has
been used for development since; sets 2, 3 and 4 are blind (do not read their error lists when a
floor fails: look only at the aggregate table, see their README.md). Set 3 was written in
session 3; its first run scored entities F1 .865 (typed .844), relations P .828 F1 .466. Set 4
was written later in session 3, after the rules of that session, and is the untouched one: its
first run scored entities F1 .854 (typed .846), relations P .737 R .354 F1 .479. Floors sit a little below
the scores measured at the end of session 2 (set 1: entities F1 .949, typed .943, relations
P .944 F1 .785; set 2: entities F1 .871, typed .855, relations P .919 F1 .637; provenance 1.0),
so a change that helps the seeds but hurts unseen documents fails here. Relation floors of sets 1
and 3 raised after the table column roles (session 3: set 1 relations P .945 F1 .822; set 3
relations P .869 F1 .599)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.evaluate import evaluate
from kg.pipeline import BuildResult, build_graph

DATA = Path(__file__).resolve().parent / "data"
# set -> (entity F1, typed entity F1, relation precision, relation F1)
FLOORS = {
    "heldout": (0.93, 0.92, 0.90, 0.78),
    "heldout2": (0.85, 0.83, 0.88, 0.61),
    "heldout3": (0.84, 0.82, 0.84, 0.56),
    "heldout4": (0.83, 0.82, 0.70, 0.45),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def held(request: pytest.FixtureRequest) -> tuple[str, BuildResult]:
    return request.param, build_graph(DATA / request.param / "docs", shacl=False)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_is_consistent_with_its_documents(name: str) -> None:
    spec = importlib.util.spec_from_file_location(
        "check_gold", Path(__file__).resolve().parent.parent / "scripts" / "check_gold.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    golds = sorted((DATA / name / "gold").glob("*.jsonl"))
    assert len(golds) == 5
    for gold in golds:
        assert mod.check_file(gold, DATA / name / "docs" / (gold.stem + ".txt")) == [], gold.name


def test_builds_every_document(held: tuple[str, BuildResult]) -> None:
    _, res = held
    assert len(res.corpus.documents) == 5
    assert not res.problems


def test_scores_do_not_regress(held: tuple[str, BuildResult]) -> None:
    name, res = held
    ent, typed, rel_p, rel_f1 = FLOORS[name]
    rep = evaluate(res.graph, DATA / name / "gold")
    assert rep.provenance == 1.0
    assert rep.entities.f1 >= ent
    assert rep.typed_entities.f1 >= typed
    assert rep.relations.precision >= rel_p
    assert rep.relations.f1 >= rel_f1
