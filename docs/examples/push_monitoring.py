"""把部门的季度监控数据从 Excel 表推送到 jixiao（示例客户端）。

表格（.xlsx）有两张工作表，第一行为表头，列的顺序不限：

  “资金”：项目编码 | 年度 | 期次 | 资金来源 | 截至期末执行数
          （资金来源写“一般公共预算”等；项目只有一个资金来源时可以不填；执行数可写 12.5万元）
  “指标”：项目编码 | 年度 | 期次 | 指标名称 | 截至期末完成值 | 全年预计完成值 | 完成可能性 | 偏差原因 | 纠偏措施
          （完成可能性：确定能、有可能、完全不可能；偏差原因：经费保障、制度保障、人员保障、硬件条件保障、其他）

用法（令牌在 jixiao 的“API 令牌”页面生成，用本单位的账号）：

  set JIXIAO_TOKEN=jx_...        （Linux：export JIXIAO_TOKEN=jx_...）
  python push_monitoring.py 监控数据.xlsx --server https://jixiao.example.gov.cn            预览：只显示将触发的预警
  python push_monitoring.py 监控数据.xlsx --server https://jixiao.example.gov.cn --save     保存

只依赖 openpyxl（pip install openpyxl）。每个项目每一期单独提交；某一行出错时说明原因并继续处理其他项目，
最后返回出错的项目数。
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from typing import Any

from openpyxl import load_workbook

LIKELIHOOD = {"确定能": "certain", "有可能": "possible", "完全不可能": "impossible", "": "certain"}
REASONS = {"经费保障": "funding", "制度保障": "policy", "人员保障": "staff", "硬件条件保障": "hardware", "其他": "other",
           "": ""}
COLOURS = {"red": "红色", "yellow": "黄色", "blue": "蓝色", "green": "绿色"}


class ApiFailure(Exception):
    """jixiao refused a call: its Chinese message (and code)."""


class Client:
    def __init__(self, server: str, token: str) -> None:
        self.server, self.token = server.rstrip("/"), token

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(f"{self.server}/api{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            try:
                error = json.loads(exc.read().decode("utf-8"))
                message = f"{error.get('detail', '')}（{error.get('code', exc.code)}）"
            except ValueError:
                message = f"服务器返回 {exc.code}"
            raise ApiFailure(message) from exc
        except urllib.error.URLError as exc:
            raise ApiFailure(f"无法连接 {self.server}：{exc.reason}") from exc

    def projects(self, year: int) -> dict[str, dict[str, Any]]:
        """Every project of the year this account sees, by 项目编码 (and by name), following the cursor."""
        found: dict[str, dict[str, Any]] = {}
        cursor = ""
        while True:
            query = urllib.parse.urlencode({"year": year, "limit": 200, **({"cursor": cursor} if cursor else {})})
            page = self.call("GET", f"/projects?{query}")
            for project in page["items"]:
                found[project["name"]] = project
                if project["code"]:
                    found[project["code"]] = project
            cursor = page["next_cursor"]
            if not cursor:
                return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(book: Any, title: str, needed: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of one sheet as {表头: 文字}, with the sheet and row number for messages."""
    if title not in book.sheetnames:
        raise SystemExit(f"表格中没有名为“{title}”的工作表（现有：{'、'.join(book.sheetnames)}）")
    rows = book[title].iter_rows(values_only=True)
    header = [_text(h) for h in next(rows, ())]
    missing = [name for name in needed if name not in header]
    if missing:
        raise SystemExit(f"工作表“{title}”缺少列：{'、'.join(missing)}")
    out = []
    for number, values in enumerate(rows, start=2):
        row = {h: _text(v) for h, v in zip(header, values, strict=False) if h}
        if any(row.values()):
            out.append({**row, "_where": f"“{title}”第 {number} 行"})
    return out


def _key(row: dict[str, str]) -> tuple[str, int, int]:
    try:
        return row["项目编码"], int(row["年度"]), int(row["期次"])
    except ValueError:
        raise ApiFailure(f"{row['_where']}：年度“{row['年度']}”或期次“{row['期次']}”不是整数") from None


def build_body(report: dict[str, Any], funds: list[dict[str, str]], indicators: list[dict[str, str]]) -> dict[str, Any]:
    """The request of one project and period from its rows, matched to the ids jixiao gave (funds by 资金来源,
    indicators by name)."""
    by_type = {f["budget_type"]: f["fund_source_id"] for f in report["funds"]}
    by_name = {i["name"]: i["indicator_id"] for i in report["indicators"]}
    body: dict[str, Any] = {"funds": [], "indicators": []}
    for row in funds:
        kind = row.get("资金来源", "")
        if not kind and len(by_type) == 1:
            kind = next(iter(by_type))
        if kind not in by_type:
            raise ApiFailure(f"{row['_where']}：项目没有资金来源“{kind}”（有：{'、'.join(by_type) or '无'}）")
        body["funds"].append({"fund_source_id": by_type[kind], "executed": row.get("截至期末执行数", "") or "0"})
    for row in indicators:
        name = row.get("指标名称", "")
        if name not in by_name:
            raise ApiFailure(f"{row['_where']}：项目没有指标“{name}”")
        likelihood, reason = row.get("完成可能性", ""), row.get("偏差原因", "")
        if likelihood not in LIKELIHOOD or reason not in REASONS:
            raise ApiFailure(f"{row['_where']}：完成可能性“{likelihood}”或偏差原因“{reason}”不是可选的值")
        body["indicators"].append({
            "indicator_id": by_name[name], "progress": row.get("截至期末完成值", ""),
            "expected": row.get("全年预计完成值", ""), "likelihood": LIKELIHOOD[likelihood],
            "deviation_reason": REASONS[reason], "measures": row.get("纠偏措施", "")})
    return body


def push(client: Client, workbook: str, save: bool, out: Any = sys.stdout) -> int:
    """Preview (or save) every project and period of the workbook; returns the number that failed."""
    book = load_workbook(workbook, read_only=True, data_only=True)
    groups: dict[tuple[str, int, int], dict[str, list[dict[str, str]]]] = defaultdict(lambda: {"funds": [], "indicators": []})
    failed = 0
    for sheet, kind, needed in (("资金", "funds", ("项目编码", "年度", "期次", "截至期末执行数")),
                                ("指标", "indicators", ("项目编码", "年度", "期次", "指标名称"))):
        for row in read_sheet(book, sheet, needed):
            try:
                groups[_key(row)][kind].append(row)
            except ApiFailure as exc:
                print(f"错误：{exc}", file=out)
                failed += 1
    projects: dict[int, dict[str, dict[str, Any]]] = {}
    for (code, year, period), rows in sorted(groups.items()):
        try:
            if year not in projects:
                projects[year] = client.projects(year)
            project = projects[year].get(code)
            if project is None:
                raise ApiFailure(f"{year} 年没有编码（或名称）为“{code}”的项目，或本账号无权填报")
            path = f"/projects/{project['id']}/monitoring/{period}"
            body = build_body(client.call("GET", path), rows["funds"], rows["indicators"])
            result = client.call("PUT" if save else "POST", path if save else f"{path}/preview", body)
        except ApiFailure as exc:
            print(f"错误：{code} 第 {period} 期：{exc}", file=out)
            failed += 1
            continue
        warnings = result["warnings"] if not save else [w for w in result["warnings"] if w["cleared_period"] is None]
        verb = "已保存" if save else "预览"
        print(f"{verb}：{project['name']}（{code}）{result['period_label']}，预算执行率 "
              f"{result['execution_rate'] if result['execution_rate'] is not None else '—'}%，"
              f"预警 {len(warnings)} 条", file=out)
        for w in warnings:
            print(f"  {COLOURS.get(w['colour'], w['colour'])}：{w['message']}", file=out)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="把季度监控数据从 Excel 表推送到 jixiao")
    parser.add_argument("workbook", help="监控数据表（.xlsx）")
    parser.add_argument("--server", required=True, help="jixiao 的地址，例如 https://jixiao.example.gov.cn")
    parser.add_argument("--save", action="store_true", help="保存（不加则只预览将触发的预警）")
    args = parser.parse_args(argv)
    token = os.environ.get("JIXIAO_TOKEN", "")
    if not token:
        print("错误：请先把令牌放在环境变量 JIXIAO_TOKEN 中（在 jixiao 的“API 令牌”页面生成）", file=sys.stderr)
        return 2
    failed = push(Client(args.server, token), args.workbook, args.save)
    if failed:
        print(f"有 {failed} 个项目或行未处理，见上面的错误说明。", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
