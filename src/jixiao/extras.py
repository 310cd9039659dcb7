"""Optional parts of jixiao and the packages each brings (pyproject's extras). A command that needs a part that is
not installed says so in one Chinese line naming the extra, never with an ImportError."""

from __future__ import annotations

import importlib.util

EXTRAS = {
    "web": ("django", "ninja", "django_htmx", "simple_history", "axes", "argon2", "csp", "whitenoise", "granian",
            "dj_database_url", "psycopg"),
    "documents": ("matplotlib", "weasyprint"),
    "fonts": ("mplfonts",),
    "batch": ("duckdb", "polars", "pyarrow", "sqlglot"),
    "spark": ("pyspark",),
}
_USE = {"web": "网页应用", "documents": "生成 PDF 与图表", "fonts": "文档中文字体", "batch": "批量计分与审核",
        "spark": "Spark 批量计算"}


def missing_extra(extra: str) -> str:
    return f"{_USE[extra]}需要安装可选组件 [{extra}]：pip install 'jixiao[{extra}]'（开发环境运行 make install）"


def require(extra: str) -> str:
    """'' when every package of `extra` is installed, else the Chinese message naming the extra."""
    if all(importlib.util.find_spec(module) is not None for module in EXTRAS[extra]):
        return ""
    return missing_extra(extra)


def extra_for(exc: ModuleNotFoundError) -> str | None:
    """The extra that provides the module an import did not find, or None when it is not an optional package."""
    top = (exc.name or "").split(".")[0]
    return next((extra for extra, modules in EXTRAS.items() if top in modules), None)
