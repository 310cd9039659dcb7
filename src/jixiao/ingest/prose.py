"""Statements of a prose document (results statements, narrative self-evaluations, work summaries)."""

from __future__ import annotations

from jixiao.core.statements import Statement, sentences
from jixiao.ingest.narrative import document_unit, sentence
from jixiao.ingest.source import Paragraph, SourceDocument


def prose_statements(source: SourceDocument) -> tuple[Statement, ...]:
    """Every sentence of every paragraph, with the heading it sits under."""
    section = ""
    unit = document_unit(source)
    found: list[Statement] = []
    for block in source.blocks:
        if not isinstance(block, Paragraph):
            continue
        text = block.clean
        if block.heading_level or (len(text) <= 30 and not text.endswith(("。", "；"))):
            section = text
        found.extend(sentence(part, section, block.location, unit) for part in sentences(text))
    return tuple(found)
