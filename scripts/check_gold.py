"""Mechanical consistency check of gold annotation files (see /work/shared/gold/FORMAT.md).

Usage: python scripts/check_gold.py GOLD_DIR DOCS_DIR

For every GOLD_DIR/<stem>.jsonl with a document DOCS_DIR/<stem>.txt it checks that each line is
an entity or relation object, entity types/subtypes and predicates are valid, entity names are
unique, relation s/o are entity names of the same file, evidence is at most 80 characters and a
substring of the document once line breaks are removed. Exits 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from kg.model import ENTITY_TYPES as TYPES
from kg.model import ORG_SUBTYPES as SUBTYPES
from kg.model import PREDICATES

_DROP = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】·・•]")


def _norm(x: str) -> str:
    """Surface normalisation as in FORMAT.md's scoring section (minus NFKC/case)."""
    return _DROP.sub("", x)


def check_file(gold: Path, doc: Path) -> list[str]:
    """Return the problems of one gold file against its document."""
    problems: list[str] = []
    text = doc.read_text(encoding="utf-8").replace("\r", "").replace("\n", "")
    flat = _norm(text)
    names: set[str] = set()
    relations: list[tuple[int, dict]] = []
    seen: set[tuple[str, str, str]] = set()
    for no, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold.name}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: bad JSON ({e})")
            continue
        if obj.get("kind") == "entity":
            if obj.get("type") not in TYPES:
                problems.append(f"{where}: bad type {obj.get('type')!r}")
            if obj.get("type") == "Organization" and obj.get("subtype") not in SUBTYPES:
                problems.append(f"{where}: bad subtype {obj.get('subtype')!r}")
            if obj.get("name") in names:
                problems.append(f"{where}: duplicate entity {obj.get('name')!r}")
            names.add(obj.get("name"))
            if not isinstance(obj.get("aliases", []), list):
                problems.append(f"{where}: aliases must be a list")
            forms = [obj.get("name", ""), *obj.get("aliases", [])]
            if not any(_norm(f) and _norm(f) in flat for f in forms):
                problems.append(f"{where}: neither name nor an alias occurs in the document")
        elif obj.get("kind") == "relation":
            relations.append((no, obj))
        else:
            problems.append(f"{where}: unknown kind {obj.get('kind')!r}")
    for no, r in relations:
        where = f"{gold.name}:{no}"
        if r.get("p") not in PREDICATES:
            problems.append(f"{where}: bad predicate {r.get('p')!r}")
        for end in ("s", "o"):
            if r.get(end) not in names:
                problems.append(f"{where}: {end}={r.get(end)!r} is not an entity name")
        ev = str(r.get("evidence", "")).replace("\n", "")
        if not ev:
            problems.append(f"{where}: no evidence")
        elif len(ev) > 80:
            problems.append(f"{where}: evidence longer than 80 characters ({len(ev)})")
        elif ev not in text:
            problems.append(f"{where}: evidence not in document: {ev!r}")
        key = (r.get("s"), r.get("p"), r.get("o"))
        if r.get("p") == "partnersWith" and (key[2], key[1], key[0]) in seen:
            key = (key[2], key[1], key[0])
        if key in seen:
            problems.append(f"{where}: duplicate relation {key}")
        seen.add(key)
        if r.get("s") == r.get("o"):
            problems.append(f"{where}: self relation")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    gold_dir, docs_dir = Path(argv[0]), Path(argv[1])
    problems: list[str] = []
    files = sorted(gold_dir.glob("*.jsonl"))
    if not files:
        problems.append(f"{gold_dir}: no *.jsonl files")
    for gold in files:
        doc = docs_dir / (gold.stem + ".txt")
        if not doc.exists():
            problems.append(f"{gold.name}: no document {doc}")
            continue
        problems += check_file(gold, doc)
    for p in problems:
        print(p)
    print(f"{len(files)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
