"""Optional parts: a command that needs an extra that is not installed says which, in one Chinese line."""

from __future__ import annotations

import sys

import pytest

from jixiao import cli, extras


def test_each_optional_package_maps_to_its_extra():
    assert extras.extra_for(ModuleNotFoundError(name="django.db")) == "web"
    assert extras.extra_for(ModuleNotFoundError(name="weasyprint")) == "documents"
    assert extras.extra_for(ModuleNotFoundError(name="duckdb")) == "batch"
    assert extras.extra_for(ModuleNotFoundError(name="pyspark.sql")) == "spark"
    assert extras.extra_for(ModuleNotFoundError(name="nosuchthing")) is None
    assert extras.require("batch") == ""  # the test environment installs every extra


def test_a_missing_extra_is_named_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setitem(extras.EXTRAS, "batch", ("jixiao_not_installed_anywhere",))
    assert "[batch]" in extras.require("batch") and "pip install 'jixiao[batch]'" in extras.require("batch")

    def serve() -> None:
        raise ModuleNotFoundError("No module named 'granian'", name="granian")

    cli._register()  # the commands attach to the real app before it is replaced
    monkeypatch.setattr(cli, "app", serve)
    monkeypatch.setattr(sys, "argv", ["jixiao", "serve"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.strip() == f"错误：{extras.missing_extra('web')}"
    assert "Traceback" not in err
