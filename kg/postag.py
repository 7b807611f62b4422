"""Part-of-speech tags of jieba's dictionary words, without importing ``jieba.posseg``.

``jieba.posseg`` builds its word -> tag table by parsing jieba's 5 MB dict.txt when it is
imported: about 0.8 s paid by every process that extracts, which is a fifth of a rebuild that
adds one document. kg tags only short spans and without the HMM, so this module reproduces
``jieba.posseg.lcut(text, HMM=False)`` (same words, same tags; tests/test_postag.py compares
them) over the loaded ``jieba.dt`` tokenizer, with the table cached by ``marshal`` beside
jieba's own cache file (read in about a tenth of the time).
"""

from __future__ import annotations

import contextlib
import marshal
import re
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

import jieba

from kg.io import atomic_write

# jieba.posseg's block patterns, as written there
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$")


class Tagged(NamedTuple):
    """A word and its jieba part-of-speech flag (``x`` when the dictionary has none)."""

    word: str
    flag: str


def _dict_path() -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def _parse(path: Path) -> dict[str, str]:
    tags: dict[str, str] = {}
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            parts = line.split(" ")
            if len(parts) != 3:
                raise ValueError(f"invalid POS dictionary entry in {path} at line {lineno}: {line}")
            tags[parts[0]] = parts[2]
    return tags


@cache
def word_tags() -> dict[str, str]:
    """jieba's word -> tag table (as ``jieba.posseg.dt.word_tag_tab``) of the default dictionary."""
    source = _dict_path()
    stat = source.stat()
    stamp = (str(source), stat.st_size, stat.st_mtime_ns)
    cache_file = Path(jieba.dt.tmp_dir or tempfile.gettempdir()) / "kg-jieba-tags.cache"
    try:
        stored_stamp, tags = marshal.loads(cache_file.read_bytes())
        if tuple(stored_stamp) == stamp and isinstance(tags, dict) and tags:
            return tags
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tags = _parse(source)
    with contextlib.suppress(OSError):  # a read-only temp dir only costs the parse next time
        atomic_write(cache_file, marshal.dumps((list(stamp), tags)))
    return tags


def _cut_dag(block: str, tags: dict[str, str]) -> Iterator[Tagged]:
    dt = jieba.dt
    dag = dt.get_DAG(block)
    route: dict[int, tuple[float, int]] = {}
    dt.calc(block, dag, route)
    x, n, buf = 0, len(block), ""
    while x < n:
        y = route[x][1] + 1
        word = block[x:y]
        if _ENG1.match(word):
            buf += word
        else:
            if buf:
                yield Tagged(buf, "eng")
                buf = ""
            yield Tagged(word, tags.get(word, "x"))
        x = y
    if buf:
        yield Tagged(buf, "eng")


def lcut(sentence: str) -> list[Tagged]:
    """``jieba.posseg.lcut(sentence, HMM=False)`` as ``Tagged`` pairs (default dictionary)."""
    if jieba.dt.user_word_tag_tab or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        # another dictionary, or words added with tags: jieba.posseg knows their tags
        import jieba.posseg as pseg

        return [Tagged(p.word, p.flag) for p in pseg.lcut(sentence, HMM=False)]
    tags = word_tags()
    out: list[Tagged] = []
    for block in _HAN.split(sentence):
        if _HAN.match(block):
            out.extend(_cut_dag(block, tags))
            continue
        for x in _SKIP.split(block):
            if _SKIP.match(x):
                out.append(Tagged(x, "x"))
                continue
            for ch in x:
                # jieba tests the whole piece for "eng", not the character (kept as it is)
                out.append(Tagged(ch, "m" if _NUM.match(ch) else "eng" if _ENG.match(x) else "x"))
    return out


__all__ = ["Tagged", "lcut", "word_tags"]
