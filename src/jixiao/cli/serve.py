"""`jixiao serve` (production server: granian, WSGI) and `jixiao manage …` (Django management)."""

from __future__ import annotations

import os
import subprocess
import sys

import typer

from jixiao.cli import app


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def serve(host: str, port: int, workers: int = 2) -> None:
    """Collect static files, migrate, and run granian in the foreground."""
    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    subprocess.run([sys.executable, "-m", "granian", "--interface", "wsgi", "--host", host, "--port", str(port),
                    "--workers", str(workers), "jixiao.web.wsgi:application"], check=False)


@app.command("serve")
def serve_command(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
                  workers: int = typer.Option(2, "--workers")) -> None:
    """启动网页服务（granian）。"""
    serve(host, port, workers)


@app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage_command(ctx: typer.Context) -> None:
    """运行 Django 管理命令，例如 jixiao manage migrate。"""
    django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jixiao manage", *ctx.args])
