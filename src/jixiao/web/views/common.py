"""What every page needs: the user's account, and a Chinese error page instead of a traceback."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.store.access import account_of


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, template, {"account": account_of(request.user), **context}, status=status)


def refuse(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return page(request, "web/error.html", {"message": message}, status=status)


def post_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like Django's require_POST, but the refusal is a Chinese page (405) that says where to go instead."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            response = refuse(request, "此地址只接收表单提交，不能直接打开。请回到上一页，使用页面上的按钮操作。",
                              status=405)
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapper


MAX_UPLOAD = 20 * 1024 * 1024


@contextmanager
def saved_upload(upload: UploadedFile, default_name: str) -> Iterator[Path]:
    """An uploaded file on disk under its own base name (the readers go by the suffix), removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name or default_name).name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        yield path
