"""Relation rules for ordinary news phrasings beyond the development set (all names invented).

Each case runs the whole per-document pipeline on a short made-up text and asserts the exact
set of triples of the predicates it covers.
"""

from __future__ import annotations

import pytest

from kg.ingest import make_document
from kg.pipeline import process_document


def triples(text: str, preds: set[str]) -> set[tuple[str, str, str]]:
    res = process_document(make_document(text))
    return {(r.subject.key, r.predicate, r.object.key) for r in res.relations if r.predicate in preds}


CASES = [
    (
        "a clause-opening bare 基金会 is the foundation the passage is about",
        "青岚生态保护基金会成立于2015年。2023年，青岚生态保护基金会发布了年度报告。同年，基金会与碧波出版社合作出版《湿地鸟类手册》。",
        {"partnersWith"},
        {("青岚生态保护基金会", "partnersWith", "碧波出版社")},
    ),
    (
        "a bare 基金会 is not resolved when several foundations compete equally",
        "青岚生态保护基金会与白石公益基金会举行座谈。基金会与碧波出版社合作出版《湿地鸟类手册》。",
        {"partnersWith"},
        set(),
    ),
]


@pytest.mark.parametrize(("why", "text", "preds", "want"), CASES, ids=[c[0] for c in CASES])
def test_general_phrasings(why: str, text: str, preds: set[str], want: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == want, why
