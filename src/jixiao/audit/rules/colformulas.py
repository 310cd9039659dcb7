"""表头列间计算关系 — a table not otherwise read whose header numbers its columns and prints how one is computed from
others ('⑥=③*⑤', '(4)=(2)/(3)×100%'): the formula checked on each of its rows (core.colformula)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.colformula import table_formulas
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import format_amount

CAT = "表内关系"
_UNREAD_TABLE = "表格未被识别"


@rule("table.column_formula", "表头所列的列间计算关系（如⑥=③*⑤）与该行数字不符", Tier.ERROR, CAT,
      "SPEC §0（表内勾稽）", "document")
def column_formula(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """表头有一行为各列编号（①②③…、(1)(2)(3)…或 1 2 3…），其中一格写明该列的算法（如“⑥=③*⑤”“(4)=(2)/(3)×100%”），
    而该表未被其他规则读取（列为“表格未被识别”）时，按列号逐行核对：以各数印出的精度为区间计算，所列结果超出区间为确定；
    在区间之内但与计算值四舍五入后不同为提示（尾数误差）；某行相差恰为 10 的整数次方倍时各列可能单位不同，该算式各行均不判断（在“未读取或未核对的内容”中写明）。
    算式中有无法解析的部分（文字、字母、列号之外的符号）或列号在编号行中找不到时，不核对，在“未读取或未核对的内容”中写明。"""
    reading = getattr(doc, "reading", None)
    source = getattr(doc, "source", None)
    if reading is None or source is None:
        yield NotApplicable("没有原文可读")
        return
    unread = {u.location for u in reading.unread if u.kind == "table" and u.what.startswith(_UNREAD_TABLE)}
    checked = False
    for block in source.blocks:
        if getattr(block, "rows", None) is None or block.location not in unread:  # a table (audit reads no ingest types)
            continue
        found = table_formulas([row.texts for row in block.rows])
        checked = checked or any(c.outcome != "scale" for _, _, c in found.checked)
        # a formula off by a power of ten on some row: its columns may be in different units, none of its rows is judged
        scaled = {f.text for f, _, c in found.checked if c.outcome == "scale"}
        for formula, index, check in found.checked:
            if formula.text in scaled:
                continue
            row = block.rows[index]
            where = (row.location if row.location.line is not None else block.location).with_(
                row=f"第 {index + 1} 行", column=formula.text)
            expected = format_amount(check.expected, separators=False, places=4, trim=True)
            if check.outcome == "wrong":
                yield Finding("table.column_formula", Tier.ERROR,
                              f"表头写明 {formula.text}，该行按所列各数计算应为 {expected}，而填列 {check.printed}，"
                              "超出各数印出精度的尾数范围", where, CAT, expected=expected, actual=check.printed)
            elif check.outcome == "residue":
                yield Finding("table.column_formula", Tier.NOTICE,
                              f"表头写明 {formula.text}，该行按所列各数计算为 {expected}，填列 {check.printed}，差额在各数印出精度"
                              "的尾数范围之内（尾数误差）", where, CAT, expected=expected, actual=check.printed)
    if not checked:
        yield NotApplicable("文中没有表头写明列间计算关系且能按列号核对的表")
