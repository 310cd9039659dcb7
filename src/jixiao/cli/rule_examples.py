"""An example message for every rule, produced by a real run: each rule names, in data/rule_examples/examples.toml,
one of the small consistent documents beside it and the fault to plant in it (text replaced); the document is
audited with that fault and the rule's first finding is the example. docs/rules.md prints it, so the catalogue
shows what each rule really says, and a rule whose planted fault no longer fires has no example (a test fails).
"""

from __future__ import annotations

import tempfile
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Finding
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

PACKAGE = "jixiao.data.rule_examples"


@dataclass(frozen=True)
class Example:
    rule: str
    document: str  # file name in data/rule_examples
    replace: tuple[tuple[str, str], ...]  # the planted fault: (text, replacement), applied in order
    cut: tuple[tuple[str, str], ...]  # parts removed first: from a text up to (not including) another
    finding: Finding | None  # the rule's first finding on the faulty document; None when it did not fire


def _read(name: str) -> str:
    return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")


Pairs = tuple[tuple[str, str], ...]


def declared() -> dict[str, tuple[str, Pairs, Pairs]]:
    """rule id → (document, planted replacements, parts cut), as examples.toml declares them."""
    data = tomllib.loads(_read("examples.toml"))
    return {rule: (entry["document"], tuple((old, new) for old, new in entry.get("replace", ())),
                   tuple((start, end) for start, end in entry.get("cut", ()))) for rule, entry in data.items()}


@cache
def _audit(document: str, replace: Pairs, cut: Pairs) -> tuple[Finding, ...]:
    text = _read(document)
    for start, end in cut:
        if start not in text or end not in text:
            raise ValueError(f"rule example: {document} does not contain {start!r} … {end!r}")
        text = text[: text.index(start)] + text[text.index(end):]
    for old, new in replace:
        if old not in text:
            raise ValueError(f"rule example: {document} does not contain {old!r}")
        text = text.replace(old, new, 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / document
        path.write_text(text, encoding="utf-8")
        doc, errors = load_document(path)
        if doc is None:
            raise ValueError(f"rule example: {document} not read: {errors}")
        return audit_document(doc, load_profile("central")).findings


def example(rule: str) -> Example | None:
    """The example of one rule (None when examples.toml declares none)."""
    entry = declared().get(rule)
    if entry is None:
        return None
    document, replace, cut = entry
    found = next((f for f in _audit(document, replace, cut) if f.rule == rule), None)
    return Example(rule, document, replace, cut, found)
