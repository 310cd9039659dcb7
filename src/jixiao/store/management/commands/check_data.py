"""jixiao manage check_data: list stored values outside the bounds the forms enforce (exit status 1 if any)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand

from jixiao.store.bounds import out_of_bounds


class Command(BaseCommand):
    help = "检查数据库中超出字段范围的已存数值与文字（早期版本录入），逐条列出"

    def handle(self, *args: Any, **options: Any) -> None:
        found = list(out_of_bounds())
        for problem in found:
            self.stdout.write(problem.describe())
        if found:
            self.stdout.write(f"共 {len(found)} 处超出范围：请在相应页面更正（页面照常显示这些值）。")
            sys.exit(1)
        self.stdout.write("未发现超出范围的已存数据。")
