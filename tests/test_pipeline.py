"""Pipeline: parallel workers, the per-file cache and incremental rebuilds give the output of a
clean single-process build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from kg.export import serialize_jsonld, serialize_turtle
from kg.pipeline import _extraction_modules, build_graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_corpus import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("corpus")
    generate(0.04, src, seed=3)
    return src


@pytest.fixture(scope="module")
def clean_turtle(corpus: Path) -> bytes:
    return serialize_turtle(build_graph([corpus], shacl=False).graph)


def test_workers_give_identical_output(corpus: Path, clean_turtle: bytes) -> None:
    assert len(list(corpus.glob("*.txt"))) >= 3
    result = build_graph([corpus], shacl=False, workers=2)
    assert serialize_turtle(result.graph) == clean_turtle
    assert result.cached_files == 0


def test_cache_hit_after_a_rebuild(corpus: Path, clean_turtle: bytes, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_graph([corpus], shacl=False, cache_dir=cache)
    second = build_graph([corpus], shacl=False, cache_dir=cache, workers=2)
    n = len(list(corpus.glob("*.txt")))
    assert first.cached_files == 0 and second.cached_files == n
    assert serialize_turtle(first.graph) == serialize_turtle(second.graph) == clean_turtle
    assert serialize_jsonld(first.graph) == serialize_jsonld(second.graph)


def test_cache_invalidated_when_content_changes(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    cache = tmp_path / "cache"
    build_graph([src], shacl=False, cache_dir=cache)
    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(
        "绿洲未来基金会于2024年资助了“清水行动计划”。\n\n" + changed.read_text("utf-8"), "utf-8"
    )
    again = build_graph([src], shacl=False, cache_dir=cache)
    assert again.cached_files == len(list(src.glob("*.txt"))) - 1
    assert serialize_turtle(again.graph) == serialize_turtle(build_graph([src], shacl=False).graph)


def test_incremental_build_equals_clean_build(corpus: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    cache = tmp_path / "cache"
    build_graph([src], shacl=False, cache_dir=cache)
    extra = sorted(corpus.glob("*.txt"))[0].read_text("utf-8")
    (src / "zz_added.txt").write_text("新成立的北辰湿地保护基金会发起了“候鸟守望计划”。\n\n" + extra, "utf-8")
    incremental = build_graph([src], shacl=False, cache_dir=cache, workers=2)
    clean = build_graph([src], shacl=False)
    assert incremental.cached_files == len(list(src.glob("*.txt"))) - 1
    assert serialize_turtle(incremental.graph) == serialize_turtle(clean.graph)
    assert serialize_jsonld(incremental.graph) == serialize_jsonld(clean.graph)


def test_cache_key_covers_extraction_modules_only() -> None:
    names = {p.name for p in _extraction_modules(ROOT / "kg")}
    assert {"pipeline.py", "entities.py", "relations.py", "segment.py", "normalize.py"} <= names
    assert not names & {"graph.py", "export.py", "html.py", "resolve.py", "cli.py"}


def test_rebuild_writes_the_files_of_a_clean_build(corpus: Path, tmp_path: Path) -> None:
    """The files `kg build` writes (from the text index, JSON-LD in a second process with
    workers) after adding a document to a cached build are those of a clean build."""
    from kg.pipeline import write_outputs

    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    cache = tmp_path / "cache"
    write_outputs(build_graph([src], shacl=False, cache_dir=cache), tmp_path / "first", html=False)
    (src / "zz_new.txt").write_text("青松环境研究中心与白沙湾社区合作开展了“海滩清洁计划”。\n", "utf-8")
    incremental = build_graph([src], shacl=False, cache_dir=cache, workers=2)
    assert incremental.cached_files == len(list(src.glob("*.txt"))) - 1
    write_outputs(incremental, tmp_path / "inc", html=False)
    write_outputs(build_graph([src], shacl=False), tmp_path / "clean", html=False)
    for name in ("graph.ttl", "graph.jsonld"):
        assert (tmp_path / "inc" / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    assert (tmp_path / "inc" / "graph.ttl").read_bytes() != (tmp_path / "first" / "graph.ttl").read_bytes()
    assert not list((tmp_path / "inc").glob(".graph.*.tmp"))
