"""Under /api/, the answers Django gives before any endpoint runs — no such path (404), a method the path does not
take (405) — in the API's form: `{"code": "...", "detail": "中文"}`."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

METHOD_NAMES = {"GET": "GET（读取）", "POST": "POST（提交）", "PUT": "PUT（保存）", "DELETE": "DELETE（删除）",
                "PATCH": "PATCH（修改）"}


class ApiErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 404:
            return JsonResponse({"code": "not_found", "detail": "没有这个接口，请查看 /api/docs 中的接口列表"},
                                status=404)
        if response.status_code == 405:
            allowed = [m.strip() for m in response.get("Allow", "").split(",") if m.strip()]
            names = "、".join(METHOD_NAMES.get(m, m) for m in sorted(allowed))
            answer = JsonResponse({"code": "method_not_allowed",
                                   "detail": f"该接口不支持 {request.method[:10]} 方法（可用：{names or '无'}）"},
                                  status=405)
            answer["Allow"] = ", ".join(sorted(allowed))
            return answer
        return response
