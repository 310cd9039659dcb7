"""No command-line or English words in any page, message or admin label: every page reachable from each demo
role's dashboard (following the pages' own links), the admin, and the error pages and messages, with visible text
and the labels people read (title, placeholder, aria-label, button values) checked for Latin words outside an
allow-list."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from jixiao.store.models import MonitoringWarning, Project, SelfEvaluationRecord

# Names people use in Chinese texts too (formats, products, the interface) and the product's own name.
ALLOWED = {"API", "Word", "PDF", "Excel", "JSON", "CSV", "UTF", "ID", "jixiao", "HTTPS", "KM", "km", "m", "kg",
           "t", "MB",
           "Authorization", "Bearer"}  # the literal header an API client sends, shown on the token page
LATIN = re.compile(r"[A-Za-z]{2,}")
SKIP_PREFIXES = ("/api/", "/logout/", "/static/", "/documents/", "/jobs/", "/admin/")  # admin: its own test
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
ROLES = ("demo_unit", "demo_department", "demo_finance", "demo_evaluator", "demo_admin")


class _Text(HTMLParser):
    """Visible text and read attributes; links to follow."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "style"):
            self._hidden += 1
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        self.parts.extend(values[a] or "" for a in READ_ATTRIBUTES if values.get(a))
        if tag == "input" and values.get("type") in ("submit", "button"):
            self.parts.append(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def latin_words(html: str, data_words: set[str]) -> set[str]:
    parser = _Text()
    parser.feed(html)
    return {w for w in LATIN.findall(" ".join(parser.parts)) if w not in ALLOWED and w not in data_words}


def _links(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.links


def _data_words() -> set[str]:
    """Latin letters that come from the data itself (usernames, project codes), not from the pages."""
    from django.contrib.auth.models import User

    from jixiao.store.models import Indicator, IndicatorTemplate, Jurisdiction

    words = set()
    for text in [*User.objects.values_list("username", flat=True), *Project.objects.values_list("code", flat=True),
                 *Project.objects.values_list("name", flat=True), *Jurisdiction.objects.values_list("code", flat=True),
                 *(t for row in Indicator.objects.values_list("name", "target", "actual") for t in row),
                 *(t for row in IndicatorTemplate.objects.values_list("name", "unit", "typical_target") for t in row)]:
        words.update(LATIN.findall(text or ""))
    return words


@pytest.fixture
def demo(db):
    from jixiao.cli.demo import demo_document
    from jixiao.store.demo import load_demo

    load_demo(demo_document())
    return _data_words()


def _crawl(client: Client, start: str, limit: int = 160) -> dict[str, tuple[int, str]]:
    seen: dict[str, tuple[int, str]] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = urldefrag(queue.pop(0)).url
        if url in seen or not url.startswith("/") or url.startswith(SKIP_PREFIXES) or "format=" in url:
            continue
        response = client.get(url)
        body = response.content.decode() if "html" in response.get("Content-Type", "") else ""
        seen[url] = (response.status_code, body)
        for link in _links(body):
            parts = urlsplit(link)
            if not parts.netloc:
                target = (parts.path or urlsplit(url).path) + (f"?{parts.query}" if parts.query else "")
                # One page per list filter value is enough: keep the path plus at most one query parameter.
                if target.count("&") == 0:
                    queue.append(target)
    return seen


@pytest.mark.parametrize("username", ROLES)
def test_every_page_a_role_reaches_is_chinese(demo, username):
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    pages = _crawl(client, "/dashboard/")
    assert len(pages) >= 5
    leaks = {url: words for url, (_, body) in pages.items() if (words := latin_words(body, demo))}
    assert not leaks, leaks
    assert all(status < 500 for status, _ in pages.values()), {u: s for u, (s, _) in pages.items() if s >= 500}


def test_the_admin_is_chinese(demo):
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username="demo_admin"))
    index = client.get("/admin/").content.decode()
    assert "分类科目s" not in index and "Access attempts" not in index and "AXES" not in index
    pages = {"/admin/": index}
    for link in _links(index):
        if link.startswith("/admin/store/") and link.count("/") == 4:  # every list
            pages[link] = client.get(link).content.decode()
    assert len(pages) >= 6
    # Django's own admin vocabulary is translated; anything Latin left is ours.
    leaks = {url: words for url, body in pages.items() if (words := latin_words(body, demo))}
    assert not leaks, leaks


def _post_only_urls() -> list[str]:
    project = Project.objects.first()
    warning = MonitoringWarning.objects.first()
    return [f"/projects/{project.pk}/act/", f"/projects/{project.pk}/goal/check/", "/results/suggestions/1/",
            "/results/rectifications/1/", f"/monitoring/warnings/{warning.pk if warning else 1}/act/",
            "/departments/1/reports/"]


def test_error_pages_and_messages_are_chinese(demo):
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username="demo_finance"))
    bodies = {}
    for url in _post_only_urls():
        response = client.get(url)
        assert response.status_code == 405 and "只接收表单提交" in response.content.decode(), url
        bodies[f"GET {url}"] = response.content.decode()
    bodies["404"] = client.get("/projects/999999/").content.decode()
    unit = Client()
    unit.force_login(User.objects.get(username="demo_unit"))
    bodies["403"] = unit.get(reverse("warning_board")).content.decode()
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(User.objects.get(username="demo_unit"))
    bodies["csrf"] = csrf.post(reverse("project_new"), {}).content.decode()
    leaks = {k: words for k, body in bodies.items() if (words := latin_words(body, demo))}
    assert not leaks, leaks


def test_upload_errors_are_chinese_and_name_no_command_line_option(demo, tmp_path):
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.ingest.pipeline import load_document

    unknown = tmp_path / "notes.txt"
    unknown.write_text("今天天气很好。\n", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    messages = [str(e) for path in (unknown, broken) for e in load_document(path)[1]]
    assert messages and not any("--" in m for m in messages)
    assert not any(latin_words(m, {"notes", "txt", "broken", "pdf"}) for m in messages), messages  # file names
    client = Client()
    client.force_login(User.objects.get(username="demo_unit"))
    project = Project.objects.filter(unit__code="701001", status="approved", scope="project").first()
    SelfEvaluationRecord.objects.filter(project=project).delete()  # the demo self-evaluates them all: reopen one
    response = client.post(reverse("selfeval", args=[project.pk]),
                           {"document": SimpleUploadedFile("broken.pdf", broken.read_bytes())}, follow=True)
    page = response.content.decode()
    assert "导入未完成" in page and not latin_words(page, demo | {"broken", "pdf"})  # the file's name
    department = Client()
    department.force_login(User.objects.get(username="demo_department"))
    dept_pk = Project.objects.filter(unit__code="701001").first().unit.department_id
    response = department.post(reverse("department_overview", args=[dept_pk]),
                               {"ledger": SimpleUploadedFile("ledger.json", b"{not json")}, follow=True)
    page = response.content.decode()
    assert "台账未保存" in page and "第 1 行" in page and not latin_words(page, demo | {"ledger", "json"})
