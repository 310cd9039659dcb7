"""API errors in Chinese with a stable code, and pydantic's validation errors retold in Chinese."""

from __future__ import annotations

from typing import Any

CODES = {400: ("bad_request", "请求无效"), 401: ("unauthenticated", "未登录或令牌无效"),
         403: ("forbidden", "无权执行该操作"), 404: ("not_found", "未找到该对象，或您无权查看"),
         405: ("method_not_allowed", "该接口不支持此请求方法"), 409: ("conflict", "与当前状态冲突"),
         413: ("too_large", "上传的文件过大"), 422: ("invalid", "请求数据无效"),
         500: ("server_error", "系统内部错误")}


class ApiError(Exception):
    """An answer other than success, with its HTTP status, code and Chinese message."""

    def __init__(self, status: int, code: str, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.extra = status, code, detail, extra


def forbidden(detail: str) -> ApiError:
    return ApiError(403, "forbidden", detail)


def not_found(detail: str = "未找到该对象，或您无权查看") -> ApiError:
    return ApiError(404, "not_found", detail)


_PLACES = {"body": "请求体", "query": "查询参数", "path": "路径参数", "form": "表单字段", "file": "上传文件",
           "header": "请求头", "cookie": "Cookie"}


def _message(error: dict[str, Any]) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "value_error":  # our own validators speak Chinese already
        text = str(error.get("msg", ""))
        return text.removeprefix("Value error, ")
    messages = {
        "missing": "必须填写", "int_parsing": "须为整数", "int_type": "须为整数", "int_from_float": "须为整数",
        "float_parsing": "须为数字", "decimal_parsing": "须为数字", "bool_parsing": "须为 true 或 false",
        "bool_type": "须为 true 或 false", "string_type": "须为文本", "date_parsing": "须为日期（格式 2025-06-30）",
        "date_from_datetime_parsing": "须为日期（格式 2025-06-30）", "date_type": "须为日期（格式 2025-06-30）",
        "list_type": "须为列表", "dict_type": "须为对象", "model_type": "须为对象", "json_invalid": "不是有效的 JSON",
        "model_attributes_type": "须为对象", "enum": "取值无效", "literal_error": "取值无效",
        "string_pattern_mismatch": "取值无效", "extra_forbidden": "不是可用的字段", "uuid_parsing": "格式无效",
        "too_short": "条目太少", "decimal_type": "须为数字",
    }
    if kind == "string_too_long":
        return f"最多 {ctx.get('max_length')} 个字"
    if kind == "string_too_short":
        return f"至少 {ctx.get('min_length')} 个字"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind in ("greater_than_equal", "greater_than"):
        return f"须不小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"须不大于 {ctx.get('le', ctx.get('lt'))}"
    return messages.get(kind, "格式无效")


def validation_messages(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each error as {"field": where (Chinese place and the field's path), "message": Chinese}."""
    out = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        place = _PLACES.get(loc[0], "") if loc else ""
        path = ".".join(loc[1:]) if loc and loc[0] in _PLACES else ".".join(loc)
        if loc and loc[0] in _PLACES and len(loc) > 1 and loc[1] in ("payload", "data", "filters"):
            path = ".".join(loc[2:])
        field = f"{place}“{path}”" if path else place
        out.append({"field": field, "message": _message(error)})
    return out or [{"field": "", "message": "格式无效"}]
