"""A list of attachments ('附件：1.…报告 2.…报告'): titles of documents that are not in the text.

A list's entries name reports and forms ('附 件：1.某厅2020年度部门整体支出绩效自评报告'), but none of them is
present: an entry is not the title of a report, a project or the document itself. The heading of an attachment
that is printed below it ('附件1：项目支出绩效自评表', then the form) is not a list and is not taken here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The line opening the list: '附件：', '附 件:1.…' — a colon and no number of its own ('附件1：' heads one attachment).
_OPENING_RE = re.compile(r"^\s*附\s*件\s*[：:]\s*")
# An entry numbered '1.', '1、', '1．', '(1)', '（1）' — its number; a year may follow it ('2.2020年度…报告'), so the
# entries are told by their numbers following on, not by what comes after the number.
_ENTRY_RE = re.compile(r"^\s*(?:[（(]\s*(\d{1,2})\s*[)）]|(\d{1,2})\s*[.、．])\s*\S")


def _number(text: str) -> int | None:
    match = _ENTRY_RE.match(text)
    return int(match.group(1) or match.group(2)) if match else None


def attachment_lines(texts: Sequence[str]) -> set[int]:
    """The indices of the lines (paragraphs) that are entries of a list of attachments: the opening line and the
    entries numbered on from it ('附件：1.A' then '2.B', '3.C'; or '附件：' alone then '1.A', '2.B'), when the list
    numbers two entries or more or ends the text. An entry followed by other text ('附件：1.某自评表' then the form)
    may head the attachment printed below it, and is not taken."""
    found: set[int] = set()
    for index, text in enumerate(texts):
        opening = _OPENING_RE.match(text)
        if opening is None:
            continue
        rest = text[opening.end():]
        numbered = _number(rest) is not None
        single = bool(rest.strip()) and not numbered  # one attachment named without a number: no entries follow
        expected = (_number(rest) or 0) + 1
        entries = [index]
        following = [i for i in range(index + 1, len(texts)) if texts[i].strip()]
        for at in following:
            if single or _number(texts[at]) != expected:
                break
            entries.append(at)
            expected += 1
        listed = len(entries) - (0 if numbered else 1)  # entries numbered, the opening line's own included
        ends_text = len(following) == len(entries) - 1
        if listed >= 2 or (ends_text and (listed >= 1 or single)):
            found.update(entries)
    return found
