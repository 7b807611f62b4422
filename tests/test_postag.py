"""kg.postag must tag exactly as jieba.posseg.lcut(text, HMM=False), which it replaces."""

from __future__ import annotations

import random
from pathlib import Path

import jieba.posseg as pseg
import pytest

from kg import postag
from kg.pipeline import load_jieba

ROOT = Path(__file__).resolve().parent.parent


def _expected(text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in pseg.lcut(text, HMM=False)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "绿源河流保护基金会于2023年启动“清溪守护”计划",
        "ABC环保科技有限公司 CEO 李明 v1.2 版本",
        "12.5万元\r\n用于\t湿地修复；C++ & C# 课程_a.b",
        "  ！？（）【】",
        "a1b2中文x9",
        "Ⅳ类水质、PM2.5浓度",
    ],
)
def test_same_as_jieba_posseg(text: str) -> None:
    load_jieba()
    assert [tuple(t) for t in postag.lcut(text)] == _expected(text)


def test_same_as_jieba_posseg_on_corpus_lines_and_random_mixes() -> None:
    load_jieba()
    lines = [
        line
        for path in sorted((ROOT / "tests" / "data" / "heldout" / "docs").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 100
    rng = random.Random(3)
    alphabet = "基金会公益环保项目水河湖北京上海ab XYZ019.+#&_-，。\t\n（）"
    mixes = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    for text in lines + mixes:
        assert [tuple(t) for t in postag.lcut(text)] == _expected(text), text


def test_table_is_cached_and_reread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The word -> tag table is written once (marshal) and read back unchanged; a stale or
    broken cache file is rebuilt from jieba's dictionary."""
    import jieba

    monkeypatch.setattr(jieba.dt, "tmp_dir", str(tmp_path))
    postag.word_tags.cache_clear()
    try:
        first = postag.word_tags()
        cache_file = tmp_path / "kg-jieba-tags.cache"
        assert cache_file.is_file() and first == pseg.dt.word_tag_tab
        postag.word_tags.cache_clear()
        cache_file.write_bytes(b"broken")
        assert postag.word_tags() == first
        assert cache_file.read_bytes() != b"broken"
    finally:
        postag.word_tags.cache_clear()


def test_jieba_is_imported_without_pkg_resources() -> None:
    """Importing the extractor must not import pkg_resources (0.2 s per process; kg/__init__.py
    lets jieba take its plain-file fallback) and jieba must still find its dictionary."""
    import subprocess
    import sys

    code = (
        "import sys, kg.pipeline, jieba; kg.pipeline.load_jieba(); "
        "print('pkg_resources' in sys.modules, '/'.join(jieba.lcut('环保基金会')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "环保/基金会"]
