"""A PDF's lines become paragraphs: a wrapped line joins the sentence it continues, also when it opens with an
amount ('510.00万元。' is no numbered heading) and when the page's end broke the sentence."""

from __future__ import annotations

from jixiao.core.provenance import Location
from jixiao.ingest.pdf import _append
from jixiao.ingest.source import Block, Paragraph

STYLE = (10.5, False)


def _lines(*lines: tuple[int, int, str]) -> list[Block]:
    blocks: list[Block] = []
    for page, line, text in lines:
        _append(blocks, Paragraph(text, Location(document="x.pdf", page=page, line=line)), STYLE, STYLE)
    return blocks


def test_a_wrapped_line_opening_with_an_amount_continues_its_sentence():
    [paragraph] = _lines((2, 1, "压减预算100.00万元，其中：事前评估审减60.00万元，财政集中收回"), (2, 2, "40.00万元。"))
    assert paragraph.text.endswith("财政集中收回40.00万元。")


def test_a_numbered_heading_still_opens_a_paragraph():
    assert len(_lines((1, 1, "全年压减预算100.00万元，主要做法如下"), (1, 2, "1. 加强事前评估。"))) == 2


def test_a_sentence_the_page_end_broke_goes_on_at_the_next_page_top():
    [paragraph] = _lines((1, 30, "全年共收回结转资金"), (2, 1, "35.20万元。"))
    assert paragraph.text == "全年共收回结转资金35.20万元。" and paragraph.location.page == 1
    # not across pages further apart, nor with a line below the next page's first
    assert len(_lines((1, 30, "全年共收回结转资金"), (3, 1, "35.20万元。"))) == 2
    assert len(_lines((1, 30, "全年共收回结转资金"), (2, 2, "35.20万元。"))) == 2
