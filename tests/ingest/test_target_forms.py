"""A budget-side 绩效目标表 (own wording and numbers) in a layout not read as a goal form (each row's cells run
together with no separator, each target glued to its weight so that no row can be split one way only): taken for the
budget side, and its indicator table listed as unread with where it is, never passed over."""

from __future__ import annotations

from pathlib import Path

from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import Paragraph, SourceDocument
from jixiao.ingest.targetform import UNREAD, target_tables_unread

FORM = "\n".join([
    "项目支出绩效目标申报表",
    "（2024年度）",
    "项目名称示例镇饮水管网改造 年度资金总额：30",
    "年度目标：完成管网改造5公里。",
    "一级指标二级指标三级指标指标值分值",
    "产出指标数量指标改造管网长度510",
    "满意度指标服务对象满意度指标群众满意度9010",
])


def test_the_indicator_table_of_a_target_form_is_reported_unread(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(FORM, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None and doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2024
    assert doc.reading is not None
    unread = [u for u in doc.reading.unread if u.what == UNREAD]
    assert len(unread) == 1 and unread[0].location.line


def test_an_evaluations_table_with_actuals_or_scores_is_not_a_target_table() -> None:
    def source(text: str) -> SourceDocument:
        return SourceDocument("x.txt", "text", (Paragraph(text),))

    assert target_tables_unread(source("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分")) == ()
    assert len(target_tables_unread(source("一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 管网长度 ≥5公里"))) == 1
