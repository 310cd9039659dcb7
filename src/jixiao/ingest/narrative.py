"""The 情况说明 of a 决算公开 document as statements with their claims, the document's headings and 目录
entries (to check they name this unit, this year and tables that are there), and the 预算绩效情况说明 counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from jixiao.core.claims import claims_of, money_unit
from jixiao.core.counts import count_lists
from jixiao.core.disclosure import GradeCounts
from jixiao.core.money import compact_text, normalize_text, parse_amount
from jixiao.core.provenance import Location
from jixiao.core.statements import Statement, figures_of, sentences
from jixiao.ingest.source import Paragraph, SourceDocument, Table

PART = r"第[一二三四五六七八九十]+部分[:：\s]*"
# The 情况说明 starts at its part heading ('第三部分 情况说明', '第二部分 2023年度单位决算情况说明') or its first
# section ('一、收入支出决算总体情况说明'); it ends at the 名词解释 or at a part holding the tables or attachments.
# '三、收支决算总体情况' (without 说明) opens the explanation of the figures as well
START_RE = re.compile(rf"^{PART}.{{0,24}}情况说明$|^{PART}情况说明|情况说明$"
                      r"|^[一二三四五六七八九十]+、.{0,16}(?:收支|收入|支出).{0,8}总体情况$")
END_RE = re.compile(rf"^(?:{PART})?(?:专业)?名词解释|^{PART}.*(?:附件|附表|决算表|报表)")
# A part of the explanation after the part holding the tables ('第三部分：…2018年部门预算及“三公”经费预算说明').
TABLE_PART_RE = re.compile(rf"^{PART}(?!.*(?:名词解释|说明$)).*(?:附件|附表|决算表|报表)")
RESUME_RE = re.compile(rf"^{PART}.{{0,40}}说明$")
SECTION_RE = re.compile(r"^[（(]?[一二三四五六七八九十]+[)）、]")
CONTENTS_RE = re.compile(r"^目\s*录$")
STATES_AMOUNT_RE = re.compile(r"\d\s*(?:亿元|万元|元)")  # a numbered line stating an amount is a sentence, not a heading
# A column caption naming a figure ('2022 年决算数', '上年预算数(万元)', '执行金额'): a table's header cell printed on
# a line of its own, not a heading of the document.
CAPTION_RE = re.compile(r"(?:决算|预算|执行|完成|实际|支出|收入)(?:数|金额|额|值)\s*(?:[（(][^()（）]{0,6}[)）]?)?$")
PAGE_TAIL_RE = re.compile(r"(?:PAGEREF\s*\S+\s*\S*\s*\d*|[.·…\s]*\d{1,3})$")
CN_NUMBERS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def sentence(text: str, section: str, block_location: Location, unit: str = "") -> Statement:
    """One sentence with its figures, claims and stated reason. `unit`: the document's one money unit (document_unit)."""
    location = block_location.with_(section=section)
    claims, reason = claims_of(text, section, location, unit)
    return Statement(text, section, location, figures_of(text), claims, reason=reason)


def narrative_statements(source: SourceDocument, from_start: bool = False,
                         whole_if_unmarked: bool = False) -> tuple[Statement, ...]:
    """Statements from the 情况说明 part (from its heading to 名词解释; from the document's start when `from_start`,
    for a 预算公开 whose whole text explains its figures, or when `whole_if_unmarked` and no 情况说明 heading is
    found: a page holding only the explanation), then the document's headings and 目录 entries (kind 'heading' and
    'contents')."""
    found, started = _narrative(source, from_start)
    if whole_if_unmarked and (not started or _explained_before(source)):
        found, _ = _narrative(source, True)
    return _profile(source, {s.location.block for s in found}) + found + outline(source)


def document_unit(source: SourceDocument) -> str:
    """The one money unit every amount in the document's paragraphs is printed in (万元 …), or "" when they print
    several or none: what an amount printed without a unit is read in."""
    return money_unit(block.clean for block in source.blocks if isinstance(block, Paragraph))


# The part or section describing the unit ('第一部分 示例中学部门概况', '一、单位基本情况'): its staff and pupils.
PROFILE_RE = re.compile(rf"^(?:{PART}|[一二三四五六七八九十]+、).{{0,36}}(?:概况|基本情况)$")


def _profile(source: SourceDocument, taken: set[int | None]) -> tuple[Statement, ...]:
    """The sentences of the unit's 概况 (before or outside the 情况说明) in a paragraph that lists counts with their parts
    ('在校学生N人（中学A人，小学B人）', '编制人数N，其中：…'), kind 'profile': read for those counts only (no rule of the
    情况说明 reads them), every sentence of such a paragraph stating figures, so that none of them goes unreported."""
    found: list[Statement] = []
    contents = _contents_blocks(source)
    section = ""
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        compact = block.clean.replace(" ", "")
        # (the part's heading may be taken for the 目录's last entry: a heading all the same)
        if len(compact) <= 40 and (PROFILE_RE.match(compact) or re.match(PART, compact) or START_RE.search(compact)):
            section = compact if PROFILE_RE.match(compact) else ""
            continue
        if not section or id(block) in contents or block.location.block in taken:
            continue
        parts = sentences(block.clean)
        if any(count_lists(part) for part in parts):
            found += [replace(sentence(part, section, block.location), kind="profile") for part in parts
                      if figures_of(part)]
    return tuple(found)


# The grand totals a text states first when it explains a 决算 (a news report of one, a page of its explanation):
# said before any 情况说明 heading, they are its explanation too.
_TOTALS_FIRST = ("收支总计", "收入总计", "支出总计", "本年收入合计", "本年支出合计")


def _explained_before(source: SourceDocument) -> bool:
    """Whether sentences before the first 情况说明 heading state the unit's grand totals (“…收、支总计X万元。” “…收入合计
    X万元，其中：…”), two paragraphs or more, with no part heading (第X部分) before them: a text whose explanation
    begins before its first heading of that name (a sub-heading further down, '一般公共预算财政拨款支出决算情况说明')."""
    stating = 0
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        compact = block.clean.replace(" ", "")
        if re.match(PART, compact) or (len(block.clean) <= 40 and START_RE.search(compact)):
            break
        if "。" in compact and any(c.subject in _TOTALS_FIRST and c.measure == "amount"
                                  for c in claims_of(block.clean)[0]):
            stating += 1
    return stating >= 2


def _narrative(source: SourceDocument, from_start: bool = False) -> tuple[tuple[Statement, ...], bool]:
    """The statements, and whether the 情况说明 was found to start (always so `from_start`)."""
    inside = started = from_start
    section = ""
    unit = document_unit(source)
    found: list[Statement] = []
    contents = _contents_blocks(source)
    items = _list_items(source, contents)
    for block in source.blocks:
        if not isinstance(block, Paragraph) or id(block) in contents:
            continue
        text = block.clean
        if not inside:
            compact = text.replace(" ", "")
            inside = len(text) <= 40 and bool(START_RE.search(compact) if not started else RESUME_RE.search(compact))
            started = started or inside
            if inside and SECTION_RE.match(text):
                section = text
            continue
        if END_RE.search(text.replace(" ", "")):
            if found and not TABLE_PART_RE.search(text.replace(" ", "")):
                break
            # the part holding the tables: the explanation may go on in a later part; an end before any sentence:
            # the headings were an outline of the document (a 目录 printed without its title), the text comes later
            inside = False
            continue
        if SECTION_RE.match(text) and len(text) <= 40 and not STATES_AMOUNT_RE.search(text):
            if id(block) not in items:  # an item of a list (a body's duties) heads nothing after the list
                section = text
            continue
        for part in _with_run_in_headings(sentences(text)):
            statement = sentence(part, section, block.location, unit)
            if found and found[-1].section == section and CONTINUES_RE.match(part.strip()):
                statement = _continued(statement, found[-1])
            found.append(statement)
    return tuple(found), started


# The number opening a paragraph: '(三)' / '（三）' or '三、', by its style.
ITEM_NUMBER_RE = re.compile(r"^(?:([（(])([一二三四五六七八九十]{1,3})[)）]|([一二三四五六七八九十]{1,3})、)")
LIST_ITEMS_MIN = 3


def _chinese(numeral: str) -> int:
    """'三' → 3, '十二' → 12, '二十' → 20."""
    if "十" not in numeral:
        return CN_NUMBERS.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (CN_NUMBERS.get(tens, 0) if tens else 1) * 10 + (CN_NUMBERS.get(ones, 0) if ones else 0)


def _list_items(source: SourceDocument, contents: dict[int, Paragraph | Table]) -> set[int]:
    """The paragraphs that are items of a numbered list, not headings: LIST_ITEMS_MIN or more paragraphs in a row
    numbered alike and in order with nothing between them ('(一)依法审判…' / '(二)…' / … / '(十)承担其他…工作', the
    duties of a body). A heading has its text after it; an item is followed by the next item."""
    found: set[int] = set()
    run: list[int] = []
    last: tuple[str, int] | None = None
    for block in [*source.blocks, None]:
        if block is not None and id(block) in contents:
            continue
        match = ITEM_NUMBER_RE.match(block.clean) if isinstance(block, Paragraph) else None
        number = (("(" if match.group(1) else "、"), _chinese(match.group(2) or match.group(3))) if match else None
        if number is not None and last is not None and number == (last[0], last[1] + 1):
            run.append(id(block))
        else:
            if len(run) >= LIST_ITEMS_MIN:
                found.update(run)
            run = [id(block)] if number is not None else []
        last = number
    return found


# A heading run into its paragraph and closed by a full stop ('(一)收入预算。2030年年初预算数X万元，…'): it names what
# the sentence after it speaks of, as the same heading closed by a colon does within one sentence.
RUN_IN_HEADING_RE = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）][^，,。；;：:\d]{2,16}[。.]$")


def _with_run_in_headings(parts: list[str]) -> list[str]:
    """The sentences of a paragraph with a run-in heading kept with the sentence after it."""
    out: list[str] = []
    for part in parts:
        if out and RUN_IN_HEADING_RE.match(out[-1]):
            out[-1] += part
        else:
            out.append(part)
    return out


# A sentence that goes on about the figure of the sentence before: '…收入382.17万元，为…资金。较上年减少157.86万元',
# '…支出X万元，…。主要原因是…。较年初预算数减少Y万元，下降P%'
BREAKDOWN_RE = re.compile(r"其中|包括")  # where a sentence goes on to list the parts of the figure before it
CONTINUES_RE = re.compile(r"^(较|比|与|同)(上年|去年|\d{4}年|(?:年初|全年|调整后)?预算)|^完成(年初|全年|调整后)?预算")


def _continued(statement: Statement, before: Statement) -> Statement:
    """The sentence's claims that name no subject take the subject of the last amount of the sentence before — of
    the whole when that sentence breaks it down ('A X万元，其中B Y万元，C Z万元。比上年增加…': A's change, not C's)."""
    amounts = [c for c in before.claims if c.subject and c.measure in ("amount", "prior")]
    text = compact_text(before.text)
    cut = BREAKDOWN_RE.search(text)
    wholes = [c for c in amounts if 0 <= text.find(c.clause) < cut.start()] if cut else []
    named = (wholes or amounts or [None])[-1]
    if named is None or any(c.subject for c in statement.claims):
        return statement
    claims = tuple(replace(c, subject=named.subject, scope=c.scope or named.scope) for c in statement.claims)
    return replace(statement, claims=claims)


def _entry(text: str) -> str:
    """A 目录 line without its page number, dot leaders or field codes."""
    return PAGE_TAIL_RE.sub("", normalize_text(text).strip()).strip(" .·…\t")


CONTENTS_ENTRY_LENGTH = 60


def _is_body(compact: str) -> bool:
    """A paragraph of running text (a sentence, no page number): the 目录 is over even when no heading marks it."""
    return (len(_entry(compact)) > CONTENTS_ENTRY_LENGTH and not PAGE_TAIL_RE.search(compact.rstrip())) or bool(
        re.search(r"[，,；;。]", compact) and len(compact) > 40 and compact.endswith(("。", "；", ";")))


def _contents_blocks(source: SourceDocument) -> dict[int, Paragraph | Table]:
    """The blocks of the 目录: from its title to the first heading that repeats an entry or the first paragraph of
    running text (at most 80 entries)."""
    blocks: dict[int, Paragraph | Table] = {}
    inside = False
    entries: set[str] = set()
    first = ""  # the 目录's first entry: the body starts where it is printed again ('一、概况' … '一、概况')
    for block in source.blocks:
        if isinstance(block, Table):
            if inside:
                blocks[id(block)] = block
                entries.update(_entry(row.texts[0]).replace(" ", "") for row in block.rows if row.texts)
            continue
        compact = block.clean.replace(" ", "")
        if CONTENTS_RE.match(compact):
            inside = True
            continue
        if inside and ((block.heading_level and compact in entries) or len(entries) > 80 or _is_body(compact)
                       or (first and _entry(compact).replace(" ", "") == first)):
            break
        if inside:
            blocks[id(block)] = block
            entry = _entry(block.clean).replace(" ", "")
            entries.add(entry)
            first = first or entry
    return blocks


def outline(source: SourceDocument) -> tuple[Statement, ...]:
    """Headings and short title lines (kind 'heading') and the 目录's entries (kind 'contents'), each with the
    决算 table it names."""
    from jixiao.ingest.disclosure import table_code  # the one title→code reader (it imports this module)

    found: list[Statement] = []
    contents = _contents_blocks(source)
    for block in source.blocks:
        if isinstance(block, Table):
            if id(block) in contents:
                found.extend(Statement(text, "目录", row.location, kind="contents", table=_code(text, table_code))
                             for row in block.rows if row.texts and (text := _entry(row.texts[0])))
            continue
        text = block.clean
        if id(block) in contents:
            if text := _entry(text):
                found.append(Statement(text, "目录", block.location, kind="contents", table=_code(text, table_code)))
        elif block.heading_level or (len(text) <= 40 and not text.endswith(("。", "；", ";"))
                                     and not CAPTION_RE.search(text.replace(" ", ""))):
            found.append(Statement(text, "", block.location, kind="heading", table=_code(text, table_code)))
    return tuple(found)


def _code(text: str, table_code: Callable[[str], str | None]) -> str:
    """The table a title names ('公开03表', '三、支出决算表'); not a 情况说明 heading about it."""
    if len(text) > 40 or "说明" in text or "情况" in text:
        return ""
    return table_code(text) or ""


def glossary_terms(source: SourceDocument) -> tuple[str, ...]:
    """The terms the 名词解释 defines ('财政拨款收入', '基本支出', …)."""
    terms: list[str] = []
    inside = False
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = block.clean
        if "名词解释" in text and len(text) <= 20:
            inside = True
            continue
        if inside:
            match = re.match(r"^[一二三四五六七八九十]+、\s*(.+?)[：:]", text)
            if match:
                terms.append(match.group(1))
            elif block.heading_level or text.startswith("第五部分"):
                break
    return tuple(terms)


def _count(pattern: str, text: str) -> int | None:
    match = re.search(pattern, text)
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else CN_NUMBERS.get(token)


_AMOUNT = r"[\d,.]+\s*(?:亿元|万元|元)"


def grade_counts(statements: tuple[Statement, ...]) -> GradeCounts | None:
    """The self-evaluation claims of the 预算绩效情况说明 (counts per grade, projects, amounts by budget type)."""
    section = [s for s in statements if "预算绩效" in s.section]
    text = next((s for s in section if "自评等级" in s.text), None)
    if text is None:
        return None
    body = normalize_text("".join(s.text for s in section))
    grades = {}
    for grade in ("优", "良", "中", "差"):
        n = _count(rf"(\d+|[一二三四五六七八九十])个项目自评等级为[“\"]?{grade}", body)
        if n is not None:
            grades[grade] = n
    projects = _count(r"涉及(?:二级)?项目(\d+)个", body)
    # an amount in the unit it prints ('资金1,200.00万元', '资金12000000.00元'), after either comma
    amount = re.search(rf"项目\d+个[，,]\s*资金\s*({_AMOUNT})", body)
    by_type: dict[str, Decimal] = {}
    for key, label in (("general", "一般公共预算项目支出"), ("fund", "政府性基金预算项目支出"),
                       ("state_capital", "国有资本经营预算项目支出"), ("social_insurance", "社会保险基金预算项目支出")):
        match = re.search(rf"{label}\s*({_AMOUNT})", body)
        if match:
            value = parse_amount(match.group(1))
            if value is not None:
                by_type[key] = value
    evaluated = re.search(r"等(\d+)个项目开展了部门评价", body)
    return GradeCounts(projects=projects, amount=parse_amount(amount.group(1)) if amount else None,
                       amounts_by_type=by_type, grades=grades,
                       evaluated_projects=int(evaluated.group(1)) if evaluated else None, location=text.location)
