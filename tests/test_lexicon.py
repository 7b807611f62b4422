"""kg.lexicon.TrieScanner: leftmost-longest word spans, as the trie regex would find them."""

from __future__ import annotations

import random
import re

import pytest

from kg.lexicon import TrieScanner, trie_regex


def _regex_spans(words: list[str], text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    pattern = re.compile(trie_regex(words))
    n = len(text) if endpos is None else endpos
    return [m.span() for m in pattern.finditer(text, pos, n) if m.end() > m.start()]


@pytest.mark.parametrize("find_max", [0, 1000])  # class-regex starts, str.find starts
def test_spans_equal_the_trie_regex(find_max: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TrieScanner, "FIND_MAX", find_max)
    rng = random.Random(5)
    alphabet = "基金会环保协会北京上海河湖A-]^\\"
    for _ in range(400):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(0, 8))]
        text = "".join(rng.choice(alphabet + "，。 ") for _ in range(rng.randint(0, 60)))
        scanner = TrieScanner(words)
        assert (scanner.start is None) == (find_max > 0 or not any(words))
        pos = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(pos, len(text)), len(text) + 5])
        assert scanner.spans(text, pos, end) == _regex_spans(words, text, pos, end), (words, text, pos, end)
        assert scanner.contains(text) == bool(_regex_spans(words, text))


def test_document_scanners_compile_no_regex() -> None:
    """A scanner over a document's few names finds starts with str.find: no regex to compile."""
    scanner = TrieScanner(["清源基金会", "清源", "蓝湾计划"])
    assert scanner.start is None
    text = "清源基金会与蓝湾计划；清源、清水"
    assert scanner.spans(text) == [(0, 5), (6, 10), (11, 13)]
    assert scanner.spans(text, 1) == [(6, 10), (11, 13)]
    assert scanner.spans(text, 0, 4) == [(0, 2)]
