"""Names of units: a name without the heading number printed before it; whether one name is another abbreviated."""

from __future__ import annotations

import re

_HEADING_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|\d{1,2}[、.．]"
                             r"|[（(][一二三四五六七八九十\d]{1,3}[)）])")


# A line naming a file rather than titling the text it stands over: a template's or sample's name ('2030年部门决算
# 公开模板', a document site's title for an upload) or a file name ('…单位决算.pdf').
TEMPLATE_NAME = r"范文|样例|模板"
FILE_NAME_RE = re.compile(r"^\s*(\S.{0,79}?)\.(?:pdf|docx?|xlsx?|wps|et)\s*$", re.IGNORECASE)


def names_a_file(line: str) -> bool:
    """Whether a heading-like line is a file's or template's name, not the document's own title."""
    return re.search(TEMPLATE_NAME, line) is not None or FILE_NAME_RE.match(line) is not None


def without_heading_number(name: str) -> str:
    """'二、示例县档案馆', '（一）示例县档案馆' → '示例县档案馆': the heading's number is not part of the name."""
    return _HEADING_NUMBER.sub("", name)


# A body's full ending and the one character it is shortened to: '示例县人大办' for '…人大常委会办公室', '示例三中' for
# '示例市第三中学', '示例二小' for '示例县第二小学'.
_SHORT_ENDINGS = {"办公室": "办", "中学": "中", "小学": "小"}


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is `name` abbreviated ('示例县经科局' for '示例县经济信息化和科技局'): shorter, its characters
    taken in order from the name, ending as the name ends (the same kind of body; '办' stands for '办公室', '中' for
    '中学', '小' for '小学')."""
    ending = next((end for full, end in _SHORT_ENDINGS.items() if name.endswith(full)), name[-1:])
    rest = iter(name)
    return len(short) < len(name) and short[-1:] in (name[-1:], ending) and all(char in rest for char in short)
