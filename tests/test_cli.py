import json

from click.testing import CliRunner

from kg.cli import main

DOC = "青山环境保护基金会与绿源科技有限公司签订合作协议，共同发起“湿地守护计划”。青山环境保护基金会理事长林青出席。"


def _corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(DOC, encoding="utf-8")
    return d


def test_help_lists_every_command():
    res = CliRunner().invoke(main, ["--help"])
    assert res.exit_code == 0
    for cmd in ("build", "stats", "eval"):
        assert cmd in res.output
    for cmd in ("build", "stats", "eval"):
        sub = CliRunner().invoke(main, [cmd, "--help"])
        assert sub.exit_code == 0 and "Usage:" in sub.output


def test_build_stats_and_json_summary(tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["documents"] == 1
    assert summary["entities"]["Organization"] == 2
    assert summary["relations"]["partnersWith"] == 1
    assert summary["shacl_conforms"] is True
    for name in ("graph.ttl", "graph.jsonld", "graph.html"):
        assert (out / name).stat().st_size > 0
    st = CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "--json"])
    assert st.exit_code == 0
    counts = json.loads(st.output)
    assert counts["documents"] == 1 and counts["relations"]["partnersWith"] == 1


def test_build_with_skipped_input_exits_3_and_names_the_file(tmp_path):
    src = _corpus(tmp_path)
    (src / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o"), "-q", "--no-html"])
    assert res.exit_code == 3
    assert "empty.txt" in res.output and "empty file" in res.output


def test_build_with_nothing_readable_fails_and_keeps_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "missing"), "-o", str(out)])
    assert res.exit_code == 1
    assert "no readable documents" in res.output
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"


def test_eval_reports_scores(tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-q", "--no-html"]).exit_code == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [
        {"kind": "entity", "name": "青山环境保护基金会", "type": "Organization", "subtype": "Foundation"},
        {"kind": "entity", "name": "绿源科技有限公司", "type": "Organization", "subtype": "Company"},
        {"kind": "relation", "s": "绿源科技有限公司", "p": "partnersWith", "o": "青山环境保护基金会", "evidence": "签订合作协议"},
    ]
    (gold / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(out / "graph.ttl"), str(gold), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    assert rep["entities"]["recall"] == 1.0
    assert rep["by_predicate"]["partnersWith"]["recall"] == 1.0
    assert rep["provenance_share"] == 1.0


def test_library_errors_are_one_line_not_tracebacks(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    res = CliRunner().invoke(main, ["stats", str(bad)])
    assert res.exit_code == 2
    assert "Traceback" not in res.output and "bad.ttl" in res.output
