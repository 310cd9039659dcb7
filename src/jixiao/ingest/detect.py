"""What a document is — kind, year, unit — read from its content; the file name is only a hint."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from jixiao.core.model import DocumentKind

# (kind, markers): the first kind with the most markers present wins; a marker is a regular expression.
_MARKERS: list[tuple[DocumentKind, list[str]]] = [
    (DocumentKind.DISCLOSURE, [r"部门决算公开", r"公开0?1表", r"收入支出决算总表", r"财政拨款“?三公”?经费支出决算表"]),
    (DocumentKind.SELF_EVALUATION, [r"项目支出绩效自评(分析)?报告", r"绩效自评表", r"预算执行情况",
                                    r"指标完成情况得分|绩效指标完成情况"]),
    (DocumentKind.KEY_EVALUATION, [r"(部门|重点)评价表", r"绩效评价报告", r"绩效评价指标评分", r"评价等次"]),
    (DocumentKind.WORK_SUMMARY, [r"预算绩效管理工作开展情况", r"事前绩效评估", r"运行监控"]),
    (DocumentKind.RESULTS_STATEMENT, [r"绩效目标执行结果", r"绩效报告（自评）|绩效报告\(自评\)", r"项目绩效情况"]),
]
# A title in the first lines decides the kind outright (joined, since titles wrap over several lines).
_TITLES: list[tuple[DocumentKind, str]] = [
    (DocumentKind.RESULTS_STATEMENT, r"执行结果情况的说明|绩效报告[（(]自评[)）]"),
    (DocumentKind.WORK_SUMMARY, r"预算绩效管理工作开展情况"),
    (DocumentKind.DISCLOSURE, r"部门决算公开"),
    (DocumentKind.KEY_EVALUATION, r"(部门|重点)评价表|绩效评价报告"),
    (DocumentKind.SELF_EVALUATION, r"项目支出绩效自评(分析)?报告|绩效自评表"),
]
_FILENAME_HINTS = {
    "决算": DocumentKind.DISCLOSURE, "自评": DocumentKind.SELF_EVALUATION, "评价": DocumentKind.KEY_EVALUATION,
}
_YEAR_PATTERNS = [
    r"[（(]\s*(20\d{2})\s*[)）]\s*年度",
    r"(20\d{2})\s*年度",
    r"(20\d{2})\s*年\s*(?:部门决算|预算绩效|项目支出|度)",
    r"(20\d{2})\s*年",
]
_UNIT_PATTERNS = [
    r"(?:部门|单位)名称[：:]\s*([^\s\t，。]{2,40})",
    r"项目单位[：:]\s*(?:\d{3,}-)?([^\s\t，。]{2,40})",
    r"项目实施单位\t+([^\t]{2,40})",
    r"^#\s*([^\n#]{2,40}?(?:委员会|局|厅|中心|办公室|政府|院|所|队|站))\s*$",
]


@dataclass(frozen=True)
class Detection:
    kind: DocumentKind | None
    year: int | None
    unit: str
    hint: str = ""  # why the kind could not be decided


def detect(text: str, path: str = "") -> Detection:
    """Kind, year and unit of a document from its text (the head of it weighs most)."""
    head = text[:20000]
    title = re.sub(r"\s+", "", text[:400])
    for kind_, pattern in _TITLES:
        if re.search(pattern, title):
            return Detection(kind=kind_, year=_year(head), unit=_unit(head))
    scores = []
    for kind, markers in _MARKERS:
        hits = sum(1 for m in markers if re.search(m, head))
        scores.append((hits, kind))
    best_hits = max(h for h, _ in scores)
    kind: DocumentKind | None = None
    hint = ""
    if best_hits >= 1:
        leaders = [k for h, k in scores if h == best_hits]
        kind = leaders[0]
        if len(leaders) > 1:
            name = PurePath(path).name
            hinted = next((k for word, k in _FILENAME_HINTS.items() if word in name and k in leaders), None)
            kind = hinted or kind
    else:
        hint = "未找到自评表、决算公开表、评价表等任何可识别的标题"
    return Detection(kind=kind, year=_year(head), unit=_unit(head), hint=hint)


def _year(text: str) -> int | None:
    for pattern in _YEAR_PATTERNS:
        match = re.search(pattern, text)
        if match:
            return int(match.group(1))
    return None


def _unit(text: str) -> str:
    for pattern in _UNIT_PATTERNS:
        match = re.search(pattern, text, flags=re.MULTILINE)
        if match:
            return match.group(1).strip()
    return ""
