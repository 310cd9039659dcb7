"""Master data: fiscal years, classification codes by year (CSV import), the indicator library. The codes and
library bundled in jixiao/data come from published 2024 documents."""

from __future__ import annotations

import csv
import io
from importlib.resources import files
from pathlib import Path

from django.db import transaction

from jixiao.store.errors import ServiceError
from jixiao.store.models import ClassificationCode, CodeKind, FiscalYear, IndicatorTemplate

BUNDLED_CODE_YEARS = (2024,)


def _rows(text: str, required: tuple[str, ...], name: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in required if c not in (reader.fieldnames or ())]
    if missing:
        raise ServiceError(f"{name}：表头缺少列 {'、'.join(missing)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if any(not (row.get(c) or "").strip() for c in required[:2]):
            raise ServiceError(f"{name}：第 {number} 行缺少 {required[0]} 或 {required[1]}")
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


@transaction.atomic
def load_codes(text: str, year: int, kind: str, name: str = "CSV") -> int:
    """Replace the codes of one year and kind from CSV text with columns code,name (all or nothing)."""
    if kind not in CodeKind.values:
        raise ServiceError(f"未知的科目类别“{kind}”（function 或 economic）")
    rows = _rows(text, ("code", "name"), name)
    bad = [r["code"] for r in rows if not r["code"].isdigit() or len(r["code"]) not in (3, 5, 7)]
    if bad:
        raise ServiceError(f"{name}：科目编码应为 3、5 或 7 位数字：{'、'.join(bad[:5])}")
    ClassificationCode.objects.filter(year=year, kind=kind).delete()
    ClassificationCode.objects.bulk_create([ClassificationCode(year=year, kind=kind, code=r["code"], name=r["name"])
                                            for r in rows])
    return len(rows)


@transaction.atomic
def load_library(text: str, name: str = "CSV") -> int:
    """Add indicator-library entries from CSV (level1,level2,name,operator,unit,typical_target,source); an entry
    with the same level1/level2/name is updated."""
    rows = _rows(text, ("name", "level1", "level2"), name)
    for r in rows:
        IndicatorTemplate.objects.update_or_create(
            level1=r["level1"], level2=r["level2"], name=r["name"],
            defaults={k: r.get(k, "") for k in ("operator", "unit", "typical_target", "source")})
    return len(rows)


def _bundled(path: str) -> str:
    return files("jixiao.data").joinpath(path).read_text(encoding="utf-8")


def load_bundled(current_year: int = 2024) -> None:
    """Idempotent: the bundled codes, library and fiscal years, where not loaded yet."""
    for year in BUNDLED_CODE_YEARS:
        for kind in CodeKind.values:
            if not ClassificationCode.objects.filter(year=year, kind=kind).exists():
                load_codes(_bundled(f"codes/{year}/{kind}.csv"), year, kind, f"{kind}.csv")
    if not IndicatorTemplate.objects.exists():
        load_library(_bundled("indicator_library.csv"), "indicator_library.csv")
    for year in range(current_year - 1, current_year + 2):
        FiscalYear.objects.get_or_create(year=year, defaults={"is_current": year == current_year})


def load_codes_file(path: Path, year: int, kind: str) -> int:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(f"文件 {path.name} 无法读取（请使用 UTF-8 编码的 CSV 文件）") from exc
    return load_codes(text, year, kind, path.name)
