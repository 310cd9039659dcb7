"""Units read whole and only from a name (own wording and numbers, one case per layout met in the development corpus): a
kind of body alone ('医院现有…') is no unit; brackets that belong to a name are kept whole ('(本级)', '(管委会)') and a
remark's bracket is never left dangling; the words of a sentence ('主要包括') are no part of a name, so a title line
beats a body sentence; a name after a mirror's spam prefix and a space; a town named alone taken with the one county
the page names. A news agency's story about disclosures (dateline, byline) is refused whatever its headline says,
and a disclosure quoting news-like words is still read. A time indicator's year-end target gives the year."""

from __future__ import annotations

from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from tests.builders import read_text


def _doc(tmp_path, text: str):  # type: ignore[no-untyped-def]
    doc, errors = read_text(tmp_path, text, "page.txt")
    assert doc is not None, errors
    return doc


def test_a_kind_of_body_alone_is_no_unit(tmp_path):
    # a mirror replaced the hospital's name by a brand in Latin letters: only '医院' is left as a sentence's subject
    doc = _doc(tmp_path, "\n".join([
        "目 录",
        "第一部分 Abc888官网概况",
        "第二部分 Abc888官网2031年单位预算表",
        "一、《收支预算总表》",
        "二、《单位收入总表》",
        "第一部分 Abc888官网概况",
        "一、单位主要职责",
        "Abc888官网(以下简称市二院)是全市的公立医院,所属示例市卫生健康委员会。",
        "二、机构设置及人员情况",
        "医院现有开放床位800张,设有临床科室31个,医技科室9个。编制人数共计420人。",
    ]))
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert doc.unit == ""


def test_a_label_keeps_the_scope_bracket_whole(tmp_path):
    doc = _doc(tmp_path, "\n".join([
        "2031年度部门决算",
        "单位名称:示例市示例区方志馆(本级)",
        "目 录",
        "第一部分 2031年度部门决算报表",
        "一、收入支出决算总表",
        "二、收入决算表",
        "第二部分 2031年度部门决算说明",
        "示例区方志馆主要职责:收集和整理地方志资料。",
    ]))
    assert doc.kind is DocumentKind.DISCLOSURE and doc.unit == "示例市示例区方志馆(本级)"


def test_a_remark_in_brackets_is_cut_off_not_left_dangling(tmp_path):
    doc = _doc(tmp_path, "\n".join([
        "2031年度部门决算",
        "单位名称:示例县示例服务中心(以下简称服务中心)",
        "第一部分 2031年度部门决算报表",
        "一、收入支出决算总表",
        "二、收入决算表",
    ]))
    assert doc.unit == "示例县示例服务中心"


def test_a_title_with_the_body_word_in_brackets_names_the_unit(tmp_path):
    # the title over two lines, then a 三公 table one cell per line
    doc = _doc(tmp_path, "\n".join([
        "示例江北先进制造集中区(管委会)2031年",
        "一般公共预算“三公”经费预算",
        "一、2031年一般公共预算“三公”经费支出预算表",
        "单位:万元",
        "“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务", "接待费",
        "小计", "公务用车购置费", "公务用车运行费",
        "120.5", "6", "44.5", "20", "24.5", "70",
        "二、2031年一般公共预算“三公”经费支出预算情况说明",
        "示例江北先进制造集中区(管委会)2031年一般公共预算“三公”经费支出预算为120.5万元。",
    ]))
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert doc.unit == "示例江北先进制造集中区(管委会)"


def test_a_composition_sentence_gives_way_to_the_title_line(tmp_path):
    doc = _doc(tmp_path, "\n".join([
        "示例市示例县图书馆",
        "2031年度部门决算情况说明",
        "一、部门基本情况",
        "(一)职能职责",
        "示例县图书馆是公益一类事业单位。",
        "(三)单位构成",
        "从预算单位构成看,纳入本部门2031年度决算编制的二级预算单位主要包括示例县图书馆。",
        "二、部门决算情况说明",
        "1.总体情况。2031年度收入总计310.42万元,支出总计310.42万元。",
    ]))
    assert doc.kind is DocumentKind.DISCLOSURE and doc.unit == "示例市示例县图书馆"


def test_a_name_after_a_spam_prefix_and_a_space(tmp_path):
    doc = _doc(tmp_path, "\n".join([
        "目 录",
        "第一部分 2031年度部门预算情况说明",
        "第二部分 2031年度部门预算报表",
        "一、收支总表",
        "二、收入总表",
        "第一部分 2031年部门预算情况说明",
        "一、部门情况说明",
        "(一)本部门性质、职责等情况",
        "好运大厅 示例区人民法院是国家的审判机关,性质为国家行政单位。",
        "(二)机构设置情况",
        "内设9个部门。",
    ]))
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.unit == "示例区人民法院"


TOWN = [
    "示例镇2031年三公”经费支出说明",
    "一、因公出国(境)经费",
    "2031年因公出国(境)费0万元,与2030年决算数持平。",
    "二、公务接待费",
    "2031年公务接待费3.20万元,较2030年决算数下降4.1%。",
]


def test_a_town_named_alone_takes_the_one_county_the_page_names(tmp_path):
    doc = _doc(tmp_path, "\n".join([*TOWN, "示例县人民政府主办 示例县数据局承办"]))
    assert doc.kind is DocumentKind.DISCLOSURE and doc.unit == "示例县示例镇"


def test_a_town_stays_as_printed_without_one_county(tmp_path):
    assert _doc(tmp_path, "\n".join(TOWN)).unit == "示例镇"
    both = "\n".join([*TOWN, "示例县人民政府主办", "根据示例区人民政府通知"])
    assert _doc(tmp_path, both).unit == "示例镇"


NEWS = [
    "示例新闻网 财经频道",
    "财经 > 滚动新闻 > 正文",
    "2031年中央部门预算公开启动 约百家中央部门将晒账本",
    "发布时间:2031-04-02 09:30:11  来源:示例网  责任编辑:王五",
    "  示例社北京4月2日电(记者张三、李四)2日,财政部对外公开其2031年部门预算。据悉,今年报送审议的中央部门预算共计"
    "102个,将陆续向社会公开。",
    "  如财政部,2031年预算安排的“三公”经费为5120.36万元,与上年持平。",
]


def test_a_news_story_about_disclosures_is_refused(tmp_path):
    doc, errors = read_text(tmp_path, "\n".join(NEWS), "page.txt")
    assert doc is None
    assert any("新闻报道" in e.message and "电头或记者署名" in e.message for e in errors)


def test_a_headline_about_all_departments_decides_no_kind_without_a_byline():
    text = "\n".join(line for line in NEWS if "电(" not in line) + "\n据悉,各部门还将公开机关运行经费。"
    found = detect(text, preamble=("来源:示例日报",))
    assert found.kind is None and "新闻报道" in found.hint


def test_a_disclosure_quoting_news_like_words_is_still_read(tmp_path):
    doc = _doc(tmp_path, "\n".join([
        "示例县档案馆2031年度部门决算公开说明",
        "一、部门基本情况",
        "据了解,本馆2031年接待查档群众1200人次,新闻记者采访2次。",
        "二、收入支出决算总体情况说明",
        "2031年度收入总计210.00万元,支出总计210.00万元。",
        "责任编辑:赵六",
    ]))
    assert doc.kind is DocumentKind.DISCLOSURE and doc.unit == "示例县档案馆" and doc.year == 2031


def test_a_time_indicator_target_at_the_year_end_gives_the_year():
    text = ("示例驿站补助资金到位率绩效目标值为100%,(二)项目绩效目标完成情况1.产出目标完成情况(1)时效目标:补助资金到位"
            "时间绩效目标值是2031年12月前,实际完成值为2031年12月前,目标完成率为100%,(2)成本目标:项目资金投入绩效目标值是"
            "8万元,实际完成值为8万元,目标完成率为100%,总得分92")
    assert detect(text).year == 2031


def test_a_schedule_in_a_sentence_gives_no_year():
    text = ("一、绩效自评工作开展情况 按照通知要求,我中心对示例小区改造项目开展了自评。二、项目实施情况 "
            "项目于2030年9月竣工结算,余下工程计划2031年12月前完工。")
    assert detect(text).year is None
