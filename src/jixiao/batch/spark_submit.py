"""Entry point for `spark-submit` on a cluster: the batch rules over Parquet (a `jixiao batch export` or `generate`
folder on HDFS, S3 or a shared disk), results written by the executors.

    spark-submit --master yarn jixiao/batch/spark_submit.py --input hdfs:///jixiao/2024 --out hdfs:///jixiao/out

Only the driver needs jixiao (it builds the SQL); the executors run Spark SQL alone.
"""

from __future__ import annotations

import argparse

from jixiao.batch import spark
from jixiao.profiles import load_profile


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="jixiao 批量计分与审核（Spark）")
    parser.add_argument("--input", required=True, help="含 projects/ 与 indicators/ 的 Parquet 目录（任意 Spark 可读的 URI）")
    parser.add_argument("--out", required=True, help="输出目录：scores/、findings/")
    parser.add_argument("--profile", default="central", help="地区配置")
    parser.add_argument("--score-only", action="store_true", help="只计分，不审核")
    args = parser.parse_args(argv)
    session = spark.session()
    try:
        spark.score_and_audit(session, args.input, load_profile(args.profile), args.out, not args.score_only)
    finally:
        session.stop()
    print(f"结果已写入 {args.out}（scores/、findings/）")


if __name__ == "__main__":
    main()
