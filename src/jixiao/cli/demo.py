"""`jixiao demo`: create the SQLite database, load the demo data, print the accounts and serve the web UI."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli.common import console, counting_bar, fail
from jixiao.cli.score import print_table, score_documents
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

DEMO_DOCUMENT = "selfeval_demo.txt"
PROVINCE_PROJECTS = 50_000


def demo_document() -> Path:
    return Path(str(files("jixiao.data").joinpath("demo", DEMO_DOCUMENT)))


@app.command("demo")
def demo_command(
    serve_web: bool = typer.Option(True, "--serve/--no-serve", help="准备好数据后是否启动网页服务"),
    port: int = typer.Option(8000, "--port"),
    size: str = typer.Option("county", "--size", help="演示规模：county 为一个县（数百个项目）；province 为一个省"
                             "（省本级、各市、各县，默认五万个项目，批量写入），另含该县"),
    projects: int = typer.Option(PROVINCE_PROJECTS, "--projects", min=1, max=500_000,
                                 help="省级演示的项目数（规模为 province 时有效，测试和压测可取较小的数）"),
) -> None:
    """运行演示：重算演示自评文档，建库并载入演示数据，打印登录账户，启动网页服务。"""
    from jixiao.cli.serve import check_port, django_setup, serve

    if size not in ("county", "province"):
        fail(f"演示规模“{size}”无效，应为 county（一个县）或 province（一个省）")
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
    if size == "province":
        accounts += load_province_with_progress(projects)
    console.print(f"\n演示数据已载入。网址：http://127.0.0.1:{port}/  密码均为 {DEMO_PASSWORD}")
    for username, role, scope in accounts:
        console.print(f"  {username:<16} {role:<8} {scope}", highlight=False)
    if size == "province":
        console.print("  省级演示中每个单位、部门和辖区财政另有账户：u、d、f 加单位、部门或辖区代码"
                      "（如 uYL00801001、dYL00801、fYL0101），密码相同", highlight=False)
    if serve_web:
        serve("127.0.0.1", port)


def load_province_with_progress(projects: int) -> list[tuple[str, str, str]]:
    """The province demo written in batches under a progress bar, with the time it took."""
    import time

    from jixiao.store.demo_province import load_province, province_loaded

    if province_loaded():
        console.print("省级演示数据已在库中，未重复写入。")
        return load_province(projects)
    started = time.monotonic()
    with counting_bar("写入省级演示项目") as bar:
        task = bar.add_task("", total=projects)
        rows = load_province(projects, progress=lambda done: bar.update(task, completed=done))
    console.print(f"省级演示：{projects:,} 个项目，用时 {time.monotonic() - started:.1f} 秒。", highlight=False)
    return rows
