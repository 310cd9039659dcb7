"""jixiao 绩效 — budget performance management."""

__version__ = "0.1.0"
