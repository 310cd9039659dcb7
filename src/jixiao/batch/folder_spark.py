"""The folder audit on Spark: each document read and audited by jixiao.batch.folder.audit_task on an executor (the same
function the process pool runs, so the same results). Local mode here; on a cluster the folder must be on a disk
every executor sees and jixiao installed on the executors. Records stream back to the driver partition by partition
(toLocalIterator), where the state is appended as in the process pool, so an interrupted run resumes the same way."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

from jixiao.batch.folder import Task, audit_task


def results(tasks: list[Task], jobs: int, master: str | None = None) -> Iterator[dict[str, Any]]:
    if not tasks:
        return
    from jixiao.batch import spark

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local executors run this interpreter (and its jixiao)
    session = spark.session(master or f"local[{max(jobs, 1)}]")
    try:
        slices = min(len(tasks), max(jobs, 1) * 8)  # small partitions: records reach the driver (and the state) soon
        rdd = session.sparkContext.parallelize(tasks, slices).map(audit_task)
        yield from rdd.toLocalIterator(prefetchPartitions=True)
    finally:
        session.stop()
