"""`jixiao demo`: create the SQLite database, load the demo data, print the accounts and serve the web UI."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli.common import console, fail
from jixiao.cli.score import print_table, score_documents
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

DEMO_DOCUMENT = "selfeval_demo.txt"


def demo_document() -> Path:
    return Path(str(files("jixiao.data").joinpath("demo", DEMO_DOCUMENT)))


@app.command("demo")
def demo_command(
    serve_web: bool = typer.Option(True, "--serve/--no-serve", help="准备好数据后是否启动网页服务"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """运行演示：重算演示自评文档，建库并载入演示数据，打印登录账户，启动网页服务。"""
    from jixiao.cli.serve import check_port, django_setup, serve

    if serve_web:
        check_port("127.0.0.1", port)  # a second `make demo` stops here, before touching the database
    path = demo_document()
    doc, errors = load_document(path)
    assert doc is not None, errors
    for doc_, results in score_documents([doc], load_profile("central")):
        print_table(doc_, results)
    django_setup()
    from django.core.management import call_command

    from jixiao.store.demo import DEMO_PASSWORD, foreign_data, load_demo

    call_command("migrate", interactive=False, verbosity=0)
    if (found := foreign_data()) is not None:
        fail(f"数据库中已有非演示数据（如{found}）：演示账户的密码是公开的，不能写入正式数据库。"
             "请为演示另设 JIXIAO_DATA_DIR 或 JIXIAO_DATABASE_URL")
    accounts = load_demo(path)
    console.print(f"\n演示数据已载入。网址：http://127.0.0.1:{port}/  密码均为 {DEMO_PASSWORD}")
    for username, role, scope in accounts:
        console.print(f"  {username:<16} {role:<8} {scope}", highlight=False)
    if serve_web:
        serve("127.0.0.1", port)
