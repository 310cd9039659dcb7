"""The batch results page (finance only): per-department summary and findings by rule of the latest
`jixiao batch audit` run over the application database, narrowed to the finance office's jurisdiction."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from jixiao.config import get_settings
from jixiao.store.access import account_of
from jixiao.store.batch_results import scoped_results
from jixiao.web.views.common import page, refuse

LIMIT = 200


@login_required
def batch_results(request: HttpRequest) -> HttpResponse:
    account = account_of(request.user)
    if account is None or account.role != "finance":
        return refuse(request, "只有财政部门可查看批量审核结果。", status=403)
    rule = request.GET.get("rule", "")[:120]
    number = request.GET.get("page", "1")
    if not number.isdigit() or not 0 < int(number) < 10**9:
        return refuse(request, f"页码“{number[:20]}”不是正整数。", status=400)
    current = int(number)
    results = scoped_results(get_settings().resolved_batch_results, request.user, rule, LIMIT, (current - 1) * LIMIT)
    if results is not None and rule and rule not in {r.rule for r in results.rules}:
        return refuse(request, f"本辖区的批量审核结果中没有规则“{rule}”的问题。", status=404)
    pages = max(1, -(-results.selected_total // LIMIT)) if results is not None else 1
    if current > pages:
        return refuse(request, f"规则“{rule}”的问题只有 {pages} 页。", status=404)
    return page(request, "web/batch_results.html", {"results": results, "rule": rule, "limit": LIMIT,
                                                     "current": current, "pages": pages,
                                                     "first": (current - 1) * LIMIT + 1,
                                                     "last": (current - 1) * LIMIT + len(results.findings) if results else 0})
