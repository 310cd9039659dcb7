"""What a document is — kind, year, unit — read from its content; the file name is only a hint.

A title in the first lines decides the kind outright; otherwise the kind whose markers occur most in the text
decides, so a fragment (a lone 三公经费 section, one page of a 情况说明, a lone 公开01表, one 自评表) is still
recognised. The Detection carries the evidence (which title or markers matched) for the reading report. The
year is the year reported on (“2023年度部门决算” published in 2024 → 2023), never a publication date, a
document number's year or a regulation's year. What cannot be established is None / "", never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from jixiao.core.model import DocumentKind

# (kind, markers): the kind with the most markers present wins; a marker is a regular expression.
_MARKERS: list[tuple[DocumentKind, list[str]]] = [
    (DocumentKind.DISCLOSURE, [r"部门决算|单位决算|决算公开", r"公开\s*0?\d{1,2}\s*表", r"收入支出决算总表",
                               r"三公.{0,3}经费.{0,15}决算|决算.{0,15}三公.{0,3}经费", r"决算数", r"决算(总体)?情况(说明)?",
                               r"财政拨款收入支出决算", r"机关运行经费"]),
    (DocumentKind.BUDGET_DISCLOSURE, [r"部门预算|单位预算|预算公开", r"收支预算总表|收入预算表|支出预算表",
                                      r"三公.{0,3}经费.{0,15}预算|预算.{0,15}三公.{0,3}经费", r"政府采购预算",
                                      r"支出总预算|项目支出预算|基本支出预算", r"收支(总)?预算总体情况|收支总预算"]),
    (DocumentKind.SELF_EVALUATION, [r"项目支出绩效自评(分析)?报告|自评表|自评报告", r"预算执行情况",
                                    r"指标完成情况得分|绩效指标完成情况", r"全年执行数|全年预算数", r"一级指标",
                                    r"自评得分|自评结论", r"(产出|效益|满意度)指标", r"未完成原因|存在问题.{0,20}改进措施"]),
    (DocumentKind.KEY_EVALUATION, [r"(部门|重点)评价表", r"绩效评价报告", r"绩效评价指标评分", r"评价等次",
                                   r"部门整体支出", r"重点(项目)?绩效评价|绩效评价工作", r"评价(等级|结论)"]),
    (DocumentKind.WORK_SUMMARY, [r"预算绩效管理工作开展情况", r"事前绩效评估", r"运行监控|绩效监控", r"结果运用",
                                 r"全面实施预算绩效管理"]),
    (DocumentKind.RESULTS_STATEMENT, [r"绩效目标执行结果", r"绩效报告（自评）|绩效报告\(自评\)", r"项目绩效情况"]),
]
MIN_MARKERS = 2  # one marker is a mention (a news item, a policy text), not a document of that kind
# A news report about disclosures is not a disclosure: without a title of its own it is not identified.
NEWS_RE = re.compile(r"记者|\d{1,2}日电|新华网|新华社|中新社|人民网|责任编辑|根据财政部消息")
# A title in the first lines decides the kind outright; tried per line, in this order within a line.
_TITLES: list[tuple[DocumentKind, str]] = [
    (DocumentKind.RESULTS_STATEMENT, r"执行结果情况的说明|绩效报告[（(]自评[)）]"),
    (DocumentKind.WORK_SUMMARY, r"预算绩效管理工作开展情况"),
    (DocumentKind.SELF_EVALUATION, r"自评表|自评(分析|总结)?报告"),
    (DocumentKind.KEY_EVALUATION, r"(部门|重点)评价表|绩效评价报告|整体支出绩效评价"),
    (DocumentKind.DISCLOSURE, r"(部门|单位)决算|决算公开|收入支出决算总表|决算编制说明|三公.{0,3}经费.{0,15}决算"),
    (DocumentKind.BUDGET_DISCLOSURE, r"(部门|单位)预算(公开)?$|预算公开|收支预算总表|三公.{0,3}经费.{0,6}预算"),
]
# Not a title of the document itself: a quoted title, a site's breadcrumb, a news sentence, a writing sample.
NOT_TITLE_RE = re.compile(r"[《》>]|首页|范文|样例|模板|今年|填写说明")
# A 三公经费 section on its own: its items, then whether it reports spending (决算; counts of trips and guests) or
# plans it (预算). '一般公共预算' names a kind of fund and says neither; a law's title says nothing.
SANGONG_ITEMS_RE = re.compile(r"因公出国|公务接待|公务用车|公车")
FUND_NAMES_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|《[^》]{0,30}》")
TITLE_LINES = 6
TITLE_LENGTH = 60
AMOUNT_RE = re.compile(r"\d\s*(万元|元|%|％)")
_FILENAME_HINTS = {
    "决算": DocumentKind.DISCLOSURE, "自评": DocumentKind.SELF_EVALUATION, "评价": DocumentKind.KEY_EVALUATION,
}
# The year a document reports on, most explicit first; each pattern's group 1 is the year.
_YEAR_PATTERNS = [
    r"(20\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)",
    r"[（(]\s*(20\d{2})\s*[)）]\s*年度",
    r"(20\d{2})\s*年度",
    r"(20\d{2})\s*年\s*(?:预算绩效|项目支出|度)",
    r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月)",
]
# Years that are not the year reported on: a document number 〔2020〕, a regulation 《…2018年…》, 2020年修订.
_NOT_REPORT_YEAR = re.compile(r"[〔\[［【]\s*20\d{2}\s*[〕\]］】]|《[^》]{0,60}》|20\d{2}\s*年\s*(修订|修正|版|第)")
ORG = (r"[\u4e00-\u9fff（）()]{1,38}?(?:委员会|管委会|局|厅|中心|办公室|办|政府|院|所|队|站|馆|学校|中学|小学|幼儿园|大学|"
       r"学院|协会|联合会|处|部|社|团|署|委|园|场|公司|集团|街道|镇|乡|本级|机关|总工会|医院|卫生院|政协|指挥部)")
# A label's value ends at a separator, or where the next label of a form flattened into one line begins.
_LABEL_END = r"(?=[\s\t|，。,（(]|$|实施单位|项目单位|主管部门|负责人|联系|项目名称|项目资金|资金名称)"
_CODE = r"(?:\d{3,}\s*[-－—]\s*)?"
_YEAR = r"20\d{2}\s*年?度?"
# Most explicit first: a label, then a title line, then the first part's heading, then weaker places.
_UNIT_PATTERNS = [
    rf"(?:单位名称|部门名称|编制单位|预算单位)\s*[：:\t|]?\s*{_CODE}({ORG}){_LABEL_END}",
    rf"^#*\s*({ORG}(?:[（(]本级[)）])?)\s*(?:[（(][^)）\n]{{2,30}}[)）])?\s*{_YEAR}",
    rf"^#*\s*{_YEAR}\s*({ORG})\s*(?:部门|单位)?\s*(?:决算|预算|整体支出|项目支出|“?三公)",
    rf"^#*\s*({ORG})\s*(?:部门|单位)?\s*(?:决算|预算|整体支出|部门整体|项目支出)",
    rf"第一部分\s*[：:]?\s*({ORG})\s*(?:部门|单位)*\s*概况",
    rf"(?:项目实施单位|实施单位|项目单位)\s*(?:[（(]盖章[)）])?\s*[：:\t|]?\s*{_CODE}({ORG}){_LABEL_END}",
    rf"^部门\s*[：:]\s*({ORG})\s*$",
    rf"^#*\s*({ORG})[\u4e00-\u9fff]{{0,16}}\n\s*(?:项目)?(?:绩效评价|绩效自评|自评)报告\s*$",  # a title over two lines
    rf"^#*\s*({ORG})\s*$",
    rf"主管部门\s*[：:\t|]?\s*{_CODE}({ORG}){_LABEL_END}",
    rf"^来源\s*[：:]\s*({ORG})\s*$",  # a web page's publisher, the weakest evidence
]
# Not a unit's name: a placeholder or a sentence that happens to end like one.
_NOT_UNIT = re.compile(r"^(XX|××|某某)|^(根据|按照|关于|为)|^[我本](单位|部门|局|委|办|院|所|中心|镇|乡|街道|机关)"
                       r"|[XＸ]{2}|^[区县市州省]?本级$")


@dataclass(frozen=True)
class Detection:
    kind: DocumentKind | None
    year: int | None
    unit: str
    hint: str = ""  # why the kind could not be decided
    evidence: tuple[str, ...] = ()  # what decided the kind: the title, or the markers found


def _title_lines(text: str) -> list[str]:
    """The first lines, each up to its first sentence mark; a part quoting an amount is a sentence, not a title."""
    lines = [re.sub(r"\s+", "", line).lstrip("#") for line in text.splitlines()]
    parts = [re.split(r"[，。；！？：:,;!?]", line)[0][:TITLE_LENGTH] for line in lines if line][:TITLE_LINES]
    return [part for part in parts if part and not AMOUNT_RE.search(part) and not NOT_TITLE_RE.search(part)]


def _sangong_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """A lone 三公 section: 决算 when it says 决算 or counts trips and guests, 预算 when it says only 预算."""
    if "三公" not in text or len(set(SANGONG_ITEMS_RE.findall(text))) < 2:
        return None
    plain = FUND_NAMES_RE.sub("", text)
    if "决算" in plain or re.search(r"\d+\s*(批次|人次|个团组)", plain):
        return DocumentKind.DISCLOSURE, "三公经费各项的支出（决算）"
    if "预算" in plain:
        return DocumentKind.BUDGET_DISCLOSURE, "三公经费各项的预算"
    return None


def detect(text: str, path: str = "") -> Detection:
    """Kind, year and unit of a document from its text (the head of it weighs most)."""
    head = text[:20000]
    titles = _title_lines(text)
    year = next((found for line in titles if (found := _year(line)) is not None), None) or _year(head)
    unit = _unit(head)
    for line in titles:
        for kind_, pattern in _TITLES:
            if re.search(pattern, line) and not (kind_ is DocumentKind.BUDGET_DISCLOSURE and "决算" in line):
                return Detection(kind=kind_, year=year, unit=unit, evidence=(f"标题“{line}”",))
    if news := NEWS_RE.search(head):
        return Detection(kind=None, year=year, unit=unit,
                         hint=f"像是新闻报道（“{news.group(0)}”），不是某个单位公开的文档")
    scores: list[tuple[int, DocumentKind, list[str]]] = []
    for kind, markers in _MARKERS:
        found = [m.group(0) for m in (re.search(p, head) for p in markers) if m]
        if kind is DocumentKind.BUDGET_DISCLOSURE and "决算" in head:
            found = []  # a 预算公开 has no 决算; a 决算 package's 预算数 columns do not make it one
        scores.append((len(found), kind, found))
    best = max(hits for hits, _, _ in scores)
    if best < MIN_MARKERS and (fragment := _sangong_fragment(head)) is not None:
        return Detection(kind=fragment[0], year=year, unit=unit, evidence=(f"内容标记：{fragment[1]}",))
    if best < MIN_MARKERS:
        return Detection(kind=None, year=year, unit=unit,
                         hint="未找到自评表、决算公开表、预算公开表、评价表等任何可识别的标题或表名")
    leaders = [(kind, found) for hits, kind, found in scores if hits == best]
    kind, found = leaders[0]
    if len(leaders) > 1:
        name = PurePath(path).name
        hinted = next((k for word, k in _FILENAME_HINTS.items() if word in name and k in dict(leaders)), None)
        if hinted is not None:
            kind, found = hinted, dict(leaders)[hinted]
    return Detection(kind=kind, year=year, unit=unit, evidence=(f"内容标记：{'、'.join(dict.fromkeys(found))}",))


def _year(text: str) -> int | None:
    masked = _NOT_REPORT_YEAR.sub(lambda m: "#" * len(m.group(0)), text)
    for pattern in _YEAR_PATTERNS:
        match = re.search(pattern, masked)
        if match:
            return int(match.group(1))
    return None


def _unit(text: str) -> str:
    for pattern in _UNIT_PATTERNS:
        for match in re.finditer(pattern, text, flags=re.MULTILINE):
            name = re.sub(r"\s+", "", match.group(1))
            if not _NOT_UNIT.search(name):
                return name
    return ""
