"""Background generation on a queue that survives a restart: a job row records progress while the task worker
(django-tasks' database backend; `jixiao serve` starts one worker, so jobs run one at a time) releases every
document through the gate; released documents go into one zip, held-back ones are listed with their reason.
A running job whose worker stopped touching it is marked failed when anyone next looks at it; finished jobs and
their zip files are deleted after JOB_DAYS."""

from __future__ import annotations

import logging
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from jixiao.store.access import visible_projects
from jixiao.store.documents import selfeval_document
from jixiao.store.errors import ServiceError
from jixiao.store.models import BatchJob, Department, Project

STALE = timedelta(minutes=5)  # one report takes well under a second
JOB_DAYS = 7  # a finished job, its zip file and its queue entry are kept this long


def start_selfeval_reports(department: Department, year: int, actor: Any, background: bool = True) -> BatchJob:
    """Every self-evaluated project of `department` and `year` the actor can see, one Word report each."""
    projects = list(visible_projects(actor).filter(unit__department=department, year=year, executed__gt=0)
                    .values_list("pk", flat=True))
    if not projects:
        raise ServiceError(f"{department.name}{year}年没有可生成自评报告的项目（需有执行数）")
    job = BatchJob.objects.create(kind="selfeval_reports", created_by=actor, total=len(projects),
                                  params={"projects": projects, "department": department.name, "year": year})
    if background:
        run_job.enqueue(job.pk)  # a row in the task queue: the worker picks it up, also after a restart
    else:
        run(job.pk)
    return job


@task()
def run_job(job_id: int) -> None:
    expire_jobs()
    run(job_id)


def expire_jobs(now: Any = None) -> int:
    """Delete finished jobs older than JOB_DAYS with their zip files and queue entries; returns how many."""
    from django_tasks_db.models import DBTaskResult

    cutoff = (now or timezone.now()) - timedelta(days=JOB_DAYS)
    old = BatchJob.objects.filter(status__in=("done", "failed"), finished_at__lt=cutoff)
    for job in old:
        if job.result:
            Path(job.result).unlink(missing_ok=True)
    count, _ = old.delete()
    DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()
    return count


def run(job_id: int) -> None:
    job = BatchJob.objects.get(pk=job_id)
    BatchJob.objects.filter(pk=job_id).update(status="running", heartbeat=timezone.now())
    folder = Path(settings.DATA_DIR) / "jobs"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"job-{job_id}.zip"
    held: list[str] = []
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for n, pk in enumerate(job.params["projects"], start=1):
                project = Project.objects.select_related("unit__department__jurisdiction").get(pk=pk)
                generated = selfeval_document(project, "docx")
                path = generated.path("docx")
                if generated.release.released and path is not None:
                    archive.write(path, path.name)
                else:
                    first = next(iter(generated.release.problems), None)
                    held.append(f"{project.name}：{first.message if first else '读回不一致'}")
                generated.folder.cleanup()
                BatchJob.objects.filter(pk=job_id).update(done=n, heartbeat=timezone.now())
        released = job.total - len(held)
        message = f"已生成 {released} 份，{len(held)} 份未通过发布前审核（须在项目页面逐份处理）"
        if held:
            message += "：\n" + "\n".join(held)
        BatchJob.objects.filter(pk=job_id).update(status="done", message=message, result=str(target),
                                                  finished_at=timezone.now())
    except Exception:  # recorded on the job for the user; the traceback goes to the server log only
        logging.getLogger("jixiao.jobs").exception("job %s failed", job_id)
        BatchJob.objects.filter(pk=job_id).update(status="failed", message="任务出错，已记录日志，请重试或联系管理员",
                                                  finished_at=timezone.now())


def refresh(job: BatchJob) -> BatchJob:
    """Mark a running job failed when its worker has not touched it for a while (the worker died)."""
    if job.status == "running" and timezone.now() - job.heartbeat > STALE:  # a queued job waits its turn
        BatchJob.objects.filter(pk=job.pk, status="running").update(
            status="failed", message="任务因服务重启中断，请重新发起", finished_at=timezone.now())
        job.refresh_from_db()
    return job
