"""jixiao manage load_codes FILE.csv --year 2025 --kind function|economic"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jixiao.store.errors import ServiceError
from jixiao.store.masterdata import load_codes_file


class Command(BaseCommand):
    help = "从 CSV（列：code,name）导入某年度的支出功能分类或经济分类科目（整份替换，全部成功或全部不导入）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--kind", choices=["function", "economic"], required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = load_codes_file(options["file"], options["year"], options["kind"])
        except ServiceError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已导入 {count} 个科目（{options['year']} 年，{options['kind']}）")
