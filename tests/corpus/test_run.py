"""The corpus runner's comparison with the manifest, on synthetic rows and documents (no real text)."""

from __future__ import annotations

import csv

from tests.corpus import run

FIELDS = ["id", "file", "url", "province", "genre", "kind", "unit", "year", "amount_unit", "carrier", "contains",
          "must_read", "known_inconsistencies"]


def row(**values: str) -> dict[str, str]:
    base = dict.fromkeys(FIELDS, "")
    base.update(id="900", file="900_x.txt", genre="dept_final_package", province="测试", kind="disclosure",
                unit="示例县档案馆", year="2023")
    base.update(values)
    return base


def test_verdicts_compare_with_the_manifest():
    read = run.Outcome(row(), kind="disclosure", unit="示例县档案馆", year=2023)
    assert read.kind_ok and read.unit_verdict == "right" and read.year_ok
    longer = run.Outcome(row(), kind="self_evaluation", unit="示例县档案馆（本级）", year=2022)
    assert not longer.kind_ok and longer.unit_verdict == "partial" and not longer.year_ok
    refused_news = run.Outcome(row(kind="unknown", unit="未识别", year=""), refused="无法识别文档类型")
    assert refused_news.kind_ok and refused_news.unit_verdict == "right" and refused_news.year_ok
    assert not refused_news.judged
    refused_budget_doc = run.Outcome(row(), refused="无法识别文档类型")
    assert not refused_budget_doc.kind_ok and refused_budget_doc.unit_verdict == "wrong"
    invented = run.Outcome(row(unit="未识别", year=""), kind="disclosure", unit="XX部门", year=2021)
    assert invented.unit_verdict == "wrong" and not invented.year_ok


def test_a_kind_the_document_does_not_settle_accepts_either_reading():
    either = row(kind="budget_disclosure|disclosure")
    assert run.Outcome(either, kind="disclosure", unit="示例县档案馆", year=2023).kind_ok
    assert run.Outcome(either, kind="budget_disclosure", unit="示例县档案馆", year=2023).kind_ok
    assert not run.Outcome(either, kind="self_evaluation", unit="示例县档案馆", year=2023).kind_ok
    assert not run.Outcome(either, refused="无法识别文档类型").kind_ok
    # a text that may be no unit's document at all: refusing it is as right as reading it as the other kind
    maybe = row(kind="unknown|disclosure")
    assert run.Outcome(maybe, refused="无法识别文档类型").kind_ok
    assert run.Outcome(maybe, kind="disclosure", unit="示例县档案馆", year=2023).kind_ok
    assert not run.Outcome(maybe, kind="budget_disclosure", unit="示例县档案馆", year=2023).kind_ok


def test_missing_corpus_folder_is_skipped_with_a_note(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JIXIAO_CORPUS_DIR", str(tmp_path / "absent"))
    assert run.main([]) == 0
    assert "未找到语料目录" in capsys.readouterr().out


def test_runs_each_local_document_and_totals(tmp_path, monkeypatch, capsys):
    (tmp_path / "901_title.txt").write_text(
        "示例县档案馆2023年度部门决算公开\n\n一、收入支出决算总体情况说明\n2023年度收入总计12.50万元。\n", encoding="utf-8")
    (tmp_path / "902_other.txt").write_text("今天天气晴朗，适合出门散步。\n", encoding="utf-8")
    manifest = tmp_path / "MANIFEST.csv"
    with manifest.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerow(row(id="901", file="901_title.txt"))
        writer.writerow(row(id="902", file="902_other.txt", kind="unknown", unit="未识别", year="", genre="news"))
        writer.writerow(row(id="903", file="903_not_here.txt"))
    monkeypatch.setattr(run, "MANIFEST", manifest)
    monkeypatch.setenv("JIXIAO_CORPUS_DIR", str(tmp_path))
    assert run.main([]) == 0
    out = capsys.readouterr().out
    assert "[903] 本地没有 903_not_here.txt，跳过。" in out
    assert "类型 disclosure ✓（应为 disclosure）" in out
    assert "拒绝读取：" in out and "类型 （无） ✓（应为 unknown）" in out
    assert "文档 2 份" in out and "类型正确 2/2" in out


def test_coverage_is_one_compact_line_and_counts_in_the_totals():
    coverage = {"tables": [{"rows": 3}, {"rows": 4}], "projects": [{"name": "甲"}], "claims": 9,
                "sections": [{"claims": 5, "checked": 4, "partly": 1}, {"claims": 4, "checked": 2}],
                "checks": {"counts": {"held": 11, "broken": 2, "not_applicable": 30}}, "unread": [{}, {}, {}]}
    read = run.Outcome(row(), kind="disclosure", unit="示例县档案馆", year=2023, coverage=coverage)
    line = run._describe_read(read)
    assert "\n" not in line and line == ("读到：表 2 张 7 行；项目 1 个；说明数据 9 条（已核对 5，部分核对 1，未核对 3）；"
                                         "规则 通过 11、发现问题 2、不适用 30；未读取或未核对 3 处")
    empty = run.Outcome(row(), kind="disclosure", coverage={"tables": [], "projects": []})
    assert run.totals([read, empty])[-1] == "读到表格的文档 1 份；读到项目（自评或评价）的文档 1 份"
