"""Text copied out of web pages, viewers and spreadsheets (.txt/.md), as paragraphs and tables.

Layouts read:
- tab-separated rows (the seed form), '|'-separated rows and markdown tables ('| a | b |'; '|---|' dropped);
- a row's first cell at the margin and each further cell on an indented line opening with '|' (a web table whose
  cells broke onto lines of their own), wrapped words indented without one: joined into '|'-rows;
- one cell per line ending with '|' (a table copied out of a web page or viewer): row ends are lost, so rows are
  rebuilt — from a 栏次 / column-number row that gives the table's width, or from the known labels of a
  self-evaluation form (项目名称, 年初预算数 … 一级指标 …); never from guessed positions;
- a whole form flattened into one line of space-separated cells: rows rebuilt from the form's labels;
- cells between lone '|' lines whose rows end at two bars in a row ('|' / cell / '|' / cell / '|' / '|' …);
- one cell per line with each row opening with its 序号 (a budget's 收支总表), rebuilt from the serials — its two-tier
  header too when printed one cell per paragraph, the tiers told by the 栏次 row's width (blank 项目 cells kept);
- cells separated by blank lines (a web table, or a Word form saved one cell per paragraph): taken as cells
  when a column-number row, a header over figures or the form's own labels give the rows;
- a 决算 package (or a 预算公开's 部门收支总表) flattened into one line: tables rebuilt from their titles, headers and
  codes (ingest.flatline);
- a two-sided table one cell per line whose halves each carry their own 行次 (1, 2 … beside 30, 31 …): rows
  rebuilt from the two series;
- one row per line with cells separated by spaces under a unit caption and a '项目' header (ingest.spacedtable);
- one cell per line with a lone '|' after each cell and two after each row, header cells wrapped over two lines;
- one cell per line under a header of several tiers whose spans were lost, with a 栏次 row: rows told by their names,
  columns headed only where every layout agrees (ingest.tiers);
- a form with a 行次 column and a 列次 row, its rows split over lines (ingest.numberedform);
- one cell per line under a header whose tiers run on in one line of cells, over a row numbering the columns
  ('行次 1 2 … N' beside the label column): rows of 1 + N cells, columns headed where every layout the rows' totals
  allow agrees; a header cell whose first line lost its bar ('公务用车' / '购置费 |') is one cell;
- a two-sided table one cell per line with no separator ('收入' / '支出' / '项目' / '决算数' / '项目' / '决算数' …);
- a page's running text behind the bar of a layout table's debris is a paragraph; a page counter or byline printed as
  a '|'-row ('阅读:3 | | |') is page chrome;
- file metadata and site navigation before the document (索引号、发布机构、发布日期、当前位置 …) are dropped,
  so they decide neither kind nor unit nor year.
Cells that cannot be placed in a row stay as paragraphs, so nothing is silently lost.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from jixiao.core.levelwords import level1_words
from jixiao.core.money import is_number, parse_decimal
from jixiao.core.provenance import Location
from jixiao.ingest.flatline import disclosure_blocks, join_spaced_letters
from jixiao.ingest.formcolumns import FUND_ROW_RE, INDICATOR_ROW_RE
from jixiao.ingest.formcolumns import figure_cell as _figure
from jixiao.ingest.headers import normalize_label, printed_unit, unspaced
from jixiao.ingest.levelwords import alternation
from jixiao.ingest.numberedform import numbered_forms
from jixiao.ingest.source import PAGE_NUMBER_RE, Block, Cell, Paragraph, Row, Table
from jixiao.ingest.spacedtable import spaced_tables
from jixiao.ingest.spannedform import spanned_section
from jixiao.ingest.targetform import FIELD_LABEL_RE
from jixiao.ingest.tiers import agreed, fitting_layouts, leaf_paths, summing

PREAMBLE_LINES = 40
META_LABELS = (r"(?:索引号|发布机构|发文机关|发布日期|发布时间|发文日期|发表时间|发表日期|成文日期|生成日期|文号|发文字号|时效性|信息来源|来源|日期"
               r"|浏览次数|浏览量|访问次数|访问量|点击数|阅读次数|字号|作者|主题分类|所属机构|公开方式|公开范围|公开时限|公开日期"
               r"|公开时间|关键词|主题词|格式|页数|大小|上传时间|下载积分|主管|主办|网站标识码|文件名称|统一登记号|公开目录"
               r"|组配分类|体裁分类|信息分类|内容分类|信息类别|公开形式|公开属性|发布单位|有效性|文件编号)")
# A metadata label with a colon ('索引号：…'), or in square brackets as a government catalogue prints it ('[ 索引号 ] …',
# '- [ 发布机构 ]' with its value on the next line).
META_RE = re.compile(rf"^\s*[-*•·]?\s*(?:{META_LABELS}\s*[：:]|[\[【［]\s*{META_LABELS}\s*[\]】］])")
NAV_RE = re.compile(
    r"(首页|当前位置|您的位置|所在位置)\s*[>＞»›:：]|^\s*[>＞»›]\s*\S[^>＞»›]*[>＞»›]|^\s*(【\s*打印\s*】|打印本页|打印页面|关闭窗口|分享到|视力保护色"
    r"|【\s*字体|\[?\s*字体\s*[：:]|欢迎来到|欢迎访问|欢迎进入|欢迎光临)"
    r"|^\s*\S{1,80}\.(pdf|docx?|xlsx?|wps|et|html?)(_第\d+页)?\s*$"  # a file name, or a page thumbnail's caption
    r"|^\s*第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页\s*$"  # a page counter under a thumbnail
    # a site's menu bar ('首页 走进示例 政务公开 政务服务 政民互动'), its accessibility toolbar ('| 无障碍 | 长者版 | 登录 |')
    # and its links to other portals ('中国政府网 | 示例省人民政府网 …')
    r"|^\s*首页(?:\s+[\u4e00-\u9fff]{2,6}){3,}\s*$|^[\s|｜]*(?:无障碍|长者版|敬老版|适老版|关怀版)(?:[\s|｜]|$)"
    r"|^\s*中国政府网\s*[|｜]", re.IGNORECASE)
PIPES = str.maketrans({"｜": "|"})
RULE_RE = re.compile(r"^\s*[|｜]?(\s*:?[-—=]{2,}:?\s*[|｜]?)+\s*$")  # a markdown rule row: |---|:--:|

# The labels a self-evaluation form prints (normalised: no spaces, no （盖章）, no trailing colon).
FIELD_LABELS = (
    "项目名称", "主管部门", "实施单位", "项目单位", "单位名称", "预算单位", "编制单位", "部门名称", "项目负责人",
    "联系电话", "自评得分", "自评结论", "评价结论", "总体结论", "年度总体目标", "年度目标", "实际完成情况",
    "存在问题", "改进措施", "项目类别", "资金用途", "项目资金", "其他需要说明事项",
)
BUDGET_HEADERS = (
    "资金来源", "年初预算数", "年初预算", "全年预算数", "全年执行数", "调整后预算数", "调整后预算", "预算执行数",
    "年度预算数", "执行率", "预算执行率", "预算数", "执行数", "资金结转结余", "偏差原因", "原因",
)
INDICATOR_HEADERS = (
    "一级指标", "二级指标", "三级指标", "指标名称", "年度指标值", "年初目标值", "指标值", "实际完成值", "全年实际值", "完成值",
    "偏差原因分析及改进措施", "未完成原因分析", "未完成原因分析及改进措施", "指标性质", "度量单位",
)
SHARED_HEADERS = ("分值", "权重", "得分")
FORM_TITLE_RE = re.compile(r"绩效自评表|自评(分析)?报告|绩效评价表")
SPANNING_CAPTIONS = ("绩效指标", "年度绩效指标")  # a merged cell down the side of the indicator rows
LEVEL1_ROW_RE = re.compile(rf"^({alternation(level1_words())})指标[（(][\d.]+分[)）]$")  # a 一级 cell with its points opens a row
NUMBER_ROW_MIN = 3
CELL_LENGTH = 40
MAX_EMPTY_CELLS = 3
MIN_RUN_CELLS = 12
CAPTION_RE = re.compile(r"公开\s*0?\d{1,2}\s*表|[单單]位\s*[:：]|^(?:编制)?部门\s*[:：]|表$|^第[一二三四五六七八九十]+部分")
# A table's column header, never a field's value: a count, an amount or a name of something ('编制数', '实有人数',
# '小计', '单位名称').
COLUMN_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:数|人数|名称|小计|合计|总计|金额|序号|编号|备注)$")
MEANINGFUL_RE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")  # a cell holding more than a stray mark ('?', '-')


@dataclass(frozen=True)
class _Token:
    text: str
    line: int


# A column's letter in a Hubei header, its brackets often lost: '预算数(A)', '执行数B)', '执行率B/A)', '目标值(A'.
COLUMN_LETTER_RE = re.compile(r"(?<=[数率值])[（(]?[A-Z](?:/[A-Z])?[)）]?$")


def _norm(text: str) -> str:
    text = re.sub(r"[（(]\s*(盖章|万元|元)\s*[)）]", "", text)
    text = COLUMN_LETTER_RE.sub("", text.strip())
    return re.sub(r"\s+", "", text).rstrip("：:")


def _is_header(text: str) -> bool:
    norm = _norm(text)
    return norm in BUDGET_HEADERS or norm in INDICATOR_HEADERS or norm in SHARED_HEADERS or norm.startswith("项目资金")


def _form_labels(tokens: list[str]) -> int:
    return len({_norm(t) for t in tokens if _norm(t) in FIELD_LABELS or _is_header(t)})


# A metadata label cut by the page to its last character ('号:' left of '索引号:' or '文号:'): metadata when the line next
# to it is (a page's title field, '名称:' cut to '称:' alike, is the page's title and stays in the text). A longer
# rest ('单位:') may be a caption of the document's own.
_LABEL_ENDS = {word[-1] for word in re.findall(r"[\u4e00-\u9fff]+", META_LABELS)} - {"称", "题"}
CUT_LABEL_RE = re.compile(rf"^\s*[{''.join(sorted(_LABEL_ENDS))}]\s*[：:]")
PAGE_TITLE_FIELD_RE = re.compile(r"^\s*(?:信息名称|名称|标题|称|题)\s*[：:]")
# A metadata label printed alone on its line, its value on the next filled line ('发布机构:' / '' / '市财政局').
META_LABEL_ONLY_RE = re.compile(META_RE.pattern + r"\s*$")
META_VALUE_RE = re.compile(r"^[^，。；;！？!?]{1,40}$")  # a value: short, no sentence
META_LABELS_MIN = 2  # labels printed alone, one after another: a metadata block, not a heading ending with a colon
# A line reading as a document's title ('示例镇人民政府 2031年部门预算情况说明'): no value of a label printed alone before it
# (an empty field, '[ 有效性 ]', closing a catalogue block), unless the label names a file or title.
TITLE_LIKE_RE = re.compile(r"(?:19|20)\d{2}\s*年[^\n]{0,30}?(?:预算|决算|报告|说明|自评|评价|目标表)")
TITLE_LABEL_RE = re.compile(r"文件名称|标题|名称")


# A cell of a page's counter or byline ('阅读:3', '查看: 23', '评论: 0', '发布者: 示例县政府', '2031-8-23 08:50').
META_CELL_RE = re.compile(META_RE.pattern + r"|^\s*(阅读|浏览|查看|点击|评论|访问|人气|热度|发布者|发布人|来自|责编|编辑|审核)"
                          r"(次数|量|数)?\s*[：:]")
DATE_CELL_RE = re.compile(r"^\s*(?:19|20)\d{2}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _metadata_row(line: str) -> bool:
    """A '|'-line whose filled cells are all a page's metadata — a counter, a byline, a date — with at least one
    labelled ('阅读:3 | | |', '2031-8-23 08:50| 发布者: 示例县政府| 查看: 23|'): no table."""
    if "|" not in line.translate(PIPES):
        return False
    cells = [c.strip() for c in line.translate(PIPES).split("|") if MEANINGFUL_RE.search(c)]
    return bool(cells) and all(META_CELL_RE.match(c) or DATE_CELL_RE.match(c) for c in cells) and any(
        META_CELL_RE.match(c) for c in cells)


# A bulleted catalogue entry whose labels the page lost, each value alone on its bullet ('• 11500224…/2025-00030',
# '• 财政', '• 2025-10-29'): short values, no sentence; the block holds an index number or a date.
BULLET_VALUE_RE = re.compile(r"^\s*[•·]\s*([^，。；;！？!?]{1,40})$")
INDEX_NUMBER_RE = re.compile(r"^[0-9A-Z]{6,}[/-]\d{4}-\d+$")  # '11500224691216248X/2025-00030'
BULLET_BLOCK_MIN = 3
BULLET_LABEL_RE = re.compile(rf"^[\[【［]?\s*({META_LABELS})\s*[\]】］]?$")  # a label alone: '索引号', '[ 发布机构 ]'


def _bullet_block(head: list[str]) -> dict[int, str]:
    """The lines of a run of bulleted values at the top of a text (blank lines between allowed) that holds an index
    number or a date: a page's catalogue entry whose labels were lost, not the document's text."""
    found: dict[int, str] = {}
    run: dict[int, str] = {}
    for index, line in enumerate([*head, "end"]):
        if not line.strip():
            continue
        value = BULLET_VALUE_RE.match(line)
        if value:
            run[index] = value.group(1).strip()
            continue
        if len(run) >= BULLET_BLOCK_MIN and any(INDEX_NUMBER_RE.match(v) or DATE_CELL_RE.match(v)
                                                for v in run.values()):
            found.update(_labelled(run))
        run = {}
    return found


def _labelled(run: dict[int, str]) -> dict[int, str]:
    """A bullet run's values, each label that kept its own bullet ('• 发布机构' or '• [ 发布机构 ]') joined to the value
    on the bullet after it ('发布机构：保山市文化和旅游局'), that value's line then left empty."""
    out = dict(run)
    lines = list(run)
    for here, there in itertools.pairwise(lines):
        label = BULLET_LABEL_RE.match(run[here])
        if label and out[here] and not BULLET_LABEL_RE.match(run[there]):
            out[here], out[there] = f"{label.group(1)}：{run[there]}", ""
    return out


def metadata_lines(lines: list[str]) -> dict[int, str]:
    """The lines (0-based) of file metadata and site navigation at the top of a text, each with what it says: a
    label and its value on one line (or several in the cells of a '|'-line: a page's counter and byline), or a block
    of labels each printed alone with its value on the next filled line ('索引号:' / '' / '1133…' / '发布机构:' / '' /
    '市财政局' …), the value joined to its label."""
    found: dict[int, str] = {}
    head = lines[:PREAMBLE_LINES]
    alone = [i for i, line in enumerate(head) if META_LABEL_ONLY_RE.match(line)]
    for index, line in enumerate(head):
        if META_RE.match(line) or NAV_RE.search(line):
            found[index] = line.strip()
        elif _metadata_row(line):
            found[index] = " ".join(c.strip() for c in line.translate(PIPES).split("|") if c.strip())
    for index in _cut_labels(head, found):
        found[index] = head[index].strip()
    if len(alone) >= META_LABELS_MIN:
        for index in alone:
            value = next((i for i in range(index + 1, len(head)) if head[i].strip()), None)
            if value is not None and value not in found and META_VALUE_RE.match(head[value].strip()) and not (
                    TITLE_LIKE_RE.search(head[value]) and not TITLE_LABEL_RE.search(head[index])):
                found[index] = f"{head[index].strip()}{head[value].strip()}"
                found[value] = ""
    for index, said in _bullet_block(head).items():
        found.setdefault(index, said)
    return dict(sorted(found.items()))


def _cut_labels(head: list[str], found: dict[int, str]) -> list[int]:
    """The lines opening with a metadata label cut at its start (CUT_LABEL_RE) whose nearest filled line above or below
    is metadata, or the page's title field, or such a line itself ('发布机构: …' / '称: 示例局2030年预算公开' / '号:')."""
    block = set(found) | {i for i, line in enumerate(head) if PAGE_TITLE_FIELD_RE.match(line)}
    cut = {i for i, line in enumerate(head) if CUT_LABEL_RE.match(line) and i not in block}
    taken: list[int] = []
    while True:
        more = [i for i in sorted(cut) if _beside(head, i, block)]
        if not more:
            return taken
        taken.extend(more)
        block.update(more)
        cut.difference_update(more)


def _beside(head: list[str], index: int, block: set[int]) -> bool:
    """Whether the nearest filled line above or below `index` is in `block`."""
    above = next((i for i in range(index - 1, -1, -1) if head[i].strip()), None)
    below = next((i for i in range(index + 1, len(head)) if head[i].strip()), None)
    return above in block or below in block


def drop_preamble(lines: list[str]) -> list[str]:
    """The lines with file metadata and site navigation at the top blanked (line numbers stay)."""
    dropped = metadata_lines(lines)
    return ["" if index in dropped else line for index, line in enumerate(lines)]


LED_ROW_RE = re.compile(r"^\s*\|\s*[^|\s]")  # a row that opens with a bar and a filled cell: '| 合计 | 12 |'
LED_ROWS = 3


def _bar_rows_by_style(lines: list[str]) -> tuple[int, int]:
    """(rows opening with a bar and a filled cell, rows closing a bar after each cell without opening with one) among
    the '|' rows of a text: the way its tables were printed ('| 合计 | 12 |' or '合计 | 12 |')."""
    bars = [line.strip().translate(PIPES) for line in lines]
    led = sum(1 for b in bars if LED_ROW_RE.match(b) and b.count("|") >= 2)
    closed = sum(1 for b in bars if b.count("|") >= 2 and b.endswith("|") and not b.startswith("|"))
    return led, closed


def join_broken_pipe_rows(lines: list[str]) -> list[str]:
    """A '|'-table whose cells held line breaks: a row goes on over the lines after it that do not open with a
    bar but close a cell with one ('|' / '项目资金 (万元) |' / '年初预算数 | 全年预算数 | … |' is one row). Only in a
    text whose rows open with a bar (at least LED_ROWS of them): lines 'text |' in a text without such rows are
    one cell each (a table copied one cell per line), not pieces of a row. Nor in a text whose rows mostly close
    a bar after each cell without opening with one ('合计 | 12 | 10 |'): there a row opening with a bar is a row whose
    first cell is empty ('| 质量指标 | …'), whole, and the rows after it are rows of their own. The joined row keeps
    its first line; the lines joined to it are blanked, so every other line keeps its number."""
    bars = [line.strip().translate(PIPES) for line in lines]
    led, closed = _bar_rows_by_style(lines)
    if led < LED_ROWS or closed > led:
        return lines
    out = list(lines)
    open_at: int | None = None
    for index, bar in enumerate(bars):
        if open_at is not None and (cells := _pipe_cells(bar)) is not None and caption_row(cells) is not None:
            open_at = None  # a table's title or unit caption under a bar-led block starts a table of its own
        if open_at is not None and bar and not bar.startswith("|") and bar.endswith("|"):
            out[open_at] = f"{out[open_at].rstrip()} {bar}"
            out[index] = ""
            continue
        open_at = index if bar.startswith("|") else None
    return out


SERIAL_ROWS_MIN = 3
SERIAL_HEADER_RE = re.compile(r"^(?:序号|编号)$")


def join_serial_rows(lines: list[str]) -> list[str]:
    """A '|'-table whose first column numbers its rows (序号 1, 2, 3 …) and whose rows broke over several lines at
    their cells' ends ('1 | 规划 (15分) |' / '基础信息 (3分) | 基础信息完整性 | 3 | … |' / '3 |'): a row goes on over the
    lines after it that do not open with the next serial, when together they hold exactly the table's width (its
    widest line); the header row, opened by '序号', likewise up to the first serial. The last row may stop short (the
    text ends inside it). A row whose lines hold more cells, or fewer, than the width is left as printed. Only for a
    run of at least SERIAL_ROWS_MIN rows numbered from one on, one by one. The joined row keeps its first line; the
    lines joined to it go blank (line numbers stay)."""
    def bar_cells(line: str) -> list[str] | None:  # a '|'-row's cells, a lone cell closed by its bar one
        if "\t" in line:
            return None
        token = _cell_token(line)
        return [token] if token is not None else _pipe_cells(line)

    out = list(lines)
    index = 0
    while index < len(lines):
        if bar_cells(lines[index]) is None:
            index += 1
            continue
        run: list[tuple[int, list[str]]] = []  # the run's '|'-lines (blank lines between them skipped)
        while index < len(lines) and (not lines[index].strip() or (cells := bar_cells(lines[index])) is not None):
            if lines[index].strip():
                run.append((index, cells))  # type: ignore[arg-type]
            index += 1
        _join_serial_run(run, out)
    return out


def _join_serial_run(run: list[tuple[int, list[str]]], out: list[str]) -> None:
    width = max((len(cells) for _, cells in run), default=0)
    expected = 1
    opens: list[int] = []  # positions in the run of the lines opening a row: the header, then each serial
    for position, (_, cells) in enumerate(run):
        first = normalize_label(cells[0]) if cells else ""
        if first == str(expected):
            opens.append(position)
            expected += 1
        elif expected == 1 and SERIAL_HEADER_RE.match(first):
            opens = [position]
    if expected - 1 < SERIAL_ROWS_MIN:
        return
    for number, start in enumerate(opens):
        end = opens[number + 1] if number + 1 < len(opens) else len(run)
        pieces = run[start:end]
        count = sum(len(cells) for _, cells in pieces)
        if len(pieces) < 2 or count > width or (count < width and end < len(run)):
            continue  # a row already whole, or lines that do not make one row of the table's width
        joined = [cell for _, cells in pieces for cell in cells]
        out[pieces[0][0]] = " | ".join(joined) + " |"
        for line, _ in pieces[1:]:
            out[line] = ""


INDENTED_CELL_RE = re.compile(r"^[ \t\u3000]{2,}[|｜]")  # '        | 二级指标': a cell of the row above
INDENTED_PIECE_RE = re.compile(r"^[ \t\u3000]{2,}\S")
INDENTED_ROWS_MIN = 3
INDENTED_CELLS_MIN = 2


def _indented_row(lines: list[str], start: int) -> list[int] | None:
    """The lines of a row opened at `start` (a line at the margin, no bar) whose other cells stand each on an
    indented line opening with a bar, and whose cells' wrapped pieces stand indented without one; None when fewer
    than INDENTED_CELLS_MIN such cells follow it."""
    first = lines[start]
    if not first.strip() or first[0].isspace() or "|" in first.translate(PIPES):
        return None
    taken, cells = [start], 0
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if INDENTED_CELL_RE.match(line):
            cells += 1
        elif not (INDENTED_PIECE_RE.match(line) and "|" not in line.translate(PIPES)
                  and len(line.strip()) <= WRAPPED_PIECE_LENGTH and not PROSE_RE.search(line)
                  and index + 1 < len(lines) and INDENTED_CELL_RE.match(lines[index + 1])):
            break
        taken.append(index)
        index += 1
    return taken if cells >= INDENTED_CELLS_MIN else None


def join_indented_cells(lines: list[str]) -> list[str]:
    """A web table whose cells each broke onto a line of their own: a row's first cell at the margin, each further
    cell on an indented line opening with a bar, a cell's wrapped text indented without one

        社会效益
               指标
                | 提升群众维权意识
                | 不断提升
                | |

    is one '|'-row ('社会效益指标 | 提升群众维权意识 | 不断提升 | |'): a wrapped piece joins its cell with no space.
    Only in a text holding INDENTED_ROWS_MIN such rows; the joined row keeps its first line, the lines joined to
    it go blank (line numbers stay)."""
    rows = [(index, taken) for index in range(len(lines)) if (taken := _indented_row(lines, index))]
    if len(rows) < INDENTED_ROWS_MIN:
        return lines
    out = list(lines)
    for start, taken in rows:
        text = lines[start].strip()
        for index in taken[1:]:
            piece = lines[index].strip().translate(PIPES)
            text = f"{text} {piece}" if piece.startswith("|") else f"{text}{piece}"
            out[index] = ""
        out[start] = text if text.endswith("|") else f"{text} |"
    return out


WRAPPED_PIECE_LENGTH = 10  # a narrow cell's first line; a title between tables is longer, or names its year
TITLE_WORDS_RE = re.compile(r"\d|[“”\"：:]|(?:情况|说明|如下)$")


def join_wrapped_tab_rows(lines: list[str]) -> list[str]:
    """A tab-separated header row whose cells held line breaks ('…\t分值\t偏差原因分' / '析及改进措施', '项目\t\t本年收' /
    '入合计\t财政拨' / '款收入\t…'): its lines are one row when the row holds no figure, each cell's piece after a
    break is a few words (no caption, title, numbered heading or form field's label: '项目名称\t示例项目' /
    '实施单位\t示例单位' are two rows), and the lines hold as many cells more than the row
    under them — the row's width — as there are breaks. The joined row keeps its first line; the others go blank, so
    every other line keeps its number."""
    out = list(lines)
    index = 0
    while index < len(out) - 2:
        if "\t" in out[index] and (count := _wrapped_row_lines(out, index)):
            pieces = [line.split("\t") for line in out[index:index + count]]
            cells = pieces[0]
            for piece in pieces[1:]:
                cells = [*cells[:-1], cells[-1].strip() + piece[0].strip(), *piece[1:]]
            out[index] = "\t".join(cells)
            out[index + 1:index + count] = [""] * (count - 1)
            index += count
            continue
        index += 1
    return out


WRAPPED_ROW_LINES = 6  # lines of one header row at most
DATA_ROW_AHEAD = 12  # lines searched below a header row for the first row of figures, whose width the header has


def _wrapped_row_lines(lines: list[str], index: int) -> int:
    """How many lines from `index` on are one header row broken at its cells' line breaks (see join_wrapped_tab_rows),
    or 0: the pieces joined hold as many cells as the first row of figures below, and the line after them opens a
    row of its own."""
    head = lines[index].split("\t")
    if any(_figure(c) for c in head) or not head[-1].strip():
        return 0
    target = next((len(line.split("\t")) for line in lines[index + 1:index + DATA_ROW_AHEAD]
                   if "\t" in line and any(_figure(c) for c in line.split("\t"))), 0)
    width = len(head)
    for count in range(2, WRAPPED_ROW_LINES + 1):
        if index + count >= len(lines) or width > target:
            return 0
        piece = lines[index + count - 1].split("\t")
        first = piece[0].strip()
        if (not first or len(first) > WRAPPED_PIECE_LENGTH or re.search(r"\d|[“”\"：:]", first) or _field_label(first)
                or CAPTION_RE.search(first) or HEADING_START_RE.match(first) or any(_figure(c) for c in piece)):
            return 0
        width += len(piece) - 1
        if width == target and "\t" in lines[index + count]:
            return count
        if not piece[-1].strip():
            return 0  # a row broken only inside a cell: each piece but the last ends inside one
    return 0


def _field_label(text: str) -> bool:
    """A form's field label ('项目名称', '实施单位'): the line it opens is the next field's row, not the rest of the
    value before it ('项目名称\t示例项目' / '实施单位\t示例单位' are two rows)."""
    norm = _norm(text)
    return norm in FIELD_LABELS or bool(FIELD_LABEL_RE.match(norm))


def join_wrapped_cells(lines: list[str]) -> list[str]:
    """A table copied one cell per line, each cell ending with ' |', whose header cell held a line break: the cell's
    first piece stands on a line of its own without the bar ('小计 |' / '公务用车' / '购置费 |'). The piece is joined to
    the cell after it ('公务用车购置费 |'), its own line going blank (line numbers stay). Only a short piece of words
    (no digit, no quotes or colon, no sentence mark, no caption, numbered heading or title word) right between two
    such cells."""
    out = list(lines)
    for index in range(1, len(lines) - 1):
        piece = lines[index].strip()
        following = _cell_token(lines[index + 1])
        if (not piece or "|" in piece.translate(PIPES) or "\t" in lines[index] or len(piece) > WRAPPED_PIECE_LENGTH
                or TITLE_WORDS_RE.search(piece) or SENTENCE_RE.search(piece) or PROSE_RE.search(piece)
                or CAPTION_RE.search(piece)
                or HEADING_START_RE.match(piece) or not following or _figure(following)
                or _cell_token(out[index - 1]) is None):  # after a cell, an empty one ('|') too
            continue
        out[index + 1] = f"{piece}{following} |"
        out[index] = ""
    return out


def mark_bar_separated_cells(lines: list[str]) -> list[str]:
    """A web table flattened to one cell per line with a lone '|' line between cells ('项 目' / '|' / '预算数' / '|'
    …) is rewritten in the one-cell-per-line '|' form: each cell line gets its bar, the separator lines go blank.
    A further bar right after a cell's bar is an empty cell ('因公出国费' / '|' / '|' / '接待费' / '|' / '12.00' / '|'):
    it stays a lone '|', the one-cell-per-line form of an empty cell, so the rows are rebuilt by the table's header
    or column numbers, never by the bars. Only runs of at least MIN_RUN_CELLS cells (empty ones counted) that open
    with a cell holding text are taken. Line numbers stay."""
    out = list(lines)
    bars = [line.strip().translate(PIPES) == "|" for line in lines]
    index = 0
    while index < len(lines):
        cursor, cells = index, 0
        while (cursor + 1 < len(lines) and not bars[cursor] and "|" not in lines[cursor].translate(PIPES)
               and 0 < len(lines[cursor].strip()) <= CELL_LENGTH and bars[cursor + 1]):
            cursor += 2
            cells += 1
            while cursor < len(lines) and bars[cursor]:  # a bar after a cell's bar: an empty cell
                cursor += 1
                cells += 1
        if cells >= MIN_RUN_CELLS:
            for at in range(index, cursor):
                if not bars[at]:
                    out[at], out[at + 1] = f"{lines[at].strip()} |", ""
            index = cursor
        else:
            index += 1
    return out


WRAPPED_CELL_LINES = 2
BAR_ROWS_MIN = 3


def mark_bar_separated_rows(lines: list[str]) -> list[str]:
    """A web table flattened to one cell per line with a lone '|' line after each cell and a second one after each
    row ('项 目' / '|' / '合计' / '|' / … / '|' / '|' / '示例经费' / '|' / '12.00' / '|' …), a header cell wrapped over
    two lines ('一般公共' / '预算'), is rewritten as '|'-rows, each on its row's first line (the other lines go
    blank; line numbers stay). Taken only when the double bars cut the run into rows of one width — a caption of
    one cell may come first, the last row may end without its double bar — at least BAR_ROWS_MIN of them, one
    holding a figure; a cell wrapped over two lines never holds a figure (that would be a bar lost between cells).
    Rows may also open with their own bar ('|' / cell / '|' / cell / '|' / '|' …): when the run read from its first
    line is no such table, it is read from its first bar, the lines above it (a title, a heading) left as they are."""
    out = list(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _bar_run_line(lines[end]):
            end += 1
        rows = _bar_rows(lines, index, end) if end - index >= MIN_RUN_CELLS else None
        bar = next((i for i in range(index, end) if lines[i].strip().translate(PIPES) == "|"), None)
        if rows is None and bar is not None and bar > index and end - bar >= MIN_RUN_CELLS:
            rows = _bar_rows(lines, bar, end)
        if rows is None:
            index = max(end, index + 1)
            continue
        for cells, at, used in rows:
            for line in used:
                out[line] = ""
            out[at] = cells[0] if len(cells) == 1 else "| " + " | ".join(cells) + " |"
        index = end
    return out


def _bar_run_line(line: str) -> bool:
    stripped = line.strip().translate(PIPES)
    return stripped == "|" or (0 < len(stripped) <= CELL_LENGTH and "|" not in stripped and "\t" not in line)


def _bar_rows(lines: list[str], start: int, end: int) -> list[tuple[list[str], int, list[int]]] | None:
    """(cells, first line, lines used) of each row of a run of cells and bars (see mark_bar_separated_rows), or None
    when the run is not such a table. Cells after the last row's width (a heading under the table) are not its."""
    rows: list[list[tuple[str, list[int]]]] = []  # per row, per cell: its text and its lines (with the bar after it)
    row: list[tuple[str, list[int]]] = []
    cell: list[int] = []
    for at in range(start, end):
        text = lines[at].strip().translate(PIPES)
        if text != "|":
            if len(cell) == WRAPPED_CELL_LINES or (cell and (_figure(text) or _figure(lines[cell[-1]].strip()))):
                break  # three lines in one cell, or a figure beside a word: the run's cells end before this line
            cell.append(at)
            continue
        if cell:
            row.append(("".join(lines[i].strip() for i in cell), [*cell, at]))
            cell = []
        elif row:  # a bar right after a bar: the row ends
            row[-1][1].append(at)
            rows.append(row)
            row = []
    if cell:
        row.append(("".join(lines[i].strip() for i in cell), cell))
    if row:
        rows.append(row)
    captions = 0
    while captions < len(rows) and len(rows[captions]) == 1 and not _figure(rows[captions][0][0]):
        captions += 1
    body = rows[captions:]
    widths = {len(r) for r in body[:-1]}
    if len(body) < BAR_ROWS_MIN or len(widths) != 1 or (width := widths.pop()) < 2 or not any(
            _figure(t) for r in body for t, _ in r):
        return None
    rows[-1] = rows[-1][:width]
    return [([t for t, _ in r], r[0][1][0], [i for _, used in r for i in used]) for r in rows]


def mark_blank_separated_cells(lines: list[str]) -> list[str]:
    """A web table flattened to one cell per line with blank lines between cells (an extra blank line is an
    empty cell) is rewritten in the one-cell-per-line '|' form, so its rows are rebuilt the same way. Only a
    run whose width can be known is taken: one holding a 栏次 / column-number row, a header of words over rows of
    figures, or a self-evaluation form's own labels (a Word form saved one cell per paragraph), which rebuild its
    rows. A unit printed on the line under its cell ('项目资金' / '(万元)') stays with that cell. Line numbers
    stay."""
    out = list(lines)
    index = 0
    while index < len(lines):
        run: list[tuple[int, list[int]]] = []  # (line index, blank lines before it)
        glued: dict[int, int] = {}  # a cell's line → the unit line printed under it
        cursor, blanks = index, []
        footer = False  # a page footer inside the run: it and the blank lines after it are no cells
        footers: list[int] = []  # the cells of the run before each footer
        while cursor < len(lines):
            line = lines[cursor].strip()
            if run and _page_footer(line):
                footer = True
                footers.append(len(run))
            elif footer and not line:
                pass
            elif not line and (lines[cursor] == "" or not (run or _next_filled(lines, cursor))):
                blanks.append(cursor)
            elif not line:  # a line of spaces between blank lines: an empty cell printed as such
                run.append((cursor, blanks if run else []))
                blanks = []
            elif run and not blanks and UNIT_WORD_RE.match(line) and run[-1][0] == cursor - 1:
                glued[cursor - 1] = cursor
            elif len(line) > CELL_LENGTH or "\t" in line or "|" in line or CAPTION_RE.search(line) or (
                    run and (TABLE_NOTE_RE.match(line) or line.startswith("#"))) or (
                    run and not blanks) or len(blanks) > MAX_EMPTY_CELLS + 1:
                break
            else:
                run.append((cursor, blanks if run else []))
                blanks = []
            footer = footer and (not line or _page_footer(line))
            cursor += 1
        dropped: list[int] = []  # the header printed again after a page footer: no cells of the run
        for at in reversed(footers):
            if length := repeated_header([lines[i].strip() for i, _ in run], at):
                dropped += [i for i, _ in run[at:at + length]]
                del run[at:at + length]
        if run and run[-1][0] + 1 < len(lines) and lines[run[-1][0] + 1].strip() and run[-1][0] not in glued:
            run.pop()  # a line followed directly by text starts a paragraph: it is not a cell
        texts = [lines[i].strip() + (lines[glued[i]].strip() if i in glued else "") for i, _ in run]
        cells = [c for (_, before), text in zip(run, texts, strict=True) for c in [*[""] * len(before[1:]), text]]
        sides = _two_sided_rows(cells) if len(run) >= MIN_RUN_CELLS else None  # empty cells counted
        if sides is not None:
            pass  # rows marked by their 行次: the cells after them stay cells (a last row cut off, a note)
        elif len(run) >= MIN_RUN_CELLS and (leaves := _leaf_header(texts)) is not None:
            run = run[:leaves[1]]
        elif len(run) >= MIN_RUN_CELLS and _number_row(texts) is None and (fit := _header_width(texts)) is not None:
            run = run[:fit[2]]
        if len(run) >= MIN_RUN_CELLS and (sides is not None or _number_row(texts) is not None
                                          or _header_width(texts) is not None
                                          or _label_rows(texts) is not None or _leaf_header(texts) is not None
                                          or _is_form_run(texts)):
            for i in dropped:
                out[i] = "" if i < run[-1][0] else out[i]
            for (i, before), text in zip(run, texts, strict=False):
                out[i] = f"{text} |" if text else "|"
                if i in glued:
                    out[glued[i]] = ""
                for empty in before[1:]:
                    out[empty] = "|"  # the first blank line separates; each further one is an empty cell
            index = run[-1][0] + 1
        else:
            index = max(cursor, index + 1)
    return out


TABLE_NOTE_RE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[：:]")  # a note under a table ('说明：本表无数据'): no cell of it
FORM_RUN_LABELS = 6


def _is_form_run(texts: list[str]) -> bool:
    """A run of cells holding a self-evaluation form: its labels and headers (项目名称, 年初预算数, 一级指标 …),
    a cell split over two paragraphs ('年初' / '预算数') counted whole, and figures to read."""
    joined = [t.text for t in _join_split_cells([_Token(t, 0) for t in texts])]
    return _form_labels(joined) >= FORM_RUN_LABELS and any(_figure(t) for t in texts)


def _next_filled(lines: list[str], index: int) -> bool:
    """A line of text follows after blank lines (a line of spaces then opens a run of cells)."""
    following = next((line for line in lines[index + 1:] if line.strip()), "")
    return bool(following) and len(following.strip()) <= CELL_LENGTH


def _pipe_cells(line: str) -> list[str] | None:
    """Cells of a '|'-separated row, or None when the line is not one (a lone trailing '|' is a token)."""
    stripped = line.strip().translate(PIPES)
    if "|" not in stripped or _cell_token(line) is not None:
        return None
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [c.strip() for c in stripped.split("|")]


BARS_RE = re.compile(r"^\|{2,}$")


def _stream_cells(line: str, in_stream: bool) -> list[str] | None:
    """Cells of a line inside a one-cell-per-line stream that ends several cells at once: a run of bars (each
    '|' an empty cell: '|||||') or cells run together ('甲 | 乙 | |||'). A run of bars opens a stream too; a line
    of several cells ending with '|' only continues one (on its own it is a row of a '|'-separated table)."""
    stripped = line.strip().translate(PIPES)
    compact = stripped.replace(" ", "")
    if BARS_RE.match(compact) and (" " not in stripped or in_stream):
        return [""] * len(compact)  # in a stream, '| ||||' is an empty cell and the row padded out after it
    if in_stream and stripped.endswith("|") and not stripped.startswith("|") and stripped.count("|") >= 2:
        return [c.strip() for c in stripped.split("|")[:-1]]
    return None


PADDED_CELL_RE = re.compile(r"^[^|]+\|\s*\|{2,}$")  # '标题 | ||||': a cell, then the row padded out with bars
STREAM_AHEAD = 3


def _opens_stream(lines: list[str], index: int) -> bool:
    """A cell padded out with a run of bars opens a one-cell-per-line stream when the next STREAM_AHEAD lines
    are cells too (each 'text |', a lone '|' or padded the same way); in a '|'-separated table the rows that
    follow hold several cells."""
    if not PADDED_CELL_RE.match(lines[index].strip().translate(PIPES)):
        return False
    ahead = [line for line in lines[index + 1:index + 1 + 2 * STREAM_AHEAD] if line.strip()][:STREAM_AHEAD]
    return len(ahead) == STREAM_AHEAD and all(
        _cell_token(line) is not None or PADDED_CELL_RE.match(line.strip().translate(PIPES)) for line in ahead)


def _cell_token(line: str) -> str | None:
    """The cell of a one-cell-per-line row ('text |' or a lone '|'), or None."""
    stripped = line.strip().translate(PIPES)
    if stripped == "|":
        return ""
    if stripped.endswith("|") and stripped.count("|") == 1:
        return stripped[:-1].strip()
    return None


MERGED_ROWS_MIN = 2


def _label_after_figures(cells: list[str]) -> bool:
    """A row that ends with a fund label ('其中：财政拨款', '上年结转资金') after a figure or a column header: it
    holds the end of one form row and the start of the next."""
    filled = [c for c in cells if _norm(c)]
    return len(filled) >= 2 and FUND_ROW_RE.match(_norm(filled[-1])) is not None and (
        _figure(filled[-2]) or _is_header(filled[-2]))


def caption_row(cells: list[str]) -> str | None:
    """The caption of a '|'-row that holds one only: a table's title ('…统计表 | ||') or its unit ('? | 单位:万元 |
    |'), the other cells empty or stray marks. Such a row is a line above the table, not one of its rows."""
    filled = [c.strip() for c in cells if MEANINGFUL_RE.search(c)]
    if len(filled) != 1 or is_number(filled[0]):
        return None
    return filled[0] if CAPTION_RE.search(filled[0]) else None


PROSE_RE = re.compile(r"[，,。；;！？!?]")


def _prose_behind_bars(rows: list[Row]) -> list[tuple[Row, str]] | None:
    """'|'-rows that are no table: no row holds two filled cells, and what is filled is running text (sentences
    longer than a cell) — a page's text behind the debris of a layout table ('   | 示例县2031年“三公”经费…说明 根据…').
    (row, text) of each filled row, or None when the rows are a table (a lone label or figure is a table's cell)."""
    filled = [(row, [c.clean for c in row.cells if MEANINGFUL_RE.search(c.clean)]) for row in rows]
    if not any(cells for _, cells in filled) or any(len(cells) > 1 for _, cells in filled):
        return None
    texts = [(row, cells[0]) for row, cells in filled if cells]
    if not all(len(text) > CELL_LENGTH and PROSE_RE.search(text) for _, text in texts):
        return None
    return texts


def merged_pipe_runs(lines: list[str]) -> set[int]:
    """The lines (0-based) of '|'-tables whose rows were merged across row boundaries (a row ends with the label
    of the next one): their cells are a stream whose rows are rebuilt from the form's labels, as for a table
    copied one cell per line. A run is '|'-rows, lone bars and blank lines; it is taken as a stream, from its first
    row with a form label on, when at least MERGED_ROWS_MIN of its rows carry a fund label after figures or headers."""
    out: set[int] = set()
    run: list[int] = []
    merged = 0
    for index, line in enumerate([*lines, "end"]):
        stripped = line.strip().translate(PIPES)
        cells = _pipe_cells(line) if line.strip() else None
        if not stripped or stripped == "|" or (cells is not None and not RULE_RE.match(line)):
            run.append(index)
            merged += cells is not None and _label_after_figures(cells)
            continue
        if merged >= MERGED_ROWS_MIN:  # from its first row holding a form label: a title row before stays a row
            first = next(i for i in run if _form_labels(_pipe_cells(lines[i]) or []))
            out.update(i for i in run if i >= first)
        run, merged = [], 0
    return out


def text_blocks(text: str, path: str) -> tuple[Block, ...]:
    """Paragraphs and tables of a text file in any of the layouts above."""
    blocks: list[Block] = []
    rows: list[Row] = []
    tokens: list[_Token] = []
    plain: set[int] = set()  # the paragraphs that are lines of text (not cells rebuilt into paragraphs)
    led: dict[int, tuple[bool, bool]] = {}  # per '|' row: whether its line opens with a bar, whether it ends with one
    footers: list[int] = []  # where page footers stood in the token stream (the tokens before them)

    def flush() -> None:
        nonlocal rows, tokens
        if rows and (prose := _prose_behind_bars(rows)) is not None:
            for row, text in prose:
                blocks.append(Paragraph(text, row.location))
                plain.add(id(blocks[-1]))
            rows = []
        if rows:
            blocks.append(Table(tuple(_empty_first_cells(rows, led) if cell_style else rows), rows[0].location))
            rows = []
            led.clear()
        if tokens:
            blocks.extend(rebuild(_without_repeated_headers(tokens, footers), path))
            tokens = []
        footers.clear()

    lines = mark_blank_separated_cells(mark_bar_separated_cells(mark_bar_separated_rows(
        join_wrapped_cells(join_serial_rows(join_broken_pipe_rows(join_wrapped_tab_rows(join_indented_cells(
            drop_preamble(text.splitlines())))))))))
    merged = merged_pipe_runs(lines)
    opened, closed = _bar_rows_by_style(lines)
    cell_style = closed > opened  # rows printed '合计 | 12 |': a row opening with a bar opens with an empty cell
    last = max((number for number, line in enumerate(lines, start=1) if line.strip()), default=0)
    for number, line in enumerate(lines, start=1):
        if number - 1 in merged:
            if rows:
                flush()
            stripped = line.strip()
            tokens.extend(_Token(cell, number) for cell in (
                [""] if stripped.translate(PIPES) == "|" else _pipe_cells(line) or [] if stripped else []))
            continue
        if tokens and not rows and _page_footer(line):
            footers.append(len(tokens))  # a page footer inside a table copied one cell per line: no cell of it
            continue
        if not rows and (stream := _stream_cells(line, bool(tokens) or _opens_stream(lines, number - 1))) is not None:
            tokens.extend(_Token(cell, number) for cell in stream)
            continue
        if tokens and not rows and number == last and (cut := _pipe_cells(line)) is not None:
            # the text cut off inside a row of the stream, before its bar: the row's first cells, the last of them
            # maybe cut too ('满意度指标 | 服务对象满意度指标 | 读者满意度 ')
            while cut and not cut[-1]:
                cut.pop()
            tokens.extend(_Token(cell, number) for cell in cut)
            continue
        cells = line.split("\t") if "\t" in line else _pipe_cells(line)
        if cells is not None:
            if "\t" not in line and RULE_RE.match(line):
                continue  # a markdown separator row
            if "\t" not in line and (caption := caption_row(cells)) is not None:
                flush()
                blocks.append(Paragraph(caption, Location(document=path, line=number)))
                plain.add(id(blocks[-1]))
                continue
            if rows and (said := _running_text(cells)) is not None:
                flush()  # a row holding only running text ('增减情况说明：…万元，…。 |'): the table's explanation
                blocks.append(Paragraph(said, Location(document=path, line=number)))
                plain.add(id(blocks[-1]))
                continue
            if tokens:
                flush()
            rows.append(Row(tuple(Cell(value, Location(document=path, line=number, column=str(i + 1)))
                                  for i, value in enumerate(cells)), Location(document=path, line=number)))
            if "\t" not in line:
                bars = line.strip().translate(PIPES)
                led[id(rows[-1])] = (bars.startswith("|"), bars.endswith("|"))
            continue
        token = _cell_token(line)
        if token is not None and rows and (said := _running_text([token])) is not None:
            flush()  # the table's explanation printed in a cell of its own after its rows
            blocks.append(Paragraph(said, Location(document=path, line=number)))
            plain.add(id(blocks[-1]))
            continue
        if token is not None and rows and line.strip() != "|":
            rows.append(Row((Cell(token, Location(document=path, line=number, column="1")),),
                            Location(document=path, line=number)))  # a row whose other cells were left off
            continue
        if token is not None:
            if rows:
                flush()
            tokens.append(_Token(token, number))
            continue
        if not line.strip():
            continue  # blank lines do not end a table (page breaks inside tables in the seed form)
        if tokens and number == last and _figure(line):
            tokens.append(_Token(line.strip(), number))  # the text cut off after a cell's figure, before its bar
            continue
        flush()
        words = _join_units(line.split())
        if len(words) >= 8 and _form_labels(spaced := join_spaced_letters(words)) >= 5:
            words = spaced
            blocks.extend(rebuild([_Token(w, number) for w in words], path, cells=False))  # a form on one line
            continue
        if len(words) >= 8 and (flat := disclosure_blocks(words, number, path)) is not None:
            blocks.extend(flat)  # a 决算 package on one line
            continue
        stripped = line.strip()
        level = len(stripped) - len(stripped.lstrip("#")) if stripped.startswith("#") else 0
        blocks.append(Paragraph(line, Location(document=path, line=number), heading_level=level))
        plain.add(id(blocks[-1]))
    flush()
    blocks = numbered_forms(blocks, plain, path)
    rows_of_lines = two_sided_label_lines(glued_rows(spaced_tables(blocks, plain, path), plain, path), plain, path)
    return tuple(join_wrapped(header_over_figure_lines(label_value_lines(rows_of_lines, plain, path), plain, path),
                              plain))


REPEATED_HEADER_MIN = 3  # cells: fewer repeated after a page footer may be the rows' own words


def _page_footer(line: str) -> bool:
    """A page's footer on a line of its own ('第 3 页 共 12 页', '- 3 -'); a bare '3/12' may be a cell's figure."""
    return bool(PAGE_NUMBER_RE.match(line)) and "/" not in line


def repeated_header(texts: list[str], at: int) -> int:
    """How many cells from `at` (just after a page footer) repeat the cells from the first one on that names the
    same: the table's header printed again on the new page; 0 when fewer than REPEATED_HEADER_MIN."""
    if at >= len(texts) or not texts[at] or (start := texts.index(texts[at])) >= at:
        return 0
    length = 0
    while start + length < at and at + length < len(texts) and texts[start + length] == texts[at + length]:
        length += 1
    return length if length >= REPEATED_HEADER_MIN else 0


def _without_repeated_headers(tokens: list[_Token], footers: list[int]) -> list[_Token]:
    """A table copied one cell per line over a page break: the header printed again after the page's footer is left
    out, so the rows of both pages are one table."""
    for at in sorted(footers, reverse=True):
        if length := repeated_header([t.text for t in tokens], at):
            tokens = tokens[:at] + tokens[at + length:]
    return tokens


def _empty_first_cells(rows: list[Row], led: dict[int, tuple[bool, bool]]) -> list[Row]:
    """In a table printed a cell and its bar at a time ('产出指标 | 数量指标 | … |'), a row whose line opens with a bar
    after rows that did not ('| 质量指标 | 验收合格率 | … |') has an empty first cell: its bar is that cell's, not a
    markdown row's opening bar. Only in a text most of whose rows are printed so; rows before the first of them
    (bar-led page metadata above a table) stay."""
    out: list[Row] = []
    cell_style = False
    for row in rows:
        opens, ends = led.get(id(row), (False, False))
        if cell_style and opens:
            cells = (Cell("", replace(row.location, column="1")),
                     *(replace(c, location=replace(c.location, column=str(i + 2))) for i, c in enumerate(row.cells)))
            row = Row(cells, row.location)
        cell_style = cell_style or (id(row) in led and not opens and ends)
        out.append(row)
    return out


RUNNING_TEXT_RE = re.compile(r"\d\s*(?:亿元|万元|元|%|％)[^。]*[，,；;][^。]*。")  # sentences stating figures
RUNNING_TEXT_LENGTH = 60


def _running_text(cells: list[str]) -> str | None:
    """The text of a table row whose one filled cell is running text stating figures (an explanation printed in the
    table's last cell, not a row of it), or None."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 1 or len(filled[0]) < RUNNING_TEXT_LENGTH or not RUNNING_TEXT_RE.search(filled[0]):
        return None
    return filled[0]


GLUED_HEADER_RE = re.compile(r"^项\s*目\s*(\S*?(?:预算|决算)\S*)$")  # '项目2025年预算': the header's cells run together
GLUED_ROW_RE = re.compile(r"^(?P<label>\S.*?[^\d\s.,，、．:：-])\s*(?P<amount>-?\d[\d,]*(?:\.\d+)?)?$")
SENTENCE_RE = re.compile(r"[，。；;！？!?]|[：:]$")
GLUED_ROWS_MIN = 3


def _glued_row(text: str) -> tuple[str, str] | None:
    """(label, amount) of a table row printed with its amount run into its label ('办公经费36.20'), amount ''
    when the row prints none; None for a line that is not such a row (a sentence, a note '注:')."""
    stripped = text.strip()
    match = GLUED_ROW_RE.match(stripped)
    if match is None or len(stripped) > CELL_LENGTH or SENTENCE_RE.search(match["label"]):
        return None
    return match["label"], match["amount"] or ""


def glued_rows(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """A two-column table printed one row per line with nothing between a row's label and its amount: a caption
    line ('单位:万元'), a header line '项目' + a budget or final column, then rows 'label amount' (an amount only
    after a label ending in a word, never split from digits). At least GLUED_ROWS_MIN rows, two with amounts."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        header = GLUED_HEADER_RE.match(block.text.strip()) if id(block) in plain and isinstance(block, Paragraph) \
            else None
        captioned = bool(out) and isinstance(out[-1], Paragraph) and bool(CAPTION_RE.search(out[-1].text))
        rows: list[tuple[Paragraph, tuple[str, str]]] = []
        while header and captioned and index + 1 + len(rows) < len(blocks):
            following = blocks[index + 1 + len(rows)]
            if id(following) not in plain or (cells := _glued_row(following.text)) is None:
                break
            rows.append((following, cells))
        if len(rows) < GLUED_ROWS_MIN or sum(1 for _, (_, amount) in rows if amount) < 2:
            out.append(block)
            index += 1
            continue
        where = Location(document=path, line=block.location.line)
        built = [Row((Cell("项目", where.with_(row="1", column="1")),
                      Cell(header[1], where.with_(row="1", column="2"))), where.with_(row="1"))]
        for number, (paragraph, (label, amount)) in enumerate(rows, start=2):
            at = Location(document=path, line=paragraph.location.line, row=str(number))
            built.append(Row((Cell(label, at.with_(column="1")), Cell(amount, at.with_(column="2"))), at))
        out.append(Table(tuple(built), where))
        index += 1 + len(rows)
    return out


NAME_HEADERS = ("项目", "项目名称", "科目名称")
SECTION_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+[、,，]+.*(?:说明|情况)$")  # '二、…预算情况说明' ends the rows
LINE_ROWS_MIN = 3


def _line_cell(block: Block, plain: set[int]) -> str | None:
    """The text of a paragraph that can be one cell of a table copied one cell per line, else None."""
    if not isinstance(block, Paragraph) or id(block) not in plain:
        return None
    text = block.text.strip()
    if not text or len(text) > CELL_LENGTH or SENTENCE_RE.search(text) or SECTION_HEADING_RE.match(text) or (
            CAPTION_RE.search(text) and not _figure(text)):
        return None
    return text


SIDE_NAMES = 2


def _column_labels(blocks: list[Block], at: int, plain: set[int]) -> list[Paragraph]:
    """The column labels ('决算数', '预算数') on the lines right after the name header at `at`, one a line."""
    columns: list[Paragraph] = []
    while at + 1 + len(columns) < len(blocks) and (cell := _line_cell(following := blocks[at + 1 + len(columns)],
                                                                       plain)) is not None and \
            COLUMN_LABEL_RE.match(_norm(cell)) and following.location.line == blocks[at].location.line + 1 + len(columns):
        columns.append(following)  # type: ignore[arg-type]
    return columns


def _half_rows(cells: list[Paragraph], width: int) -> list[tuple[Paragraph, list[Paragraph]]] | None:
    """Each label of `cells` with the figures after it (at most `width`); None when a label has more figures than
    columns or a figure opens the cells (which label it belongs to is not known)."""
    halves: list[tuple[Paragraph, list[Paragraph]]] = []
    for cell in cells:
        if not _figure(cell.text):
            halves.append((cell, []))
        elif not halves or len(halves[-1][1]) == width:
            return None
        else:
            halves[-1][1].append(cell)
    return halves


def two_sided_label_lines(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """A two-sided table (收入 | 支出) copied one cell per line with no separator and its empty cells dropped: the
    sides' names on a line each ('收入' / '支出'), then each side's header — '项目' and its column labels, one a line,
    the second side's the same — then rows, each a label line and the figures of its filled cells, the first side's
    then the second's. A figure follows its own label, so each label opens a half row; half rows pair up side by
    side. A half row printing fewer figures than its columns keeps them unplaced ('35.00或空'), a label followed by a
    label keeps its cells unplaced (unknown, never 0). When the sides are named, a label naming the other side ('…支出'
    where 收入 stands) means a side's cells were dropped whole: the rows end there, the rest left as lines of text.
    Taken on consecutive lines only, with at least one whole row holding a figure."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        head = _line_cell(block, plain)
        first = _column_labels(blocks, index, plain) if head is not None and _norm(head) in NAME_HEADERS else []
        second_at = index + 1 + len(first)
        second = blocks[second_at] if first and second_at < len(blocks) else None
        second_head = _line_cell(second, plain) if second is not None else None
        columns = _column_labels(blocks, second_at, plain) if second_head is not None and _norm(
            second_head) in NAME_HEADERS and second.location.line == blocks[second_at - 1].location.line + 1 else []  # type: ignore[union-attr]
        width = len(first)
        if not width or [_norm(c.text) for c in columns] != [_norm(c.text) for c in first]:
            out.append(block)
            index += 1
            continue
        at = second_at + 1 + width
        cells: list[Paragraph] = []
        while at < len(blocks) and _line_cell(blocks[at], plain) is not None and \
                blocks[at].location.line == blocks[at - 1].location.line + 1:
            cells.append(blocks[at])  # type: ignore[arg-type]
            at += 1
        names = [b for b in out[-SIDE_NAMES:] if _line_cell(b, plain) is not None and not _figure(b.clean)]
        names = names if len(names) == SIDE_NAMES and names[-1].location.line == block.location.line - 1 and \
            names[0].location.line == block.location.line - SIDE_NAMES else []  # type: ignore[union-attr]
        halves = _half_rows(cells, width)
        pairs: list[tuple[tuple[Paragraph, list[Paragraph]], tuple[Paragraph, list[Paragraph]]]] = []
        for left, right in zip(halves[::2], halves[1::2], strict=False) if halves else ():
            sides = [_norm(n.clean) for n in names]  # type: ignore[union-attr]
            if sides and (_norm(left[0].text).endswith(sides[1]) or _norm(right[0].text).endswith(sides[0])):
                break  # a side's cells were dropped whole: which side a label stands on is not known any more
            pairs.append((left, right))
        if not any(figures for pair in pairs for _, figures in pair):
            out.append(block)
            index += 1
            continue
        del out[len(out) - len(names):]
        where = Location(document=path, line=(names[0] if names else block).location.line)
        header = [head, *(c.text.strip() for c in first), second_head, *(c.text.strip() for c in columns)]
        built = [Row(tuple(Cell(t or "", where.with_(column=str(n))) for n, t in enumerate(cells_, start=1)), where)
                 for cells_ in ([[names[0].clean, *[""] * width, names[1].clean, *[""] * width]] if names else [])
                 + [header]]  # type: ignore[union-attr]
        for left, right in pairs:
            line = Location(document=path, line=left[0].location.line)
            row: list[Cell] = []
            for label, figures in (left, right):
                row.append(Cell(label.text.strip(), line.with_(line=label.location.line, column=str(len(row) + 1))))
                values = [f.text.strip() for f in figures]
                shown = "或".join(dict.fromkeys([*values, "空"])) if values else ""
                row += [Cell(values[n] if len(values) == width else shown,
                             line.with_(line=(figures[n] if len(values) == width else label).location.line,
                                        column=str(len(row) + 1 + n)), placed=len(values) == width)
                        for n in range(width)]
            built.append(Row(tuple(row), line))
        out.append(Table(tuple(built), where))
        used = sum(1 + len(f) for pair in pairs for _, f in pair)
        out.extend(cells[used:])
        index = second_at + 1 + width + len(cells)
    return out


def label_value_lines(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """A table copied one cell per line with no separator and its empty cells dropped: a header line '项目' then
    its column labels, one a line ('预 算 数(万元)', '决算数'), then rows, each a label line and the figure lines of
    the cells that were filled. A figure always follows its own label, so a label followed by another label had
    its cells left out: the row is kept with those cells unplaced (unknown, never 0 and never the next row's
    figure). A row printing fewer figures than there are columns cannot say which cells they fill: each of its
    cells holds one of them or nothing (unplaced, '35.00或空'). Taken only when no more figures follow each other
    than there are columns (a row whose label was lost would make the figures ambiguous), with at least
    LINE_ROWS_MIN rows and one figure, on consecutive lines."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        head = _line_cell(block, plain)
        columns: list[Paragraph] = []
        while head is not None and _norm(head) in NAME_HEADERS and index + 1 + len(columns) < len(blocks) and (
                column := _line_cell(next_block := blocks[index + 1 + len(columns)], plain)) is not None and \
                COLUMN_LABEL_RE.match(_norm(column)) and next_block.location.line == block.location.line + 1 + len(
                columns):
            columns.append(next_block)  # type: ignore[arg-type]
        width = len(columns)
        cells: list[Paragraph] = []
        at = index + 1 + width
        while width and at < len(blocks) and _line_cell(blocks[at], plain) is not None and \
                blocks[at].location.line == blocks[at - 1].location.line + 1:
            cells.append(blocks[at])  # type: ignore[arg-type]
            at += 1
        figures = [_figure(c.text) for c in cells]
        runs = [len(list(run)) for figure, run in itertools.groupby(figures) if figure]
        labels = figures.count(False)
        if not cells or figures[0] or max(runs, default=0) > width or labels < LINE_ROWS_MIN or not runs:
            out.append(block)
            index += 1
            continue
        where = Location(document=path, line=block.location.line)
        built = [Row((Cell(head, where.with_(column="1")),  # type: ignore[arg-type]
                      *(Cell(c.text.strip(), where.with_(column=str(n))) for n, c in enumerate(columns, start=2))),
                     where)]
        for position, cell in enumerate(cells):
            if figures[position]:
                continue
            line = Location(document=path, line=cell.location.line)
            values = [c.text.strip() for c in itertools.takewhile(lambda c: _figure(c.text), cells[position + 1:])]
            if len(values) == width:
                row = [Cell(v, line.with_(column=str(n))) for n, v in enumerate(values, start=2)]
            else:
                shown = "或".join(dict.fromkeys([*values, "空"])) if values else ""
                row = [Cell(shown, line.with_(column=str(n)), placed=False) for n in range(2, width + 2)]
            built.append(Row((Cell(cell.text.strip(), line.with_(column="1")), *row), line))
        out.append(Table(tuple(built), where))
        index = at
    return out


HEADER_WORDS_MIN = 2
ROW_FIGURES_MIN = 3


def header_over_figure_lines(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """A table of one row of figures under a header of words, copied one cell per line with no separator: right
    after its caption (a title ending in 表, '单位：万元'), the header's words one a line ('“三公”经费合计' / '因公出国(境)费'
    / '公务用车购置及运行费' / '公务' / '接待费' / '小计' / '公务用车购置费' / …), then the figures one a line, then no
    further cell (a heading, a sentence or the text's end follows). One reading only fits: the words head the
    table, the figures are its one row. Which words head which figure (tiers of a header, a name wrapped over two
    lines) is left to the reader of the table, who knows its items. Taken only with at least HEADER_WORDS_MIN words,
    ROW_FIGURES_MIN figures and no more figures than words, on consecutive lines from the caption on."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        caption = blocks[index]
        out.append(caption)
        index += 1
        if not isinstance(caption, Paragraph) or id(caption) not in plain or not CAPTION_RE.search(caption.text):
            continue
        cells: list[Paragraph] = []
        while index + len(cells) < len(blocks) and _line_cell(following := blocks[index + len(cells)], plain) and \
                following.location.line == (cells[-1] if cells else caption).location.line + 1:
            cells.append(following)  # type: ignore[arg-type]
        words = next((n for n, c in enumerate(cells) if _figure(c.text)), len(cells))
        figures = cells[words:]
        if words < HEADER_WORDS_MIN or len(figures) < ROW_FIGURES_MIN or len(figures) > words or not all(
                _figure(c.text) for c in figures):
            continue
        where = Location(document=path, line=cells[0].location.line)
        rows = tuple(Row(tuple(Cell(c.text.strip(), Location(document=path, line=c.location.line, column=str(n)))
                               for n, c in enumerate(part, start=1)), Location(document=path, line=part[0].location.line))
                     for part in (cells[:words], figures))
        out.append(Table(rows, where))
        index += len(cells)
    return out


TERMINAL = ("。", "！", "？", "!", "?", "；", ";", "|")
HEADING_START_RE = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]+[)）、]|第[一二三四五六七八九十]+部分|[（(]?\d{1,2}[)）.、．]"
                              r"(?!\d)|#|[-*•·]\s)")
WRAP_MIN_LINES = 5
WRAP_SHARE = 0.4
# A text whose lines reach no more than this many characters at its 75th percentile has no full line to wrap at: its
# short lines are cells copied one per line ('可持续影响指标' / '可持续'), or items, not a sentence broken at a margin.
WRAP_MIN_WIDTH = 12


# A line opening with a form field's label ('单位负责人：…') starts a field of its own, never a wrapped sentence's end.
FIELD_START_RE = re.compile(r"^\s*(?!其中)[\u4e00-\u9fff]{2,8}\s*[：:]")
# A title on a line of its own ('关于公示《示例资金文件》的通知'): no sentence mark, its quotes closed, ended by the kind of
# document it is. It reaches no sentence on the next line.
WHOLE_TITLE_RE = re.compile(r"^[^，,。；;：:《》]*(?:《[^《》]*》[^，,。；;：:《》]*)*的(?:通知|通报|公告|公示|报告|批复|意见|决定|函)$")


# A heading of a table of contents on a line of its own ('目 录'): it opens the contents, never a sentence's end.
CONTENTS_HEADING_RE = re.compile(r"^\s*目\s*录\s*$")
# A line ending with a long code of digits ('监督索引号53090000722201000'): a page's index number, complete as it stands
# (an amount has a decimal point or its unit; a code of ten digits or more is none).
CODE_END_RE = re.compile(r"(?<![\d.,，])\d{10,}$")


SPLIT_NUMBER_RE = re.compile(r"\d(?:\.\d+)?$")
# A line that ends with a clock time ('海南/三沙-2030-10-31 00:00:00', '发布时间：2030-05-06 09:30') is a page's dateline,
# complete as it stands: the line after it is not its continuation.
STAMP_END_RE = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$")
SPLIT_UNIT_RE = re.compile(r"^(?:亿元|万元|元|[%％])")


def join_wrapped(blocks: list[Block], plain: set[int]) -> list[Block]:
    """Sentences broken at hard line ends (text copied out of a PDF: '占支' / '出总预算 10.73 %') joined back.

    Only in a text whose lines mostly end mid-sentence (at least WRAP_MIN_LINES of them and WRAP_SHARE of its
    lines), and only a line as long as the text's full lines that ends mid-sentence, with the next line on the
    very next line and not opening a heading or a numbered item; in any text, a line that ends with a number and the
    next line that opens with its unit (on the very next line or after one blank line). The joined paragraph keeps
    its first line."""
    lines = [b for b in blocks if id(b) in plain and isinstance(b, Paragraph) and not b.heading_level
             and len(b.text.strip()) > 1]
    open_ended = [b for b in lines if not b.text.rstrip().endswith(TERMINAL)]
    wrapped = len(lines) >= WRAP_MIN_LINES and len(open_ended) >= max(WRAP_MIN_LINES, WRAP_SHARE * len(lines))
    widths = sorted(len(b.text.strip()) for b in lines) or [0]
    wrapped = wrapped and widths[int(len(widths) * 0.75)] >= WRAP_MIN_WIDTH
    # a line this long reached the right margin; in a text that is not wrapped, only a number broken from its unit
    # ('基本支出252.5' / '万元,较上年…') is joined, in any text
    full = widths[int(len(widths) * 0.75)] * 0.7 if wrapped else None
    out: list[Block] = []
    ends: list[tuple[int, str]] = []  # per block out: its last line's number and text
    for block in blocks:
        previous = out[-1] if out else None
        split = bool(ends and isinstance(block, Paragraph) and SPLIT_NUMBER_RE.search(ends[-1][1])
                     and SPLIT_UNIT_RE.match(block.text.strip()))
        # a number broken from its unit may have a blank line between them, as a web page puts between its lines
        if (id(block) in plain and id(previous) in plain and isinstance(block, Paragraph)
                and isinstance(previous, Paragraph) and not block.heading_level
                and not previous.heading_level and (block.location.line or 0) - ends[-1][0] in ((1, 2) if split else (1,))
                and not ends[-1][1].endswith(TERMINAL)
                and ((full is not None and len(ends[-1][1]) >= full) or split)
                # a table's caption ('…情况表', '单位：万元') is a line of its own, not a sentence's start or end
                and not CAPTION_RE.search(ends[-1][1]) and not CAPTION_RE.search(block.text.strip())
                and not WHOLE_TITLE_RE.match(ends[-1][1]) and not STAMP_END_RE.search(ends[-1][1])
                and not (CODE_END_RE.search(ends[-1][1]) and not split) and not CONTENTS_HEADING_RE.match(block.text)
                and not HEADING_START_RE.match(block.text) and not FIELD_START_RE.match(block.text)):
            out[-1] = Paragraph(previous.text.rstrip() + block.text.strip(), previous.location)
            plain.add(id(out[-1]))
            ends[-1] = (block.location.line, block.text.strip())
            continue
        out.append(block)
        ends.append((block.location.line or 0, block.text.strip() if isinstance(block, Paragraph) else "|"))
    return out


UNIT_WORD_RE = re.compile(r"^[（(]\s*(万元|元|亿元)\s*[)）]$")


def _join_units(words: list[str]) -> list[str]:
    """A unit printed apart from its label ('项目资金 (万元)') stays with the label: it is the label's, not a cell."""
    out: list[str] = []
    for word in words:
        if out and UNIT_WORD_RE.match(word):
            out[-1] += word
        else:
            out.append(word)
    return out


def rebuild(tokens: list[_Token], path: str, cells: bool = True) -> list[Block]:
    """Rows of a table whose row ends were lost: by its 行次 column, by the runs of bars that pad its rows out, by
    its column-number row, by a header over rows of figures, else by form labels.
    `cells`: each token is a whole cell (one cell per line), not a word of one (a form on one line)."""
    texts = [t.text for t in tokens]
    if (numbered := _numbered_rows(tokens, path)) is not None:
        return numbered
    if (serial_first := _serial_first_rows(tokens, path)) is not None:
        return serial_first
    if (padded := _rows_between_runs(tokens, path)) is not None:
        return padded  # the row ends printed as runs of bars, before a width inferred from a 栏次 row
    if (tiered := _tiered_rows(tokens, path)) is not None:
        return tiered  # rows by their names under a header of tiers, before a width counted from the 栏次 row
    if (numbered := _numbered_columns(tokens, path)) is not None:
        return numbered  # a label column beside the numbered ones: the width is one more than the numbers
    width_at = _number_row(texts)
    if width_at is not None:
        return _by_width(tokens, *width_at, path)
    if (leaves := _leaf_header(texts)) is not None:
        at, end = leaves
        count = (end - at) // 2
        words = [t for t in tokens[:at] if t.text]
        rows = [_row(words, 1, path), _row(tokens[at:at + count], 2, path), _row(tokens[at + count:end], 3, path)]
        rest = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[end:] if t.text]
        return [Table(tuple(rows), rows[0].location.with_(row="")), *rest]
    if (fit := _header_width(texts)) is not None:
        start, width, end = fit
        before = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[:start] if t.text]
        rest = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[end:] if t.text]
        return [*before, *_by_width(tokens[start:end], 0, width, path), *rest]
    if (fit := _label_rows(texts)) is not None:
        start, width, end = fit
        rest = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[end:] if t.text]
        return [*_by_width(tokens[start:end], 0, width, path), *rest]
    if _rows_opened_by_bars(texts):
        rows, current = [], []
        for token in [*tokens, _Token("", 0)]:
            if token.text == "" and current:
                rows.append(current)
                current = []
            elif token.text:
                current.append(token)
        built = [_row(r, n, path) for n, r in enumerate(rows, start=1)]
        return [Table(tuple(built), built[0].location.with_(row=""))]
    return _by_labels(tokens, path, cells)


ROW_CODE_RE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")  # a function code: 类 (3 digits), 款 (5), 项 (7)
NAME_COLUMN_RE = re.compile(r"^(?:项目|科目名称|项目名称|名称|类款项|[类款项])$|(?:分类)?(?:科目)?(?:编码|代码)$")
TIERED_ROWS_MIN = 2


def _numbered_run(texts: list[str], start: int) -> int:
    """How many cells from `start` on number the columns 1, 2, 3 … (a 栏次 or 行次 row)."""
    count = 0
    while start + count < len(texts) and texts[start + count] == str(count + 1):
        count += 1
    return count


def _tiered_rows(tokens: list[_Token], path: str) -> list[Block] | None:
    """A wide table copied one cell per line whose header takes several tiers, each ended by an empty cell, a cell
    spanning columns printed once (ingest.tiers), and a 栏次 row numbering its N amount columns; each row below is its
    code (none for 合计), its name, then N cells, empty cells padding the rows apart. The rows are told by their names
    (a name, then N cells holding figures or nothing), not by a width counted from the 栏次 row (the code and name
    columns and the padding are not numbered); each amount column takes its header path only where ingest.tiers
    settles it. None when the cells are not such a table."""
    texts = [t.text for t in tokens]
    at = next((i for i, t in enumerate(texts) if t.replace(" ", "") == "栏次"), None)
    if at is None:
        return None
    count = _numbered_run(texts, at + 1)
    if count < NUMBER_ROW_MIN:
        return None
    segments: list[list[int]] = [[]]  # the header's cells before the 栏次 row, cut at each empty cell
    for i in range(at):
        if texts[i]:
            segments[-1].append(i)
        elif segments[-1]:
            segments.append([])
    opening = next((n for n, seg in enumerate(segments) if seg and NAME_COLUMN_RE.search(_norm(texts[seg[0]]))), None)
    if opening is None:
        return None
    tiers: list[list[str]] = []
    names: list[list[str]] = []
    for seg in segments[opening:]:
        cells = [texts[i] for i in seg]
        lead = 0
        while lead < len(cells) and NAME_COLUMN_RE.search(_norm(cells[lead])):
            lead += 1
        names.append(cells[:lead])
        if cells[lead:]:
            tiers.append(cells[lead:])
    paths = leaf_paths(tiers, count)
    rows = _named_rows(tokens, at + 1 + count, count)
    if paths is None or rows is None:
        return None
    body, end = rows
    width = 2 + count
    head_rows: list[list[str]] = []
    for tier in range(len(tiers)):
        lead = names[tier] if tier < len(names) else []
        labels = (lead * 2 if len(lead) == 1 else lead + [""] * (2 - len(lead)))[:2]
        head_rows.append([*labels, *[p[tier] if p is not None and tier < len(p) else "" for p in paths]])
    head_rows.append(["栏次", "", *[str(n) for n in range(1, count + 1)]])
    where = Location(document=path, line=tokens[segments[opening][0]].line)
    built = [Row(tuple(Cell(t, where.with_(row=str(r), column=str(c))) for c, t in enumerate(texts_, start=1)),
                 where.with_(row=str(r))) for r, texts_ in enumerate(head_rows, start=1)]
    for number, (code, name, cells) in enumerate(body, start=len(built) + 1):
        first = code or name
        at_row = Location(document=path, line=first.line, row=str(number))
        row = [code or _Token("", name.line), name, *cells, *[_Token("", name.line)] * (count - len(cells))]
        built.append(Row(tuple(Cell(t.text, at_row.with_(line=t.line, column=str(c))) for c, t in
                               enumerate(row[:width], start=1)), at_row))
    before = [Paragraph(texts[i], Location(document=path, line=tokens[i].line))
              for seg in segments[:opening] for i in seg]
    after = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[end:] if t.text]
    return [*before, Table(tuple(built), where), *after]


NUMBER_LABELS = ("栏次", "行次")
NUMBERED_BODY_ROWS_MIN = 2
TIERS_MAX = 3
FIGURE_IN_WORDS_RE = re.compile(r"\d(?:[\d,]*\.\d+)?")


def _numbered_columns(tokens: list[_Token], path: str) -> list[Block] | None:
    """A table copied one cell per line whose columns are numbered on a row of their own under the header — its
    label (行次 or 栏次) in the label column, then 1, 2 … N — and whose rows each hold a label then N cells (figures,
    nothing, or words with a figure: '以前年度结转资金9.83'). The number row gives the width (1 + N), so the rows are
    known, not guessed. The header above is one row of 1 + N cells, or the label column's name then tiers whose
    spans were lost, printed in one run (合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 | 小计 | 购置费 | 运行费 |
    小计 | …): each lower tier opens with its total, and a column takes its header path only where every way of
    cutting the run into tiers and laying them out agrees (ingest.tiers). None when the cells are not such a table
    or the header's tiers fit no layout."""
    texts = [t.text for t in tokens]
    at = next((i for i, t in enumerate(texts) if _norm(t) in NUMBER_LABELS), None)
    if at is None or at == 0:
        return None
    count = _numbered_run(texts, at + 1)
    if count < NUMBER_ROW_MIN:
        return None
    width, start = 1 + count, at + 1 + count
    body: list[list[_Token]] = []
    while start + len(body) * width < len(tokens):
        row = tokens[start + len(body) * width:start + (len(body) + 1) * width]
        label, cells = row[0].text, [t.text for t in row[1:]]
        if not label or _figure(label) or not all(
                c == "" or _figure(c) or (FIGURE_IN_WORDS_RE.search(c) and len(c) <= CELL_LENGTH) for c in cells) or (
                len(row) == width and not any(_figure(c) for c in cells)):
            break
        body.append(row)
    complete = [r for r in body if len(r) == width]
    if len(complete) < NUMBERED_BODY_ROWS_MIN:
        return None
    head = [t for t in tokens[:at] if t.text]
    header = _numbered_header([t.text for t in head], count, [[t.text for t in r[1:]] for r in complete])
    if header is None:
        return None
    where = Location(document=path, line=head[0].line)
    lines = [head[0].line] * len(header) + [tokens[at].line]
    built = [Row(tuple(Cell(t, where.with_(line=line, row=str(r), column=str(c))) for c, t in enumerate(cells, start=1)),
                 where.with_(line=line, row=str(r)))
             for r, (cells, line) in enumerate(zip([*header, [texts[at], *map(str, range(1, width))]], lines,
                                                   strict=True), start=1)]
    for row in body:
        built.append(_cut_row(row, width, len(built) + 1, path) if len(row) < width else _row(row, len(built) + 1,
                                                                                                  path))
    end = start + sum(len(r) for r in body)
    return [Table(tuple(built), where), *(Paragraph(t.text, Location(document=path, line=t.line))
                                          for t in tokens[end:] if t.text)]


def _numbered_header(cells: list[str], count: int, body: list[list[str]]) -> list[list[str]] | None:
    """The header rows over a label column and `count` numbered columns (see _numbered_columns): the cells as one row
    when they are 1 + count; else the label column's name, then the rest cut into tiers, each lower one opening with
    a total (合计/小计), laid out by ingest.tiers. Where several cuts or layouts fit, those whose totals the rows'
    figures contradict (a 小计 that is not the sum of its parts) are dropped; a column takes its path only where the
    rest agree, and one they do not settle keeps an empty header (its figures are then reported unread, never
    guessed). None when no layout fits."""
    if len(cells) == 1 + count:
        return [cells]
    if len(cells) < 2:
        return None
    name, rest = cells[0], cells[1:]
    totals = [i for i, t in enumerate(rest) if i and normalize_label(t) in ("合计", "小计")]
    fitting: list[list[list[str]]] = []
    for tiers_count in range(2, TIERS_MAX + 1):
        for cuts in itertools.combinations(totals, tiers_count - 1):
            bounds = [0, *cuts, len(rest)]
            layouts = fitting_layouts([rest[a:b] for a, b in itertools.pairwise(bounds)], count)
            if layouts is None:
                return None  # too many layouts to try: which column is which is not known
            fitting += layouts
    values = [[parse_decimal(c) if is_number(c) else None for c in row] for row in body]
    fitting = [layout for layout in fitting if summing(layout, values)] or fitting
    columns = agreed(fitting, count)
    if columns is None:
        return None
    depth = max(len(p) for p in columns if p is not None) if any(columns) else 1
    return [[name if tier == 0 else "", *[p[tier] if p is not None and tier < len(p) else "" for p in columns]]
            for tier in range(depth)]


def _named_rows(tokens: list[_Token], start: int, count: int) -> tuple[list[tuple[_Token | None, _Token, list[_Token]]],
                                                                          int] | None:
    """(code, name, cells) of each row from `start`: a name (a code before it, when printed), then `count` cells of
    figures or nothing; empty cells between rows are padding. None when a cell a row would take holds words, or
    fewer than TIERED_ROWS_MIN rows hold a figure; the rows end where the cells stop fitting."""
    rows: list[tuple[_Token | None, _Token, list[_Token]]] = []
    code: _Token | None = None
    index = start
    while index < len(tokens):
        text = tokens[index].text
        if not text:
            index += 1
        elif ROW_CODE_RE.match(text) and code is None:
            code, index = tokens[index], index + 1
        elif not _figure(text):
            cells = tokens[index + 1:index + 1 + count]
            if any(c.text and not _figure(c.text) for c in cells):
                break
            rows.append((code, tokens[index], cells))
            code, index = None, index + 1 + count
        else:
            break
    if code is not None and index >= len(tokens):
        index -= 1  # a code with its name cut off: left for the text after the table
    if len(rows) < TIERED_ROWS_MIN or not any(_figure(c.text) for _, _, cells in rows for c in cells):
        return None
    return rows, index


CAPTIONED_WIDTH_MIN = 3


def _header_width(texts: list[str]) -> tuple[int, int, int] | None:
    """(start, width, end) of a table whose header is a row of words and whose rows each hold a label then figures
    (or empty cells). The header opens the cells, its width then the cells before the first row's label; or
    caption cells come first (a title, '单位:万元', empty cells), and the header is the run of words just before
    the first row's label — taken only when exactly one width makes every row below a label then figures, and at
    least CAPTIONED_WIDTH_MIN (two cells after captions may as well be a form's label and value). The
    table ends at the first row that does not fit (a last row cut off after its label still counts); cells
    before `start` and from `end` are not the table's."""
    first = next((i for i, t in enumerate(texts) if _figure(t)), None)
    if first is None or first < 3 or _form_labels(texts[:first]) >= 2:
        return None  # a self-evaluation form's labels: its rows are rebuilt from them
    if not (texts[0] == "" and texts[1] == ""):
        width = first - 1
        if (fit := _rows_fit(texts, 0, width)) is not None:
            return 0, width, fit
    after = texts[first + 1] if first + 1 < len(texts) else ""
    coded = bool(ROW_CODE_RE.match(texts[first])) and bool(after) and not _figure(after)
    label = first if coded else first - 1  # the first row's label, or its code ('301' / '工资福利支出')
    fits = [(label - width, width, end) for width in range(CAPTIONED_WIDTH_MIN, label + 1)
            if all(t and not _figure(t) for t in texts[label - width:label])
            and (end := _rows_fit(texts, label - width, width)) is not None]
    if not fits:  # rows with all their cells empty before the first figure: the header opens after the captions
        start = next((i for i, t in enumerate(texts) if t and not CAPTION_RE.search(t)), first)
        fits = [(start, width, end) for width in range(CAPTIONED_WIDTH_MIN, first - start)
                if all(t and not _figure(t) for t in texts[start:start + width])
                and (end := _rows_fit(texts, start, width)) is not None]
    return fits[0] if len(fits) == 1 else None


LABEL_ROWS_MIN = 3
COLUMN_LABEL_RE = re.compile(r"^(?:20\d{2}年度?)?(?:年初|全年|调整后?)?(?:预算|决算|执行)数?$")
LEAF_COLUMNS_MIN = 3
LEAF_HEADER_WORDS = 2


def _leaf_header(texts: list[str]) -> tuple[int, int] | None:
    """(at, end) of a table of one row of figures under a header of several tiers, flattened one cell per line:
    the header's words (items, their parts, a label wrapped over two cells), then its lowest tier — a run of
    column labels (预算数 / 决算数 …) — then exactly as many figures, one per column, then no further figure. The
    cells are taken as three rows (the words, the column labels, the figures); which words sit over which column is
    left to the reader of the table, who knows its items."""
    at = next((i for i, t in enumerate(texts) if COLUMN_LABEL_RE.match(_norm(t))), None)
    if at is None:
        return None
    count = 0
    while at + count < len(texts) and COLUMN_LABEL_RE.match(_norm(texts[at + count])):
        count += 1
    figures = texts[at + count:at + 2 * count]
    words = [t for t in texts[:at] if t]
    if (count < LEAF_COLUMNS_MIN or len(figures) < count or not all(_figure(t) for t in figures)
            or len(words) < LEAF_HEADER_WORDS or any(_figure(t) for t in words)
            or (at + 2 * count < len(texts) and _figure(texts[at + 2 * count]))):
        return None
    return at, at + 2 * count


def _label_rows(texts: list[str]) -> tuple[int, int, int] | None:
    """(start, width, end) of a table printed without any header (empty cells only before it): rows of a label then
    width - 1 figures, at least LABEL_ROWS_MIN of them, the first row possibly without its label (an empty cell
    before its figures: a total whose label was lost). Taken only when exactly one width makes the rows fit;
    the table ends at the first row that does not."""
    first = next((i for i, t in enumerate(texts) if t), None)
    if first is None:
        return None
    fits: list[tuple[int, int, int]] = []
    for width in range(2, len(texts) // LABEL_ROWS_MIN + 1):
        label = next((i for i in range(first, len(texts)) if texts[i] and not _figure(texts[i])), None)
        if label is None:
            return None
        start = label
        if label > first:  # figures before the first label: a row whose label cell is empty
            start = label - width
            if start < 0 or texts[start] or not all(_figure(t) for t in texts[start + 1:label]) or any(
                    texts[:start]):
                continue
        rows, at = 0, label
        while at + width <= len(texts):
            row = texts[at:at + width]
            if not row[0] or _figure(row[0]) or not all(_figure(v) for v in row[1:]):
                break
            rows, at = rows + 1, at + width
        if rows >= LABEL_ROWS_MIN:
            fits.append((start, width, at))
    return fits[0] if len(fits) == 1 else None


def _halves(header: list[str]) -> int:
    """Where the second half of a header of two sides begins ('项目 | 预算数 | 项目 | 预算数': 2), or 0."""
    half = len(header) // 2
    same = [_norm(t) for t in header[:half]] == [_norm(t) for t in header[half:]]
    return half if len(header) % 2 == 0 and half >= 2 and same and all(header) else 0


def _fits_row(row: list[str], half: int) -> bool:
    """A row of a label then figures or empty cells; of two such halves side by side under a header of two sides,
    a half's label empty where that side has no item in the row."""
    if half:
        sides = [side[1:] if ROW_CODE_RE.match(side[0]) else side for side in (row[:half], row[half:])]
        return any(row) and all(not _figure(side[0]) and all(v == "" or _figure(v) for v in side[1:])
                                and (side[0] or not any(side[1:])) for side in sides)
    label, values = row[0], row[1:]
    return not _figure(label) and all(v == "" or _figure(v) for v in values) and bool(label or any(values))


def _rows_fit(texts: list[str], start: int, width: int) -> int | None:
    """Where the rows of `width` cells under the header at `start` end, or None when too few fit."""
    words = sum(1 for t in texts[start:start + width] if t)
    if any(_figure(t) for t in texts[start:start + width]) or not words:
        return None
    half = _halves(texts[start:start + width])
    rows, taken = 0, start + width
    while taken < len(texts):
        row = texts[taken:taken + width]
        label, values = row[0], row[1:]
        if (len(row) < width and half) or not _fits_row(row, half):
            if rows and label and not _figure(label) and values and values[0] and not _figure(values[0]):
                taken, rows = taken + 1, rows + 1  # a last row cut off after its label, text going on after it
            break
        taken += len(row)
        rows += 1
    if rows < (2 if words >= 2 else 3):
        return None
    return taken


NUMBERED_ROWS_MIN = 3
PADDING_RUN = 2
PADDED_FIGURE_ROWS = 3


def _rows_between_runs(tokens: list[_Token], path: str) -> list[Block] | None:
    """Rows of a web table whose rows are padded out with runs of empty cells ('|||||' after each row): each
    run of PADDING_RUN or more empty cells ends a row. Taken only when a run of bars was printed, at least two
    rows of several cells follow the caption cells, and one row holds figures (NUMBER_ROW_MIN or more), or the
    rows hold as many in all, spread over PADDED_FIGURE_ROWS rows or more (a form's rows of a label and a figure)."""
    if not any(t.text == "" and u.text == "" and t.line == u.line for t, u in itertools.pairwise(tokens)):
        return None  # no run of bars on one line: the empty cells are cells, not padding
    segments: list[list[_Token]] = [[]]
    padded: list[int] = []  # each padded segment's cells with its padding: the row's full width
    empties: list[_Token] = []
    for token in tokens:
        if token.text:
            if _is_padding(empties) and segments[-1]:
                padded.append(len(segments[-1]) + len(empties))
                segments.append([])
            elif empties and segments[-1]:
                segments[-1].extend(empties)
            segments[-1].append(token)
            empties = []
        else:
            empties.append(token)
    segments = _rows_of_width(segments, padded)
    caption = 0
    while caption < len(segments) and ((len(segments[caption]) == 1 and not _figure(segments[caption][0].text))
                                       or all(CAPTION_RE.search(t.text) for t in segments[caption] if t.text)):
        caption += 1  # a title, or captions only ('编制部门:…' / '金额单位:万元'): lines above the table
    body = segments[caption:]
    figures = [sum(1 for t in s if _figure(t.text)) for s in body]
    if sum(1 for s in body if len(s) >= 2) < 2 or not (
            max(figures, default=0) >= NUMBER_ROW_MIN or (sum(figures) >= NUMBER_ROW_MIN and sum(
                1 for f in figures if f) >= PADDED_FIGURE_ROWS)):
        return None  # a form's rows each with a figure or two count as well as one row of several
    blocks: list[Block] = [Paragraph(t.text, Location(document=path, line=t.line)) for s in segments[:caption]
                           for t in s if t.text]
    body = [row for s in body for row in _rows_ended_by_lone_cells(s)]
    rows = [_row(s, n, path) for n, s in enumerate(body, start=1)]
    blocks.append(Table(tuple(rows), rows[0].location.with_(row="")))
    return blocks


PADDED_ROWS_MIN = 3


def _rows_of_width(segments: list[list[_Token]], widths: list[int]) -> list[list[_Token]]:
    """Segments cut into rows of the width the padded rows share (a row's cells and its padding), when
    PADDED_ROWS_MIN or more agree on one and every other padded segment is a whole number of such rows: a row
    printed full (no padding after it) runs into the next one, as a header does into the row under it. The last
    segment, which no padding ends (the text stops), is cut likewise when it is longer than a row; its last piece
    may be a row cut short. A segment whose rows a lone empty cell ends (_rows_ended_by_lone_cells) is left to
    that. `widths`: the full width of each segment but the last."""
    common = max(set(widths), key=widths.count, default=0)
    if widths.count(common) < PADDED_ROWS_MIN or common < 3 or any(w % common for w in widths):
        return segments
    out: list[list[_Token]] = []
    for index, segment in enumerate(segments):
        full = widths[index] if index < len(widths) else len(segment)
        if full <= common or len(_rows_ended_by_lone_cells(segment)) > 1:  # rows told apart by their lone cells
            out.append(segment)
            continue
        out += [segment[i:i + common] for i in range(0, len(segment), common)]
    return out


def _rows_ended_by_lone_cells(segment: list[_Token]) -> list[list[_Token]]:
    """A segment between runs of bars that holds several rows, each ended by one lone empty cell rather than by a
    run ('因公出国(境)费' / figures / '|' / '公务接待费' / figures / '|' …): cut at each empty cell followed by a
    label. Taken only when every piece is a label then figures or empty cells and all pieces are of one width
    (at least two of them); else the segment stays one row."""
    cuts = [i for i in range(1, len(segment) - 1)
            if not segment[i].text and segment[i + 1].text and not _figure(segment[i + 1].text)]
    if not cuts:
        return [segment]
    pieces = [segment[a + 1 if a else 0:b] for a, b in zip([0, *cuts], [*cuts, len(segment)], strict=True)]
    if len({len(p) for p in pieces}) != 1 or len(pieces[0]) < 2 or not all(
            not _figure(p[0].text) and all(not t.text or _figure(t.text) for t in p[1:]) and any(
                _figure(t.text) for t in p[1:]) for p in pieces):
        return [segment]
    return pieces


def _is_padding(empties: list[_Token]) -> bool:
    """A run of empty cells pads a row out when PADDING_RUN or more of them were printed on one line ('|||');
    lone '|' lines one after another are empty cells of their own."""
    lines = [t.line for t in empties]
    return any(lines.count(line) >= PADDING_RUN for line in set(lines))


def _serial_rows(texts: list[str]) -> tuple[int, int, int] | None:
    """(start, width, rows) of a body whose rows each open with a label then its 行次 (row numbers going up by
    one from row to row), the other cells figures or empty. The row numbers mark where each row begins, so the
    width is known, not guessed; at least NUMBERED_ROWS_MIN rows."""
    for start in range(len(texts) - 1):
        label, serial = texts[start], texts[start + 1]
        if not label or _figure(label) or not serial.isdigit():
            continue
        for width in range(3, len(texts) - start):
            rows, at = 0, start
            while at + width <= len(texts):
                row = texts[at:at + width]
                if (not row[0] or _figure(row[0]) or row[1] != str(int(serial) + rows)
                        or not all(v == "" or _figure(v) for v in row[2:])):
                    break
                rows, at = rows + 1, at + width
            if rows >= NUMBERED_ROWS_MIN:
                return start, width, rows
    return None


def _side_rows_fit(texts: list[str], start: int, width: int, half: int) -> int:
    """How many rows of two halves side by side fit from `start`: per half a label (empty when the half has no
    item in that row) then its 行次, then figures or empty cells; each half's 行次 going up by one per row."""
    bounds = ((0, half), (half, width))
    firsts = [int(texts[start + a + 1]) for a, _ in bounds]
    rows, at = 0, start
    while at + width <= len(texts):
        row = texts[at:at + width]
        for (a, b), first in zip(bounds, firsts, strict=True):
            side = row[a:b]
            if _figure(side[0]) or side[1] != str(first + rows) or not all(v == "" or _figure(v) for v in side[2:]):
                return rows
        rows, at = rows + 1, at + width
    return rows


def _two_sided_rows(texts: list[str]) -> tuple[int, int, int, int] | None:
    """(start, width, rows, half) of a body of two halves side by side (公开01's 收入 | 支出), each half with its
    own 行次 sequence (1, 2, 3 … beside 35, 36, 37 …): a row holds per half a label, empty when that half has no
    item in the row, then its 行次, then figures or empty cells; `half` is where the second half begins. The two
    行次 sequences mark where every row and every half begins, so the width is known, not guessed; at least
    NUMBERED_ROWS_MIN rows — or fewer where the text runs out before the next whole row (a page cut inside the
    table) and the header above prints 行次 in both halves over exactly that width."""
    for start in range(len(texts) - 3):
        label, serial = texts[start], texts[start + 1]
        if not label or _figure(label) or not serial.isdigit():
            continue
        for half in range(2, len(texts) - start - 1):
            second, number = texts[start + half], texts[start + half + 1]
            if not (second and not _figure(second) and number.isdigit()):
                continue
            for width in range(half + 2, len(texts) - start + 1):
                rows = _side_rows_fit(texts, start, width, half)
                if rows >= NUMBERED_ROWS_MIN or (rows and _cut_after(texts, start, width, rows) and _serials_header(
                        _sides_header(texts[:start], width, half), half)):
                    return start, width, rows, half
    return None


def _cut_after(texts: list[str], start: int, width: int, rows: int) -> bool:
    """The cells after `rows` whole rows are fewer than a row: the text ended inside the table, no series broke."""
    return len(texts) - (start + width * rows) < width


def _serials_header(header: list[list[str]] | None, half: int) -> bool:
    """A header whose lowest tier prints 行次 as the second column of each half."""
    return bool(header) and all(_norm(header[-1][at]) == "行次" for at in (1, half + 1))


def _two_tier_header(texts: list[str], width: int) -> list[list[str]] | None:
    """The header rows above a body of `width` cells: one full row, or two where the first row's last cell spans
    the columns it leaves and the second row opens with 栏次 and then prints the labels under that span (from
    the left, as a web page flattens it). None when the header cannot be placed with certainty."""
    if not texts:
        return []
    if len(texts) == width:
        return [texts]
    at = next((i for i, t in enumerate(texts) if t.replace(" ", "") == "栏次"), None)
    if at is None or not 0 < at < width:
        return None
    upper, lower = texts[:at], [t for t in texts[at + 1:] if t]
    if len(lower) != width - at + 1 or not all(upper):
        return None
    return [upper + [""] * (width - at), [texts[at]] + [""] * (width - 1 - len(lower)) + lower]


def _sides_header(texts: list[str], width: int, half: int) -> list[list[str]] | None:
    """The header above a body of two halves: one full row, or the two halves' names (收入 / 支出) over it, each
    spanning its half. A row of the web table may end in an empty cell of its own (a trailing column nothing is
    printed in): empty cells around the two names, and at the end of the lowest tier, are that column. None when
    the header cannot be placed with certainty."""
    if not texts:
        return []
    if len(texts) == width:
        return [texts]
    lower, names = texts[-width:], [t for t in texts[:-width] if t]
    filled = [t for t in lower if t]
    if (len(texts) > width and len(names) == 2 and lower[:len(filled)] == filled and len(filled) > half
            and not any(_figure(t) or t.isdigit() for t in [*names, *filled])):
        return [[names[0], *[""] * (half - 1), names[1], *[""] * (width - half - 1)], lower]
    return None


def _numbered_rows(tokens: list[_Token], path: str) -> list[Block] | None:
    """A table whose rows carry a 行次 column (see _serial_rows), its header above the first row; None when
    there is no such body or its header cannot be placed (the cells then stay for the other layouts)."""
    texts = [t.text for t in tokens]
    if (sides := _two_sided_rows(texts)) is not None:
        start, width, count, half = sides
        header = _sides_header(texts[:start], width, half)
    elif (found := _serial_rows(texts)) is not None:
        start, width, count = found
        header = _two_tier_header(texts[:start], width)
    else:
        return None
    head, first = tokens[:start], int(texts[start + 1])
    if header is None:
        return None
    where = Location(document=path, line=head[0].line if head else tokens[start].line)
    rows: list[Row] = []
    for number, texts in enumerate(header, start=1):
        at = where.with_(row=str(number))
        rows.append(Row(tuple(Cell(t, at.with_(column=str(c))) for c, t in enumerate(texts, start=1)), at))
    end = start + width * count
    for chunk in range(start, end, width):
        row = _row(tokens[chunk:chunk + width], len(rows) + 1, path)
        rows.append(row)
    rest = tokens[end:]
    if sides is not None and len(rest) >= 3 and not _figure(rest[0].text) and len(rest) < width and (
            rest[1].text == str(first + count)):
        # the text ends inside the row after the last: its cells are read but the last one, which the cut may
        # have split (a label or a figure broken off mid-word)
        rows.append(_cut_row(rest[:-1], width, len(rows) + 1, path))
        rest = rest[-1:]
    blocks: list[Block] = [Table(tuple(rows), rows[0].location.with_(row=""))]
    blocks.extend(Paragraph(t.text, Location(document=path, line=t.line)) for t in rest if t.text)
    return blocks


def _cut_row(tokens: list[_Token], width: int, number: int, path: str) -> Row:
    """A last row the text ends inside: its cells as printed, the cells it never reached not placed (unknown, not
    blank)."""
    row = _row(tokens, number, path)
    missing = tuple(Cell("", row.location.with_(column=str(c)), placed=False) for c in range(len(tokens) + 1,
                                                                                               width + 1))
    return Row(row.cells + missing, row.location)


SERIAL_FIRST_ROWS_MIN = 4


def _leading_serials(texts: list[str]) -> tuple[int, int, int] | None:
    """(start, width, rows) of a body whose rows each open with their 序号 (1, 2, 3 … one per row), the other cells
    labels, figures or empty, each row holding a label: the numbers mark where each row begins, so the width is
    known; at least SERIAL_FIRST_ROWS_MIN rows. The widest run of rows is taken."""
    best: tuple[int, int, int] | None = None
    for start, text in enumerate(texts):
        if text != "1":
            continue
        for width in range(3, (len(texts) - start) // SERIAL_FIRST_ROWS_MIN + 1):
            rows, at = 0, start
            while at + width <= len(texts):
                row = texts[at:at + width]
                if row[0] != str(rows + 1) or not any(t and not _figure(t) for t in row[1:]):
                    break
                rows, at = rows + 1, at + width
            if rows >= SERIAL_FIRST_ROWS_MIN and (best is None or rows * width > best[1] * best[2]):
                best = (start, width, rows)
    return best


def _line_segments(tokens: list[_Token]) -> list[list[_Token]]:
    """Cells cut into rows where a line printed several cells at once ('支出 | ||': the row's end padded with bars),
    the trailing empty cells dropped."""
    segments: list[list[_Token]] = [[]]
    for index, token in enumerate(tokens):
        segments[-1].append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or (following.line != token.line and any(
                t.line == token.line for t in tokens[max(index - 1, 0):index])):
            segments.append([])
    out = []
    for segment in segments:
        while segment and not segment[-1].text:
            segment.pop()
        if segment:
            out.append(segment)
    return out


def _serial_header(head: list[_Token], width: int) -> tuple[list[_Token], list[list[str]], int] | None:
    """(caption cells, header rows, the header's first line) above a body whose rows open with their 序号: a 栏次 row of the full width (栏次
    under the 序号 column, then column numbers), above it the column labels — printed without a cell under the 序号
    column, which spans down from the row above — and above those, a row opening with 序号 whose other labels each
    span an equal run of the labels below (收入 over 项目 | 预算数, 支出 over 项目 | 预算数). Cells above these rows
    are the table's captions. None when the header cannot be placed so."""
    texts = [t.text for t in head]
    rows: list[list[str]] = []
    if len(texts) >= width and texts[-width].replace(" ", "") == "栏次" and all(
            t == "" or t.isdigit() for t in texts[-width + 1:]):
        rows.insert(0, texts[-width:])
        head = head[:-width]
    segments = _line_segments(head)
    if not segments:
        return None
    if (flat := _flat_serial_tiers(head, width)) is not None:
        return flat[0], [*flat[1], *rows], flat[2]
    lower = [t.text for t in segments[-1]]
    if len(lower) == width - 1 and all(lower):
        lower = ["", *lower]
    elif len(lower) != width or not all(lower[1:]):
        return None
    rows.insert(0, lower)
    first = segments[-1][0].line
    captions = [t for s in segments[:-1] for t in s]
    if len(segments) >= 2 and (upper := [t.text for t in segments[-2]]) and normalize_label(upper[0]) in (
            "序号", "行次", "编号") and len(upper) >= 2:
        span, rest = divmod(width - 1, len(upper) - 1)
        groups = [lower[1 + i * span:1 + (i + 1) * span] for i in range(len(upper) - 1)] if span else []
        if rest or not groups or any(g != groups[0] for g in groups):
            return None
        rows.insert(0, [upper[0]] + [cell for label in upper[1:] for cell in [label] + [""] * (span - 1)])
        captions, first = [t for s in segments[:-2] for t in s], segments[-2][0].line
    return captions, rows, first


SERIAL_HEADS = ("序号", "行次", "编号")


def _flat_serial_tiers(head: list[_Token], width: int) -> tuple[list[_Token], list[list[str]], int] | None:
    """(caption cells, the header's two tiers, the header's first line) of a two-tier header printed one cell per line,
    no line ending a tier: an upper tier opening with 序号 whose other labels each span an equal run of the lower
    tier's cells (收入 over (blank) | 预算数, 支出 over (blank) | 预算数), the lower tier printed without a cell under
    序号, which spans down. A lower cell may be blank (the label column under its half's name) but each run holds a
    label, and the runs read alike. Taken only when the cells are one per line and exactly this one split fits:
    the lower tier is the last width - 1 cells, the upper tier the cells from the last 序号 before it."""
    if len({t.line for t in head}) != len(head) or len(head) < width + 2:
        return None
    lower_at = len(head) - (width - 1)
    texts = [t.text for t in head]
    opens = [i for i in range(lower_at) if normalize_label(texts[i]) in SERIAL_HEADS]
    if not opens:
        return None
    upper, lower = texts[opens[-1]:lower_at], texts[lower_at:]
    span, rest = divmod(width - 1, len(upper) - 1) if len(upper) >= 3 else (0, 1)
    if rest or span < 2 or not all(upper):
        return None
    groups = [lower[i * span:(i + 1) * span] for i in range(len(upper) - 1)]
    if any(g != groups[0] for g in groups) or not all(groups[0][1:]) or not any(groups[0]):
        return None
    top = [upper[0], *[cell for label in upper[1:] for cell in [label] + [""] * (span - 1)]]
    return head[:opens[-1]], [top, ["", *lower]], head[opens[-1]].line


def _serial_first_rows(tokens: list[_Token], path: str) -> list[Block] | None:
    """A table whose rows open with their 序号 (see _leading_serials) under a header placed by _serial_header;
    its captions become paragraphs, and a last row cut short keeps its missing cells as not placed (unknown,
    not blank). None when there is no such body or its header cannot be placed."""
    found = _leading_serials([t.text for t in tokens])
    if found is None:
        return None
    start, width, count = found
    placed = _serial_header(tokens[:start], width)
    if placed is None:
        return None
    captions, header, first = placed
    blocks: list[Block] = [Paragraph(t.text, Location(document=path, line=t.line)) for t in captions if t.text]
    where = Location(document=path, line=first)
    rows = [Row(tuple(Cell(t, where.with_(row=str(n), column=str(c))) for c, t in enumerate(texts, start=1)),
                where.with_(row=str(n))) for n, texts in enumerate(header, start=1)]
    end = start + width * count
    for chunk in range(start, end, width):
        rows.append(_row(tokens[chunk:chunk + width], len(rows) + 1, path))
    rest = tokens[end:]
    if rest and rest[0].text == str(count + 1) and len(rest) < width:
        rows.append(_cut_row(rest, width, len(rows) + 1, path))
        rest = []
    blocks.append(Table(tuple(rows), rows[0].location.with_(row="")))
    blocks.extend(Paragraph(t.text, Location(document=path, line=t.line)) for t in rest if t.text)
    return blocks


def _rows_opened_by_bars(texts: list[str]) -> bool:
    """Lone '|' lines at a fixed interval open each row (and empty cells then do not occur)."""
    bars = [i for i, t in enumerate(texts) if t == ""]
    gaps = {b - a for a, b in itertools.pairwise(bars)}
    return len(bars) >= 3 and bars[0] == 0 and len(gaps) == 1 and min(gaps) >= 3


def _number_row(texts: list[str]) -> tuple[int, int] | None:
    """(start, width) of the 栏次 row ('栏次 | | 1 | 2 …') or of a run of column numbers 1, 2, 3 …"""
    for start, text in enumerate(texts):
        if text.replace(" ", "") == "栏次":
            end = start + 1
            while end < len(texts) and (_norm(texts[end]) in ("", "栏次") or texts[end].isdigit()):  # '栏 次' too
                end += 1
            while end > start + 1 and texts[end - 1] == "":
                end -= 1  # trailing empty cells belong to the next row
            return start, end - start
        if text == "1":
            end = start
            while end < len(texts) and texts[end] == str(end - start + 1):
                end += 1
            if end - start >= NUMBER_ROW_MIN:
                return start, end - start
    return None


def _row(tokens: list[_Token], number: int, path: str) -> Row:
    where = Location(document=path, line=tokens[0].line, row=str(number))
    return Row(tuple(Cell(t.text, where.with_(line=t.line, column=str(c))) for c, t in enumerate(tokens, start=1)),
               where)


def _by_width(tokens: list[_Token], start: int, width: int, path: str) -> list[Block]:
    """Rows of `width` cells, counted back from the number row for the header and forward for the body."""
    head = start % width
    blocks: list[Block] = [Paragraph(t.text, Location(document=path, line=t.line)) for t in tokens[:head] if t.text]
    chunks = [tokens[i:i + width] for i in range(head, len(tokens), width)]
    rows = [_row(chunk, n, path) for n, chunk in enumerate(chunks, start=1)]
    blocks.append(Table(tuple(rows), rows[0].location.with_(row="")))
    return blocks


def _is_figure(text: str) -> bool:
    return re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


def _row_done(row: list[_Token], ahead: list[_Token]) -> bool:
    """An indicator row of a one-line form that already ends with its 分值 and 得分 (two figures after a name,
    a target and an actual) is done when the words ahead hold a whole row of their own — a name, a target and an
    actual before the next two figures (the last two of a run of figures, when the actual is a figure too) —
    rather than a reason for this one."""
    texts = [t.text for t in row if not INDICATOR_ROW_RE.match(_norm(t.text))]
    if len(texts) < 5 or not (_is_figure(texts[-1]) and _is_figure(texts[-2])) or _is_figure(ahead[0].text):
        return False
    for index, token in enumerate(ahead):
        if _is_figure(token.text) and index + 1 < len(ahead) and _is_figure(ahead[index + 1].text):
            end = index + 2
            while end < len(ahead) and _is_figure(ahead[end].text):
                end += 1  # a figure actual ('42') runs into the 分值 and 得分: those are the run's last two
            return end - 2 >= 3
        if _is_header(token.text) or _norm(token.text) in FIELD_LABELS or INDICATOR_ROW_RE.match(_norm(token.text)):
            return False  # words before a level cell or a label are this row's reason
    return False


LOWER_TIER = "一级指标"
SPANNED_TARGET_RE = re.compile(r"^(?:年度|年初)?指标值$")  # the upper tier's target column over 指标性质/指标值/度量单位


def _two_tiers(header: list[_Token]) -> tuple[list[_Token], list[_Token]] | None:
    """An indicator header of two tiers whose row ends were lost, printed as one run: the upper tier's columns
    ('年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…') then the lower tier from its 一级指标 on ('一级指标 | 二级指标 |
    三级指标 | 指标性质 | 指标值 | 度量单位'). None when the run opens at 一级指标 (one tier)."""
    at = next((i for i, t in enumerate(header) if _norm(t.text) == LOWER_TIER), None)
    if not at or not any(_norm(t.text) in SHARED_HEADERS for t in header[:at]):
        return None
    return header[:at], header[at:]


def _tiers_width(upper: list[_Token], lower: list[_Token]) -> int:
    """Cells of a full row under a two-tier header: the lower tier's, then the upper tier's other columns (its
    target column is the lower tier's 指标性质 / 指标值 / 度量单位 when the lower tier prints 指标值)."""
    spelled = any(_norm(t.text) == "指标值" for t in lower)
    return len(lower) + sum(1 for t in upper if not (spelled and SPANNED_TARGET_RE.match(_norm(t.text))))


def _reason_left_out(row: list[_Token], ahead: list[_Token], width: int) -> bool:
    """In '|'-rows merged across row ends, an indicator row's empty last cell (its 偏差原因) is not printed: the
    row, one cell short, ends with its 分值 and 得分, and the cells ahead make exactly one row opened at its name
    (its 一级/二级 cells merged from above), whose 分值 and 得分 stand where that row's last two cells but one do."""
    texts = [t.text for t in row]
    if len(texts) < 5 or not (_is_figure(texts[-1]) and _is_figure(texts[-2])):
        return False
    ahead_texts = [t.text for t in ahead[:width - 2]]
    if len(ahead_texts) < width - 3 or not ahead_texts[0] or _figure(ahead_texts[0]) or INDICATOR_ROW_RE.match(
            _norm(ahead_texts[0])) or _norm(ahead_texts[0]) in FIELD_LABELS or _is_header(ahead_texts[0]):
        return False
    figures = [_is_figure(t) for t in ahead_texts[:width - 3]]
    return figures[-2:] == [True, True] and not any(figures[1:-3]) and not any(
        _is_header(t) or INDICATOR_ROW_RE.match(_norm(t)) for t in ahead_texts[1:])


def _join_split_cells(tokens: list[_Token]) -> list[_Token]:
    """Cells a Word form broke over two paragraphs, joined back when the form's own words decide it: a header
    ('年初' / '预算数' → 年初预算数, '年度' / '指标值') and an indicator level ('经济效益' / '指标')."""
    out: list[_Token] = []
    for token in tokens:
        previous = out[-1].text if out else ""
        joined = previous + token.text
        if previous and token.text and not _figure(previous) and (
                (not _is_header(previous) and _norm(previous) not in FIELD_LABELS and _is_header(joined))
                or (token.text == "指标" and not previous.endswith("指标") and INDICATOR_ROW_RE.match(_norm(joined)))):
            out[-1] = _Token(joined, out[-1].line)
            continue
        out.append(token)
    return out


def _row_ahead(ahead: list[_Token]) -> list[_Token]:
    """The cells ahead that may be a row's: up to a form label in its last cell (an empty 偏差原因 cell not
    printed, the form's next field '其他需要说明事项' there instead)."""
    return ahead[:-1] if ahead and _norm(ahead[-1].text) in FIELD_LABELS else ahead


def _opens_rowspan_row(ahead: list[_Token]) -> bool:
    """In a form saved one cell per paragraph, a row whose 一级/二级 cells were merged from the rows above starts
    at its name: the cells after it hold figures, or are all empty (a template's unfilled '指标2' row)."""
    return bool(ahead) and (any(_figure(t.text) for t in ahead) or not any(t.text for t in ahead)) and not any(
        _norm(t.text) in FIELD_LABELS or _is_header(t.text) or INDICATOR_ROW_RE.match(_norm(t.text)) for t in ahead)


YEAR_CAPTION_RE = re.compile(r"^[（(]\s*\d{4}\s*年度?\s*[)）]\s*")


def _name_before_label(block: Block) -> str:
    """The words of a one-line form between its title and an empty '项目名称' label, when they can be its name: a
    paragraph of loose words (no label, no figure but the year caption), its line breaks closed ('结 算费用')."""
    if not isinstance(block, Paragraph) or FORM_TITLE_RE.search(block.text) or re.search(r"[：:。，；]", block.text):
        return ""
    text = unspaced(YEAR_CAPTION_RE.sub("", block.text.strip()))
    if not text or len(text) > CELL_LENGTH or re.search(r"\d", text) or any(
            _norm(w) in FIELD_LABELS or _is_header(w) for w in text.split()):
        return ""
    return text


def _spanned_table(tokens: list[_Token], index: int, path: str) -> tuple[Table, int] | None:
    """The section of a form whose header of two tiers opens at `index` (ingest.spannedform), up to the form's next
    label or title, as a table — a cell not printed (under a spanning header cell, merged from the row above) empty —
    and the index of the first cell after it; None when it is no such section."""
    if not _is_header(tokens[index].text) or _norm(tokens[index].text) in FIELD_LABELS:
        return None
    limit = next((i for i in range(index + 1, len(tokens)) if _norm(tokens[i].text) in FIELD_LABELS
                  or (FORM_TITLE_RE.search(tokens[i].text) and len(tokens[i].text) <= CELL_LENGTH)), len(tokens))
    found = spanned_section([t.text for t in tokens[:limit]], index)
    if found is None:
        return None
    built: list[Row] = []
    for indices in [*found.header, *found.rows]:
        line = next(tokens[i].line for i in indices if i is not None)
        where = Location(document=path, line=line, row=str(len(built) + 1))
        built.append(Row(tuple(Cell(tokens[i].text if i is not None else "", where.with_(
            line=tokens[i].line if i is not None else line, column=str(c))) for c, i in enumerate(indices, start=1)),
            where))
    return Table(tuple(built), built[0].location.with_(row="")), found.end


def _by_labels(tokens: list[_Token], path: str, cells: bool) -> list[Block]:
    """A self-evaluation form: 'label value' fields become paragraphs 'label：value'; a run of column headers
    opens a table whose rows start at a fund source (合计, 财政拨款 …) or an indicator level (产出指标, 数量指标 …).
    One cell per line, a row leaves out the cells merged from above: a fund row the '项目资金' cell spanning the
    header's first column, an indicator row its 一级 cell (opened at its 二级 cell) or both (opened at its name); a
    section under a header of two tiers (年初预算数 over 目标申报 | 预算编制) is rebuilt whole by ingest.spannedform when
    exactly one layout fits it."""
    if cells:
        tokens = _join_split_cells(tokens)
    blocks: list[Block] = []
    rows: list[list[_Token]] = []
    needs: list[int] = []  # cells each row takes
    field: list[_Token] = []
    width = 0
    body = 0  # cells of a fund row
    section = ""
    heads = 1  # header rows of the open table
    loose: list[_Token] = []

    def close_field() -> None:
        nonlocal field
        if field:
            value = " ".join(t.text for t in field[1:] if _norm(t.text))
            if not value and not cells and _norm(field[0].text) == "项目名称" and blocks and (
                    before := _name_before_label(blocks[-1])):
                value = before  # the name printed before its label (a form flattened out of reading order)
                blocks.pop()
            unit = printed_unit(field[0].text)  # '项目资金 (万元)': the unit of the amounts it heads
            label = _norm(field[0].text) + (f"（{unit}）" if unit else "")
            blocks.append(Paragraph(f"{label}：{value}", Location(document=path, line=field[0].line)))
            field = []

    def close_loose() -> None:
        nonlocal loose
        if loose:  # cells stay one paragraph each; words of a one-line form make one paragraph
            groups = [[t] for t in loose] if cells else [loose]
            blocks.extend(Paragraph(" ".join(t.text for t in group), Location(document=path, line=group[0].line))
                          for group in groups)
            loose = []

    def close_table() -> None:
        nonlocal rows, section
        if rows:
            built = [_row(r, n, path) for n, r in enumerate(rows, start=1)]
            blocks.append(Table(tuple(built), built[0].location.with_(row="")))
            rows = []
        section = ""

    index = 0
    while index < len(tokens):
        token = tokens[index]
        norm = _norm(token.text)
        if cells and (spanned := _spanned_table(tokens, index, path)) is not None:
            close_field()
            close_loose()
            close_table()
            table, index = spanned
            blocks.append(table)
            continue
        run = 0
        while index + run < len(tokens) and (_is_header(tokens[index + run].text) or (
                cells and run == 1 and tokens[index + 1].text == "" and norm.startswith("项目资金"))):
            run += 1  # '项目资金（万元）' spans the rows below; the empty cell beside it heads their labels
        if run >= 3:
            close_field()
            close_loose()
            close_table()
            header = tokens[index:index + run]
            section = "indicator" if any(_norm(t.text) in INDICATOR_HEADERS for t in header) else "budget"
            rows, needs, width = [header], [run], run
            if section == "indicator" and (tiers := _two_tiers(header)) is not None:
                rows, needs, width = [*tiers], [len(tiers[0]), len(tiers[1])], _tiers_width(*tiers)
            heads = len(rows)
            body = run - 1 if cells and norm.startswith("项目资金") and header[1].text == "" else run
            if not norm.startswith(("项目资金", "资金来源")) and section == "budget":
                body = run + 1  # no header over the fund labels: a row is its label and a cell per header
            index += run
            continue
        index += 1
        if section == "budget" and len(rows) == heads and UNIT_WORD_RE.match(token.text.strip()) and _norm(
                rows[0][0].text).startswith("项目资金") and not printed_unit(rows[0][0].text):
            # '项目资金' / '(万元)' wrapped in its cell, the unit copied out after the header's last cell: the unit
            # of the amounts the header's first cell spans, not a cell of a row
            rows[0][0] = _Token(rows[0][0].text + token.text.strip(), rows[0][0].line)
            continue
        if section == "indicator" and not cells and norm in SPANNING_CAPTIONS:
            continue  # the caption printed down the indicator rows' side ('绩 效 指 标'): no cell of a row
        if norm in FIELD_LABELS:
            close_field()
            close_loose()
            close_table()
            field = [token]
        elif section and norm and (FUND_ROW_RE.match(norm) if section == "budget" else INDICATOR_ROW_RE.match(norm)):
            if not (section == "indicator" and len(rows) > heads and len(rows[-1]) == 1
                    and not LEVEL1_ROW_RE.match(norm)):
                rows.append([token])  # a level-1 cell followed by its level-2 cell stays one row
                needs.append(body if section == "budget" else width - 1 if cells else width)
            else:
                rows[-1].append(token)
                needs[-1] = width
        elif section == "indicator" and not cells and len(rows) > heads and _row_done(rows[-1], tokens[index - 1:]):
            rows.append([token])  # a one-line form: the row ended with its 分值 and 得分, its reason left blank
            needs.append(width)
        elif (section == "indicator" and cells and len(rows) > heads and len(rows[-1]) == needs[-1] - 1
              and _reason_left_out(rows[-1], tokens[index - 1:], width)):
            rows.append([token])  # '|'-rows whose empty last cell was not printed: the next row opens at its name
            needs.append(width - 2)
        elif section and len(rows) > heads and len(rows[-1]) < needs[-1]:
            rows[-1].append(token)
        elif (section == "indicator" and cells and len(rows) > heads and token.text and not _figure(token.text)
              and _opens_rowspan_row(_row_ahead(tokens[index:index + width - 3]))):
            rows.append([token])
            needs.append(width - 2)
        elif FORM_TITLE_RE.search(norm) and len(norm) <= 40 and not (field and len(field) == 1):
            close_field()  # the next form's title ends the last field of the form before it
            close_loose()
            close_table()
            blocks.append(Paragraph(token.text, Location(document=path, line=token.line)))
        elif field and len(field) == 1 and cells and COLUMN_WORD_RE.match(norm):
            # a label followed by another label ('单位名称 |' / '编制数 |'): the header cells of a table, no value
            loose.append(field[0])
            field = []
            loose.append(token)
        elif field and not (cells and any(t.text for t in field[1:])):
            field.append(token)  # a field's value is its next cell, or every word up to the next label
        elif token.text:
            close_table()
            loose.append(token)
    close_field()
    close_loose()
    close_table()
    return blocks
