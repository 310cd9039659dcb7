"""`jixiao serve` (production server: granian, WSGI) and `jixiao manage …` (Django management)."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

import typer

from jixiao.cli import app
from jixiao.cli.common import fail


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def check_port(host: str, port: int) -> None:
    """Refuse, with one Chinese line and exit status 2, a port something already listens on (a second
    `jixiao serve` or `make demo` must not start a second server)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror:
        fail(f"无法解析监听地址“{host}”")
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port in TIME_WAIT is free to use
        try:
            probe.bind((host, port))
        except OSError:
            fail(f"端口 {port} 已被占用（可能已有 jixiao 服务在运行），未启动新服务；请先停止它，或用 --port 指定其他端口")


def _log_file() -> logging.Logger:
    """The server's records (granian's and every worker's) copied to data/logs/jixiao.log, rotated at 5 MB."""
    from django.conf import settings

    folder = Path(settings.DATA_DIR) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("jixiao.serve.file")
    logger.propagate = False
    if not logger.handlers:
        logger.addHandler(RotatingFileHandler(folder / "jixiao.log", maxBytes=5_000_000, backupCount=5,
                                              encoding="utf-8"))
    logger.setLevel(logging.INFO)
    return logger


def _copy_output(stream: IO[bytes], log: logging.Logger) -> None:
    """One writer for the log file: each line the server processes print goes to stderr and to the file."""
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace").rstrip("\n")
        print(line, file=sys.stderr, flush=True)
        log.info(line)


def run_until_signalled(commands: list[list[str]], log: logging.Logger) -> int:
    """Start the server processes, each in its own process group, and stop them all on SIGTERM or SIGINT (or
    when one of them ends). Returns 0 after a requested stop, else the status of the process that ended."""
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"}) for command in commands]
    copiers = [threading.Thread(target=_copy_output, args=(c.stdout, log), daemon=True) for c in children]
    for t in copiers:
        t.start()
    stopping = threading.Event()

    def stop(signum: int, frame: object) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        while not stopping.is_set() and all(c.poll() is None for c in children):
            stopping.wait(0.2)
        ended = next((c.returncode for c in children if c.returncode is not None), None)
        for child in children:
            _stop(child)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    for t in copiers:
        t.join(timeout=2)
    return 0 if stopping.is_set() or not ended else ended


def _stop(child: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the child's whole process group (granian's workers too); SIGKILL after 10 s."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if child.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=wait)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)  # anything of the group still left


def serve(host: str, port: int, workers: int = 2) -> None:
    """Collect static files, migrate, and run granian and one background-job worker in the foreground until
    SIGTERM/SIGINT."""
    check_port(host, port)
    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    log = _log_file()
    granian = [sys.executable, "-m", "granian", "--interface", "wsgi", "--host", host, "--port", str(port),
               "--workers", str(workers), "jixiao.web.wsgi:application"]
    worker = [sys.executable, "-m", "jixiao", "manage", "db_worker", "--no-startup-delay"]  # background jobs
    status = run_until_signalled([granian, worker], log)
    if status:
        fail(f"网页服务异常退出（状态 {status}），详见日志 {Path(log.handlers[0].baseFilename)}",  # type: ignore[attr-defined]
             code=status if 0 < status < 256 else 1)


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
