"""Long generation in the background: every self-evaluation report of a department, each through the gate,
progress visible while it runs, released reports zipped, held-back ones listed with their reason."""

from __future__ import annotations

import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jixiao.store.documents import explain, selfeval_document
from jixiao.store.jobs import JOB_DAYS, expire_jobs, start_selfeval_reports
from jixiao.store.models import BatchJob


def explain_all(project, user):
    generated = selfeval_document(project, "docx")
    explain(generated.key, {f.fingerprint: "已说明" for f in generated.release.problems}, user)
    generated.folder.cleanup()


def test_department_reports_job_releases_what_passes_and_lists_the_rest(world, submitted_ready, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    finance = world["accounts"]["finance"].user
    explain_all(submitted_ready, finance)  # the complete goal only had warnings; 预算项目 has an error (10 of 90)
    job = start_selfeval_reports(submitted_ready.unit.department, 2024, finance, background=False)
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 2, 2)
    assert "已生成 1 份，1 份未通过发布前审核" in job.message and "预算项目：指标分值合计 10，应为 90" in job.message
    with zipfile.ZipFile(job.result) as archive:
        assert archive.namelist() == ["国库项目_项目支出绩效自评分析报告.docx"]


@pytest.mark.django_db(transaction=True)
def test_job_runs_in_the_background_and_the_page_shows_progress(client, world, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    finance = world["accounts"]["finance"].user
    client.force_login(finance)
    department = world["projects"]["国库项目"].unit.department
    response = client.post(f"/departments/{department.pk}/reports/", {"year": "2024"})
    assert response.status_code == 302
    job = BatchJob.objects.get()
    # Queued in the database, not run in a thread of the web process: a restart before the worker runs it
    # loses nothing (before: an unbounded daemon thread, gone with the process).
    assert job.status == "queued" and DBTaskResult.objects.get().status == "READY"
    assert "排队中" in client.get(f"/jobs/{job.pk}/").content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the worker `jixiao serve` starts
    job.refresh_from_db()
    assert job.status == "done" and DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "已完成" in page and "2 / 2" in page and "every 1s" not in page  # polling stops when done
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 200
    client.force_login(world["accounts"]["unit"].user)  # nobody else's job
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_a_job_abandoned_by_a_restart_is_marked_failed(client, world):
    finance = world["accounts"]["finance"].user
    job = BatchJob.objects.create(kind="selfeval_reports", created_by=finance, total=3, status="running",
                                  params={"department": "x", "year": 2024})
    BatchJob.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - timedelta(minutes=10))
    client.force_login(finance)
    assert "任务因服务重启中断" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_finished_jobs_expire_with_their_files(world, tmp_path):
    finance = world["accounts"]["finance"].user
    jobs = {}
    for age in (JOB_DAYS + 1, JOB_DAYS - 1):
        result = tmp_path / f"job-{age}.zip"
        result.write_bytes(b"zip")
        jobs[age] = BatchJob.objects.create(kind="selfeval_reports", created_by=finance, status="done",
                                            result=str(result), finished_at=timezone.now() - timedelta(days=age))
    assert expire_jobs() == 1  # before: zip files were never deleted
    assert not (tmp_path / f"job-{JOB_DAYS + 1}.zip").exists() and (tmp_path / f"job-{JOB_DAYS - 1}.zip").exists()
    assert list(BatchJob.objects.values_list("pk", flat=True)) == [jobs[JOB_DAYS - 1].pk]
