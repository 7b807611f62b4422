"""Print the README's "Named queries" section: each named query, its parameters, the command
and its real output on the seed graph (first rows). Run after changing queries or extraction:

    python scripts/readme_queries.py > /tmp/queries.md
"""

from __future__ import annotations

from kg.pipeline import build_graph
from kg.sparql import get_named_query, named_queries, run_named

EXAMPLES: dict[str, dict[str, str]] = {
    "funders": {"entity": "中华环境保护基金会"},
    "partners": {"org": "中华环境保护基金会"},
    "projects_in": {"place": "广东省"},
    "award_winners": {"level": "年度大奖"},
    "members": {"network": "CEGA"},
    "persons_roles": {"org": "中华环境保护基金会"},
    "evidence": {"subject": "蚂蚁集团", "object": "中华环境保护基金会"},
    "chain": {"a": "蚂蚁森林", "b": "威海"},
    "orgs_by_type": {"type": "Foundation"},
    "documents_of": {"entity": "万科公益基金会"},
    "funding_flows": {},
    "relations_of": {"entity": "SEE基金会"},
    "top_connected": {"type": "Foundation"},
}
COLUMNS: dict[str, list[str]] = {
    "funders": ["funderLabel", "amount", "year"],
    "partners": ["partnerLabel", "partnerType"],
    "projects_in": ["projectLabel", "locationLabel"],
    "award_winners": ["winnerLabel", "level", "category", "year"],
    "members": ["memberLabel", "memberType"],
    "persons_roles": ["personLabel", "role", "orgLabel"],
    "evidence": ["fromLabel", "toLabel", "rule", "startOffset", "endOffset"],
    "chain": ["step", "fromLabel", "predicate", "toLabel", "direction"],
    "orgs_by_type": ["orgLabel", "orgType", "relations"],
    "documents_of": ["title", "sourcePath"],
    "funding_flows": ["funderLabel", "recipientLabel", "amount"],
    "relations_of": ["direction", "relation", "otherLabel"],
    "top_connected": ["nodeLabel", "nodeType", "relations"],
}


def main() -> None:
    graph = build_graph(None, shacl=False).graph
    for name in named_queries():
        nq = get_named_query(name)
        params = EXAMPLES.get(name, {})
        result = run_named(graph, name, params)
        cols = [c for c in COLUMNS.get(name, result.vars) if c in result.vars]
        dicts = result.dicts()
        rows = [[row.get(c) for c in cols] for row in dicts[:6]]
        print(f"#### `{name}` — {nq.description}\n")
        args = " ".join(f"-p {k}={v}" for k, v in params.items())
        print(f"```\nkg query out/graph.ttl --name {name} {args}\n```\n")
        print("| " + " | ".join(cols) + " |")
        print("|" + " --- |" * len(cols))
        for r in rows:
            cells = [str(v).rsplit("#", 1)[-1] if v is not None else "" for v in r]
            print("| " + " | ".join(c.replace("|", "\\|")[:60] for c in cells) + " |")
        more = len(dicts) - len(rows)
        print(f"\n{len(dicts)} row(s){f'; {more} more not shown' if more > 0 else ''}.\n")


if __name__ == "__main__":
    main()
