"""Pages in Chinese, scores from the core, the audit trail, login, the demo data and the production server."""

from __future__ import annotations

from decimal import Decimal

from jixiao.store.models import Project, SelfEvaluationRecord
from tests.web.conftest import PASSWORD


def test_login_page_is_chinese_and_wrong_password_says_so(client, world):
    assert "登录" in client.get("/login/").content.decode()
    response = client.post("/login/", {"username": "u_unit", "password": "wrong"})
    assert "用户名或密码不正确" in response.content.decode()


def test_login_then_list(client, world):
    response = client.post("/login/", {"username": "u_unit", "password": PASSWORD}, follow=True)
    assert "项目库" in response.content.decode() and "国库项目" in response.content.decode()


def test_detail_recomputes_by_the_rules_once_self_evaluated(client, world):
    project = world["projects"]["国库项目"]
    client.force_login(world["accounts"]["unit"].user)
    before = client.get(f"/projects/{project.pk}/").content.decode()
    # No self-evaluation yet: no total or grade (the executed amount alone made one up before), goal findings only.
    assert "单位尚未自评，暂无总分和等级" in before and "总分（计算 / 填报）" not in before
    assert "绩效目标质量审核" in before and "按反向规则应得" not in before
    SelfEvaluationRecord.objects.create(project=project, total=Decimal("70.32"), grade="中",
                                        submitted_by=world["accounts"]["unit"].user)
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert "63.16%" in page and "6.32" in page  # 1,182,000 ÷ 1,871,500, by the scoring engine
    assert "按反向规则应得 10 分" in page  # the cost indicator scored 2
    assert "单位尚未自评" not in page


def test_money_is_stored_exactly(world):
    project = Project.objects.get(name="国库项目")
    project.adjusted_budget = Decimal("12345678901234.57")
    project.save()
    assert Project.objects.get(pk=project.pk).adjusted_budget == Decimal("12345678901234.57")


def test_every_change_is_recorded_with_its_user(client, world):
    project = world["projects"]["国库项目"]
    project.name = "国库项目（改）"
    project._history_user = world["accounts"]["unit"].user
    project.save()
    latest = project.history.first()
    assert latest.name == "国库项目（改）" and latest.history_user == world["accounts"]["unit"].user


def test_demo_load_is_idempotent(db):
    from jixiao.cli.demo import demo_document
    from jixiao.store.demo import load_demo

    first = load_demo(demo_document())
    count = Project.objects.count()
    assert load_demo(demo_document()) == first and Project.objects.count() == count >= 9


