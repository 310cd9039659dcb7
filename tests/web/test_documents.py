"""Download buttons go through the release gate: a warning needs a written explanation stored with the document,
after which the Word file downloads and reads back with the computed score; an error blocks the download with its
reasons; nobody downloads what they cannot see."""

from __future__ import annotations

from io import BytesIO

import docx

from jixiao.store.models import ReleaseExplanation


def test_an_error_blocks_the_download_with_its_reason(client, world):
    client.force_login(world["accounts"]["unit"].user)
    response = client.get(f"/documents/selfeval/{world['projects']['国库项目'].pk}/?format=docx")
    page = response.content.decode()
    assert response.status_code == 409 and "不能发布" in page and "指标分值合计 10，应为 90" in page


def test_selfeval_report_needs_explanations_then_downloads(client, world, submitted_ready):
    client.force_login(world["accounts"]["unit"].user)
    pk = submitted_ready.pk
    blocked = client.get(f"/documents/selfeval/{pk}/?format=docx")
    page = blocked.content.decode()
    assert blocked.status_code == 409 and "须逐条书面说明" in page
    fingerprints = [part.split('"')[0] for part in page.split('name="explain_')[1:]]
    assert fingerprints
    response = client.post(f"/documents/selfeval/{pk}/?format=docx", {
        "document": f"selfeval:{pk}", **{f"explain_{f}": "资金紧张，已在下年度调整" for f in fingerprints}})
    assert response.status_code == 302
    assert ReleaseExplanation.objects.filter(document=f"selfeval:{pk}").count() == len(fingerprints)
    download = client.get(f"/documents/selfeval/{pk}/?format=docx")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(BytesIO(b"".join(download.streaming_content))).paragraphs)
    assert "国库项目" in text and "63.16%" in text


def test_documents_of_others_are_404_and_summary_is_finance_only(client, world):
    client.force_login(world["accounts"]["unit"].user)
    assert client.get(f"/documents/selfeval/{world['projects']['公路项目'].pk}/").status_code == 404
    assert client.get("/documents/summary/?year=2024").status_code == 403
    client.force_login(world["accounts"]["finance"].user)
    assert client.get("/documents/summary/?year=2024&format=exe").status_code == 400


def test_work_summary_from_records_downloads_for_finance(client, world):
    client.force_login(world["accounts"]["finance"].user)
    response = client.get("/documents/summary/?year=2024&format=docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(BytesIO(b"".join(response.streaming_content))).paragraphs)
    assert "甲县" in text and "预算绩效管理工作开展情况" in text
