"""Developer loop: build the seeds in memory, score against the gold set, list errors.

    python scripts/dev_eval.py [--errors entities|relations|all] [--type Person] [--pred funds]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.evaluate import evaluate, format_report
from kg.pipeline import build_graph

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", choices=["entities", "relations", "all", "none"], default="none")
    ap.add_argument("--type", default="", help="only errors of this entity type")
    ap.add_argument("--pred", default="", help="only errors of this predicate")
    ap.add_argument("--by-rule", action="store_true")
    ap.add_argument("--gold", default=str(GOLD))
    args = ap.parse_args()
    res = build_graph(None, shacl=False)
    rep = evaluate(res.graph, args.gold, with_errors=args.errors != "none")
    print(format_report(rep, by_rule=args.by_rule))
    if args.errors in ("entities", "all"):
        for key in ("false_entities", "missed_entities"):
            items = [x for x in rep.errors[key] if not args.type or x.startswith(args.type + ":")]
            print(f"\n== {key} ({len(items)})")
            print("\n".join(items))
    if args.errors in ("relations", "all"):
        for key in ("false_relations", "missed_relations"):
            items = [x for x in rep.errors[key] if not args.pred or f" {args.pred} " in x]
            print(f"\n== {key} ({len(items)})")
            print("\n".join(items))


if __name__ == "__main__":
    main()
