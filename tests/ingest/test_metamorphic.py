"""Metamorphic tests of the readers (tests/metamorph.py): consistent documents of this project's own wording — the
carriers package and form, the builders package, and five layouts met in published documents (a lone 三公 section
with its table, a 情况说明 page, a 项目支出绩效自评表 copied one cell per line, a 部门整体支出绩效自评报告, a 预算公开's
收支总表) — each transformed in ways that keep its meaning. Whatever the transformation, jixiao reads the same kind,
unit, year, typed tables (values in yuan), claims and forms, applies the same checks and finds the same: nothing on
the documents as written, and on the version with one planted fault the fault, at the same place."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.metamorph import TRANSFORMS, Reading, Transform, applies, documents, reading, render

CENTRAL = load_profile("central")
DOCS = documents()
BY_NAME = {t.name: t for t in TRANSFORMS}

def _cases(xfail: dict[tuple[str, str], str]) -> list:
    return [pytest.param(name, t.name, id=f"{name}-{t.name}",
                         marks=[pytest.mark.xfail(strict=True, reason=xfail[(name, t.name)])]
                         if (name, t.name) in xfail else [])
            for name, doc in DOCS.items() for t in TRANSFORMS if applies(doc, t)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("metamorphic")


def _read(folder: Path, text: str, stem: str, yuan: bool = False) -> tuple[Reading, tuple]:
    path = folder / f"{stem}.txt"
    path.write_bytes(text.encode("utf-8"))
    doc, errors = load_document(path)
    assert doc is not None, [str(e) for e in errors]
    result = audit_document(doc, CENTRAL)
    return reading(doc, result, yuan=yuan), result.findings


@cache
def _source(folder: Path, name: str, fault: bool = False, yuan: bool = False) -> tuple[Reading, tuple]:
    return _read(folder, render(DOCS[name], fault=fault), f"{name}{'_fault' if fault else ''}", yuan)


@pytest.mark.parametrize("name", list(DOCS))
def test_each_document_is_consistent_and_its_fault_is_found(name, folder):
    read, findings = _source(folder, name)
    assert read.identity[0] and read.identity[1] and read.identity[2], read.identity
    assert not read.errors
    assert [(f.rule, f.message) for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []
    assert read.tables or read.claims or read.evaluations  # something was read and checked
    faulty, planted = _source(folder, name, fault=True)
    assert faulty.identity == read.identity and faulty.outcomes != read.outcomes
    assert [f for f in planted if f.tier is Tier.ERROR]


def _compare(source: Reading, got: Reading) -> None:
    for field in source.__dataclass_fields__:
        assert getattr(got, field) == getattr(source, field), field


@pytest.mark.parametrize(("name", "transform"), _cases({}))
def test_a_transformation_keeps_what_is_read_and_found(name, transform, folder):
    t: Transform = BY_NAME[transform]
    source, _ = _source(folder, name, yuan=t.yuan)
    got, _ = _read(folder, render(DOCS[name], t), f"{name}-{transform}", t.yuan)
    _compare(source, got)


@pytest.mark.parametrize(("name", "transform"), _cases({}))
def test_a_planted_fault_is_found_alike_whatever_the_transformation(name, transform, folder):
    t: Transform = BY_NAME[transform]
    source, _ = _source(folder, name, fault=True, yuan=t.yuan)
    got, _ = _read(folder, render(DOCS[name], t, fault=True), f"{name}-{transform}-fault", t.yuan)
    assert got.findings == source.findings
