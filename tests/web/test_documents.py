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


def test_key_evaluation_report_is_held_until_the_group_writes_its_text(client, world, submitted_ready):
    """Before: the issued report shipped “【请评价组填写】”. Now the gate blocks the slot and points to the fields
    on the evaluation page; once the group writes them, the report releases with that text."""
    from datetime import date

    from jixiao.profiles import load_profile
    from jixiao.store.evaluation import add_finding, create_evaluation, finalise, framework_of, submit_scores
    from jixiao.store.models import Project

    central = load_profile("central")
    Project.objects.filter(pk=submitted_ready.pk).update(status="approved", executed=1500000)
    project = Project.objects.get(pk=submitted_ready.pk)
    evaluator, finance = world["accounts"]["evaluator"].user, world["accounts"]["finance"].user
    evaluation = create_evaluation(project, [evaluator], finance, "amount")
    submit_scores(evaluation, {path.split("/")[2]: w for path, w in framework_of(evaluation, central).items()},
                  evaluator, central)
    add_finding(evaluation, "funds", "资金支付进度滞后", evaluator)
    finalise(evaluation, date(2026, 1, 10), finance, central)
    url = f"/documents/evaluation/{evaluation.pk}/?format=docx"
    client.force_login(finance)
    blocked = client.get(url)
    page = blocked.content.decode()
    assert blocked.status_code == 409 and "【请评价组填写主要经验及做法】" in page and "【请评价组填写有关建议】" in page
    assert f'href="/evaluations/{evaluation.pk}/#report-text"' in page
    client.force_login(world["accounts"]["unit"].user)  # the unit does not write the evaluation group's text
    refused = client.post(f"/evaluations/{evaluation.pk}/", {"action": "report_text", "experience": "x"}, follow=True)
    assert "只有评价组成员或财政部门可以填写评价报告内容" in refused.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.experience == ""
    client.force_login(evaluator)
    too_long = client.post(f"/evaluations/{evaluation.pk}/", {"action": "report_text", "experience": "长" * 2001},
                           follow=True).content.decode()
    assert "最多 2000 字" in too_long
    client.post(f"/evaluations/{evaluation.pk}/", {"action": "report_text", "experience": "按季度调度资金，台账完整。",
                                                   "advice": "建立支付进度月报制度。"})
    client.force_login(finance)
    released = client.get(url)
    assert released.status_code == 200
    text = "\n".join(p.text for p in docx.Document(BytesIO(b"".join(released.streaming_content))).paragraphs)
    assert "按季度调度资金，台账完整。" in text and "建立支付进度月报制度。" in text and "【请" not in text
