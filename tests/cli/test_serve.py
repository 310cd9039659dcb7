"""`jixiao serve` and `jixiao demo` as processes: a port in use is refused with one Chinese line and status 2
(before the demo touches a database); SIGTERM and SIGINT stop the whole server (granian and its workers), which
logs to stderr and to a rotating file under the data directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "JIXIAO_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    env.pop("JIXIAO_DATABASE_URL", None)
    return env


def listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("command", [["serve"], ["demo"]])
def test_a_port_in_use_is_refused_with_one_chinese_line_and_status_2(tmp_path, command):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "jixiao", *command, "--port", str(port)], env=env_for(tmp_path),
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2  # was 0, after a 145-line English traceback
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"端口 {port} 已被占用" in lines[0] and "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "jixiao.sqlite3").exists()  # the demo stopped before loading anything


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_whole_server_and_it_logged_to_a_file(tmp_path, sig):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--port", str(port), "--workers", "2"],
                              env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        body = ""
        for _ in range(120):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "登录" in body
        server.send_signal(sig)
        assert server.wait(timeout=30) == 0
        for _ in range(20):  # granian and its workers are gone: nothing listens any more
            if not listening(port):
                break
            time.sleep(0.5)
        assert not listening(port)
    finally:
        if server.poll() is None:
            server.kill()
    stderr = server.stderr.read().decode() if server.stderr else ""
    log = (tmp_path / "logs" / "jixiao.log").read_text(encoding="utf-8")
    assert log.strip() and log.splitlines()[0] in stderr  # the same records on stderr and in the file


def test_the_demo_refuses_a_database_that_holds_other_data(tmp_path):
    env = env_for(tmp_path) | {"DJANGO_SUPERUSER_PASSWORD": "a-real-password-1"}
    made = subprocess.run([sys.executable, "-m", "jixiao", "manage", "createsuperuser", "--noinput", "--username",
                           "boss", "--email", "boss@example.org"], env=env, capture_output=True, text=True, timeout=120)
    if made.returncode:  # the database needs its tables first
        subprocess.run([sys.executable, "-m", "jixiao", "manage", "migrate", "-v", "0"], env=env, check=True,
                       timeout=300)
        made = subprocess.run(made.args, env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-m", "jixiao", "demo", "--no-serve"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2 and "已有非演示数据（如账户“boss”）" in done.stderr  # before: demo accounts added
    import sqlite3

    with sqlite3.connect(tmp_path / "jixiao.sqlite3") as db:
        assert db.execute("select count(*) from auth_user where username like 'demo%'").fetchone() == (0,)
