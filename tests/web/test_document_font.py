"""Without a CJK font a PDF download is blocked by one clear cause, not by read-back differences."""

from __future__ import annotations

from jixiao.render import fonts, release


def test_pdf_download_without_a_font_names_the_font(client, world, monkeypatch):
    monkeypatch.setattr(release, "unavailable", fonts.missing_font_hint)
    client.force_login(world["accounts"]["unit"].user)
    response = client.get(f"/documents/selfeval/{world['projects']['国库项目'].pk}/?format=pdf")
    page = response.content.decode()
    assert response.status_code == 409
    assert page.count('<li class="error">') == 1 and "未找到中文字体" in page
    assert "读回结果不同" not in page and "无法识别" not in page
