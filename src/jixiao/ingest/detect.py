"""What a document is — kind, year, unit — read from its content; the file name is only a hint.

A title in the first lines decides the kind outright; otherwise the kind whose markers occur most in the text
decides, so a fragment (a lone 三公经费 section, one page of a 情况说明, a lone 公开01表, one 自评表) is still
recognised. The Detection carries the evidence (which title or markers matched) for the reading report. The
year is the year reported on (“2023年度部门决算” published in 2024 → 2023), never a publication date, a
document number's year or a regulation's year. What cannot be established is None / "", never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import PurePath

from jixiao.core.model import DocumentKind
from jixiao.core.names import FILE_NAME_RE, TEMPLATE_NAME, abbreviates, without_heading_number
from jixiao.ingest.attachments import attachment_lines
from jixiao.ingest.targetform import ACTUALS_RE, HEADER_RE
from jixiao.ingest.textlayout import metadata_lines

# The first part of a 决算 or 预算 package: '第一部分 (XX局)单位概况'; it counts for both (a 预算 has no 决算 word).
PACKAGE_PART = r"第一部分\s*[：:]?\s*\S{0,30}?(部门|单位)\s*概况"
# A heading of an evaluation's outline printing its points ('一、投入(14分)', '（二）资金落实（6分）'): a unit's own
# evaluation and a commissioned one alike are scored so (it counts for both kinds).
SCORED_HEADING = (r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])[ \t]*[^\n。；\d]{1,20}"
                  r"[（(][ \t]*\d{1,3}(?:\.\d+)?[ \t]*分[ \t]*[)）]")
# (kind, markers): the kind with the most markers present wins; a marker is a regular expression.
_MARKERS: list[tuple[DocumentKind, list[str]]] = [
    (DocumentKind.DISCLOSURE, [r"部门决算|单位决算|决算(?:批复)?公开", r"公开\s*0?\d{1,2}\s*表", r"收入支出决算总表|收支决算总表",
                               r"三公.{0,3}经费.{0,15}决算|决算.{0,15}三公.{0,3}经费", r"决算数", r"决算(总体)?情况(说明)?",
                               r"财政拨款收入支出决算", r"机关运行经费", PACKAGE_PART]),
    (DocumentKind.BUDGET_DISCLOSURE, [r"部门预算|单位预算|预算公开", r"收支预算总表|(?:部门|单位)预算收支总表|收入预算表|支出预算表",
                                      r"三公.{0,3}经费.{0,15}预算|预算.{0,15}三公.{0,3}经费", r"政府采购预算",
                                      r"支出总预算|项目支出预算|基本支出预算", r"收支(总)?预算总体情况|收支总预算",
                                      # a budget's explanation by economic class, and its heading per fund
                                      r"(?:工资福利|商品和服务|对个人和家庭(?:的)?补助|资本性)支出预算",
                                      r"一般公共预算(?:拨款|财政拨款)?支出(?:预算)?情况说明",
                                      PACKAGE_PART]),
    (DocumentKind.SELF_EVALUATION, [r"项目支出绩效自评(分析)?报告|自评表|自评报告", r"预算执行情况",
                                    r"指标完成情况得分|绩效指标完成情况", r"全年执行数|全年预算数", r"一级指标",
                                    r"自评得分|自评结论", r"(产出|效益|满意度)指标", SCORED_HEADING,
                                    r"未完成原因|存在问题.{0,20}改进措施",
                                    r"(部门|单位)(预算)?整体支出[^。]{0,12}(自评|自我评价)|自评[^。]{0,30}(部门|单位)(预算)?整体支出"]),
    (DocumentKind.KEY_EVALUATION, [r"(部门|重点)评价表", r"绩效评价(?:(?:情况|结果)的?)?报告|(?:部门|财政|重点)评价报告", r"绩效评价指标评分", r"评价等次",
                                   r"(部门|单位)(预算)?整体支出", r"重点(项目)?绩效评价|绩效评价工作", r"(评价|绩效)(等级|结论)",
                                   r"加权(平均)?得分",  # a score table: each criterion's weight × score
                                   SCORED_HEADING]),
    (DocumentKind.WORK_SUMMARY, [r"预算绩效管理工作开展情况", r"事前(?:绩效)?评估", r"运行监控|绩效监控", r"结果运用",
                                 r"全面实施预算绩效管理|全方位[、，,\s]*全过程[、，,\s]*全覆盖的?预算绩效管理"]),
    (DocumentKind.RESULTS_STATEMENT, [r"绩效目标执行结果", r"绩效报告（自评）|绩效报告\(自评\)", r"项目绩效情况"]),
]
MIN_MARKERS = 2  # one marker is a mention (a news item, a policy text), not a document of that kind
# A news report about disclosures is not a disclosure: without a title of its own it is not identified.
NEWS_SOURCE = (r"新华网|新华社|中新社|人民网"
               r"|来源\s*[:：]\s*\S{0,10}(?:日报|晚报|青年报|都市报|商报|时报|新闻网|电视台)")
NEWS_RE = re.compile(rf"(?<!接待)记者|\d{{1,2}}日电|责任编辑|根据财政部消息|{NEWS_SOURCE}")
# The page's metadata naming a news agency or paper as its source (an editor's name there is any site's chrome).
NEWS_SOURCE_RE = re.compile(NEWS_SOURCE)
# A news agency's story: its dateline or its reporters' byline ('示例社北京4月1日电(记者张三)'), with a second sign of news
# (the agency, a news site as the source, an editor, '据悉'). Whatever title it carries ('…部门预算公开大幕开启') and
# whatever figures it quotes, it reports on disclosures, it is not one: no unit's own document prints a byline.
WIRE_RE = re.compile(r"\d{1,2}\s*日\s*电|[（(]\s*记者|(?<![\u4e00-\u9fff])记者\s*[\u4e00-\u9fff]{2,3}\s*[、,，]")
WIRE_WITHIN = 3000  # characters from the start within which a story's dateline stands (a sidebar's further down)
WIRE_SIGNS = [r"新华社|中新社|通讯社", r"(?:来源|来自)\s*[：:]\s*\S{0,6}(?:网|社|报)", r"新华网|人民网|央视网|中国新闻网",
              r"责任编辑|(?<!\S)编辑\s*[：:]", r"据悉|据了解|据介绍", r"报道"]
# A headline about the departments of a whole level ('中央部门预算公开大幕开启', '各部门晒出…'): whose document it is is
# not said, so it decides no kind (the text may still be read by its content, or refused as news).
MANY_DEPARTMENTS_RE = re.compile(r"中央各?部门|(?<![\u4e00-\u9fff])各(?:部门|单位)|百家")
# A page filed under a site's news (its breadcrumb ending in 工作动态, 重要活动, 新闻中心 …) and titled as no document of
# a unit: a report about budgets or purchases, not one published by the unit.
NEWS_SECTION_RE = re.compile(r"^[ \t]*(?:当前位置|您的位置|您现在的位置|所在位置)?[ \t]*[：:]?[ \t]*首页[^\n]*>[ \t]*"
                             r"(?:工作动态|重要活动|新闻(?:中心|动态|资讯)?|要闻|[\u4e00-\u9fff]{0,4}动态|图片新闻|媒体[\u4e00-\u9fff]{0,2})"
                             r"[ \t]*(?:>[ \t]*(?:详细内容|正文|内容)?[ \t]*)?$", re.MULTILINE)
# A question-and-answer site's page: an answer someone wrote to a question, whatever figures it quotes.
QA_RE = re.compile(r"优质解答|最佳答案|(?:免费)?搜题|网友(?:回答|解答)|提问者|已采纳|\d+\s*道题|收录\s*\d+\s*题")
QA_MIN = 2
# A news item's dateline opening the text ('【示例网讯】', '据示例社5月1日报道'): whatever its first sentences quote
# (a unit's 三公 budget) is reported, not published by the unit, so no title line after it names the document.
# A news lede's opening day relative to the paper's ('昨天，示例市…'): no unit's own document dates itself by yesterday;
# with a second sign of news (WIRE_SIGNS: '据悉', '报道' …) the text is a news item. '近日，' and '日前，' open a news
# lede as well (a report's own sentences date what they say by the year or the month): with a sign of news, or with a
# reporter's byline ('（记者 张三）') or a meeting the lede reports as held ('示例市财政局召开…评审会'), a news item about a
# document, not the document.
RELATIVE_DAY_OPENING_RE = re.compile(r"^\s*(?:昨天|昨日|前天|近日|日前)\s*(?:上午|下午|晚上)?\s*[，,]")
BYLINE_RE = re.compile(r"[（(]\s*记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*[)）]")
# A line naming a meeting held on documents ('…重点评价报告专家评审会'): the meeting's, not a title of the documents.
MEETING_TITLE_RE = re.compile(r"(?:报告|评价|自评|决算|预算)[^，,。；;]{0,6}?(?:专家)?(?:评审|论证|座谈|推进|培训|部署|评议|审议|通报)"
                              r"会(?:议)?")
MEETING_LEDE_RE = re.compile(r"^[^。\n]{0,60}?(?:召开|举行|举办)了?[^。\n]{0,60}?(?:会议|会)(?=[。，,；;])")
NEWS_OPENING_RE = re.compile(r"^\s*(?:【[^】\n]{1,12}讯】|据[^，,。\n]{1,12}(?:网|社|报|台)[^，,。\n]{0,12}报道)")
# Instructions for filling in or scoring a form, or a sample of one, is not a unit's document — when it also carries
# no filled figure (a decimal, an amount, a percentage), so the 填表说明 under a real form decides nothing.
GUIDE_RE = re.compile(r"填写样例|填表说明|填报说明|填写说明|填写注意事项|指标说明|计算方法|计算公式|不得(少于|修改|超过)"
                      r"|只需填报|据实填报|自行设置|本文提供|如何填写"
                      # a blank template: an outline to write to, boxes to tick, a date and a name left to fill in
                      r"|编写提纲|□{3,}|日期[:：]\s*年\s*月\s*日|(?:××|XX)(?:省|市|县|区|厅|局|委|单位|部门)"
                      # …a year left blank ('（  年度）'), a run of labels with nothing after any ('资金总额: 财政拨款: 其他:')
                      r"|[（(][ \t　]*年度[ \t　]*[)）]|[\u4e00-\u9fff]{2,8}[ \t]*[：:](?=(?:[ \t]*[\u4e00-\u9fff]{2,8}[ \t]*[：:]){2})")
FIGURE_RE = re.compile(r"\d\.\d|\d\s*(万元|元|%|％)|\d\s*[\t|]\s*\d")  # …or two numbers in adjacent cells
GUIDE_MIN = 2
# Rules for scoring (a review's or an evaluation's 评分方法): how many points each shortfall costs ('扣0.5分'), and no
# score given anywhere (an evaluation scored by such rules prints what each indicator got: 得分).
RUBRIC_RE = re.compile(r"评分(?:方法|标准|规则|办法)")
DEDUCTION_RE = re.compile(r"扣(?:减)?\s*\d+(?:\.\d+)?\s*分")
DEDUCTIONS_MIN = 2
SCORED_RE = re.compile(r"得\s*分|评分结果|评价结论|评价等次")
# A government's own budget or final accounts (tax revenue, transfers, debt, social insurance funds) is not a
# department's disclosure: a text naming several of these is not identified as one.
FISCAL_MARKERS = [r"社会保险基金",
                  # a government's debt: what it owes, the bonds it issues or refinances, the bond money passed down
                  r"政府(?:一般|专项)?债[务券]|再融资(?:一般|专项)?债|债务转贷",
                  # money passed between levels: transfers ('转移支付', in a final-accounts table's name '转移性支付')
                  # and tax rebates to the level below
                  r"转移性?支付", r"税收返还", r"决算草案|预算草案", r"税收收入|非税收入",
                  r"公共财政预算(?!财政拨款)",
                  r"上解",  # money a government remits to the level above (a unit's is 上缴上级)
                  r"人大[^。]{0,30}批准",  # the budget the people's congress approved
                  # all of a place's revenue, or its own level's: '全镇一般公共预算收入…', '市级一般公共预算收入决算数…'
                  r"全[镇乡县市区州省][^。]{0,10}(?:一般公共预算|政府性基金|财政)[^。]{0,4}收入"
                  r"|[镇乡县市区州省]本?级[^。]{0,6}?一般公共预算总?收入",
                  r"请予审议|各位(?:副主任|委员|代表)[，,、：:]",  # a report to the people's congress
                  # a level's spending ('省级一般公共预算支出', '市本级…'), and that spending by function: the people's
                  # congress, the CPPCC… are functions of a whole level, not of one unit; a fiscal report speaks of
                  # 增支/减支 where a unit speaks of 增加/减少 (a finance bureau's duties naming the 财政总决算 it compiles
                  # mark nothing)
                  r"[镇乡县市区州省]本?级[^。]{0,6}?一般公共预算总?支出",
                  r"人大事务(?=[\s\S]{0,80}?政协事务)",
                  r"较上年(?:增支|减支)",
                  # money moved between a government's funds and its reserve fund to balance its budget
                  r"预算稳定调节基金", r"调入资金|调出资金"]
FISCAL_MIN = 3
# A regulation (办法, 细则, 规定): a title naming it, chapters and articles, the text calling itself by its kind
# ('本细则所称…', '制订本办法'). It says how work is to be done; it reports no budget, spending or evaluation. (A line
# ending in 规定 is no title: a form's cell '符合规定' may stand on a line of its own.)
REGULATION_MARKERS = [r"(?m)^[ \t#]*[^\n。，,；;：:《》]{2,60}?(?:办法|细则|规程|条例)(?:[（(](?:试行|暂行|修订)[)）])?[ \t]*$",
                      r"(?m)^[ \t#]*第[一二三四五六七八九十]{1,3}章[ \t]*总[ \t]*则",
                      r"(?m)^[ \t#]*第[一二三四五六七八九十百]{1,4}条",
                      # articles run on in one line ('…存在的问题。 第三十一条 绩效评价报告分为…'), a page's text with
                      # its line breaks lost: two, each between spaces (a report citing '《办法》第三条规定' has none)
                      r"(?:(?<=[\s。；;])|^)第[一二三四五六七八九十百]{1,4}条[ \t\u3000]"
                      r"(?=[\s\S]*?[\s。；;]第[一二三四五六七八九十百]{1,4}条[ \t\u3000])",
                      r"本(?:暂行)?(?:办法|细则|规定|规程|条例)"]
REGULATION_MIN = 2
# A report on in-year performance monitoring (绩效运行监控, 双监控): the execution so far and the targets expected to be
# met, not a year's self-evaluation nor an account of performance-management work. The form (监控表, 监控情况表)
# or a report holding the form's fund header ('1-6月执行数') is read as DocumentKind.MONITORING; so is a report in
# prose under such a title (its sentences are checked as prose, and the budgets it states with their execution to
# the period's end against 时间进度: ingest.monitoring_prose) — unless it says it is the year's self-evaluation.
MONITORING_TITLE_RE = re.compile(r"(?:绩效|运行|执行)(?:运行)?监控(?:情况|自查)?(?:报告|表)")
MONITORING_FORM_RE = re.compile(r"监控(?:情况)?表|(?:1|一)\s*[-—–－~～至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:份\s*)?"
                                r"(?:预算)?执行数")
# A monitoring report in prose with no title saying so: an outline heading on monitoring ('二、绩效运行监控情况'), an
# in-year period ('1-6月', '截至9月底', '上半年') and at least two of the report's other parts (执行进度, 目标完成情况
# or 偏差, 纠偏措施) — and not a work summary's, a self-evaluation's or an evaluation's words (an account of the
# year's performance-management work lists its monitoring among the rest).
MONITORING_HEADING_RE = re.compile(r"(?m)^[ \t#]*(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.])?"
                                   r"[^\n。，,；;]{0,16}(?:运行监控|绩效监控|执行监控)[^\n。，,；;]{0,12}$")
MONITORING_PERIOD_RE = re.compile(r"(?:1|一)\s*[-—–－~～至到]\s*(?:1[01]|[1-9]|十一|[一二三四五六七八九十])\s*月"
                                  r"|截[至止][^。，,；;\n]{0,8}?(?:1[01]|[1-9]|十一|[一二三四五六七八九十])\s*月\s*(?:份\s*)?(?:底|末|\d{1,2}\s*日)"
                                  r"|上半年|前三季度")
MONITORING_PARTS = [r"(?:预算|资金)?(?:执行|支出|支付)进度|时间进度", r"目标完成(?:情况|进度)|偏离|偏差", r"纠偏"]
MONITORING_PARTS_MIN = 2
# A report saying it is a self-evaluation of the year ('项目绩效自评工作开展情况', '撰写自评报告').
SELF_EVALUATED_RE = re.compile(r"绩效自评|自评(?:工作|报告|结果|得分|结论)")
NOT_MONITORING = (r"自评|自我评价|绩效评价报告|评价等次|评分|得分|预算绩效管理工作(?:开展)?情况|事前(?:绩效)?评估|结果(?:运用|应用)"
                  r"|工作总结|决算|记者|新闻")
# An evaluation report written by the unit or department itself is its self-evaluation; it is a key evaluation
# when the text shows an evaluator: a commissioned firm, team or review centre, or a grade awarded. A 评价结论
# heading is no evaluator: every report in the outline of 财预〔2020〕10号 has one, a unit's own included.
# A commission counts only in a sentence about the evaluation: a 财政局's duties ('受县人民政府委托，向人大常委会报告…')
# or its 财政投资评审中心 named among its subordinate units evaluate nothing.
WHOLE_DEPARTMENT_RE = re.compile(r"整体支出")
SELF_SAID_RE = re.compile(r"自我评价|(?:进行|开展)了?(?:绩效)?自评|经自评|自评得分|自评结果|自评分数|自评等级"
                          # the report naming itself a self-evaluation: '形成自评报告', '本次专项资金绩效评价自评报告'
                          r"|形成了?(?:绩效)?自评报告|本次(?:[^。；;，,\n]{0,12}?(?:评价|绩效))?自评报告"
                          # the opening handing over the self-evaluation: '现将…绩效自评如下', '自评情况报告如下'
                          r"|自评(?:情况)?(?:报告)?如下")
_COMMISSIONED = r"受[^。；;]{0,30}委托|委托[^。；;]{0,30}(事务所|公司|机构)|我所|第三方|中介机构|评审中心"
_SAME_SENTENCE = r"[^。；;！？!?]{0,60}?"
COMMISSIONED_RE = re.compile(rf"评价(工作)?组|(?:{_COMMISSIONED}){_SAME_SENTENCE}评价|评价{_SAME_SENTENCE}(?:{_COMMISSIONED})")
EVALUATOR_RE = re.compile(COMMISSIONED_RE.pattern + r"|重点(项目)?绩效评价|评价等次|(评价|绩效)等级|评价得分"
                          r"|财政(部|厅|局)[^。]{0,30}(组织|安排)[^。]{0,40}绩效评价"
                          # a finance department's report on a project: '示例县财政局关于示例道路养护项目绩效评价报告'
                          r"|财政(?:部|厅|局)\s*关于(?:(?!整体支出)[^。\n]){0,60}?绩效评价"
                          # a results table's grade column: a cell of its own ('| 评价结果 |'), not '评价结果如下'
                          r"|(?:^|[|\t])[ \t]*(?:评价|复核)(?:结果|档次)[ \t]*(?:[|\t]|$)", re.MULTILINE)
# A cover's field saying how the evaluation was done ('评价方式：部门（单位）绩效自评'): as explicit as a title.
EVALUATION_METHOD_RE = re.compile(r"评价方式[ \t]*[：:|\t][ \t]*[^\n。；;□]{0,12}?自评")
# A report's own words that it is a self-evaluation, when no title or table says so: '对2030年度…资金项目开展了自评',
# or scores it gives itself ('…程序完整。自评得2分。').
SELF_STATED_RE = re.compile(r"对(?:(?!对)[^。；;\n]){0,80}?(?:开展|进行)了?(?:绩效)?自评(?!工作|材料)|自评得\s*\d+(?:\.\d+)?\s*分")
# A report on a fund ('示例市2030年示例奖补资金绩效评价报告'): a fund is evaluated by whoever allocates it, across the
# units that use it; a unit's report on its own use of one says 自评.
FUND_EVALUATED_RE = re.compile(r"资金(?:项目)?的?(?:绩效评价|[\u4e00-\u9fff]{0,4}跟踪问效)报告")
# A fund followed up over its whole cycle ('通过开展2021年、2022年…建设资金全周期跟踪问效'): the finance department's
# evaluation of a fund under another name, not a unit evaluating itself, even where the excerpt shows no title.
FUND_TRACKED_RE = re.compile(r"资金[\u4e00-\u9fff]{0,4}全周期跟踪问效")
# The title of a form of a commissioned evaluation: a key evaluation whoever fills it in.
EVALUATION_FORM_RE = re.compile(r"(部门|重点)评价表")
TARGET_FORM = r"绩效目标(?:申报|审批|审核|批复)?表"
# A target form's title as a line of its own, or as the last line of a title broken over lines ('…投资计划绩效目标表'
# under a notice allocating the money): with a target table and no actuals, the form is what the page publishes.
FUSED_TARGET_TITLE_RE = re.compile(rf"附\s*件\s*\d{{0,2}}\s*[：:.、]?\s*([\u4e00-\u9fff（）()]{{0,30}}?{TARGET_FORM})")
FUSED_HEADER_WITHIN = 400  # characters from a fused title to its form's header (the form's fields between)
# A target form's head: its funds (资金总额 with a figure) and then its goal ('总体目标', '年度目标'); a copy cut before
# the indicator table still shows what form it is.
FORM_HEAD_RE = re.compile(r"资金总额\s*[：:]?\s*\d[\d.,]*.{0,80}?(?:总体目标|年度目标|年度绩效目标)", re.DOTALL)
TARGET_FORM_LINE_RE = re.compile(rf"^[ \t#]*[^\n。，,；;：:《》]{{0,60}}?{TARGET_FORM}[ \t]*$", re.MULTILINE)
# A department's whole-budget goal under its own title ('部门整体绩效目标'), not a numbered section of a report.
WHOLE_TARGET_TITLE = r"^[^。，,]{0,30}?(?:部门|单位)整体(?:支出)?绩效目标$"
HEADING_NUMBER = r"第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
# An ex-ante assessment (事前绩效评估, SPEC §5): made before a new policy or project is given a budget, on its need,
# economy, targets, plan and funding. No reader audits such a report yet (the business service scores an assessment
# entered there): it is named as what it is, not read as an evaluation of spending done or as a work summary. Its
# title ends so (a remark in brackets and a sample's number may follow: '…评估报告(通用9篇)1'); a numbered part of a
# work summary ('二、事前绩效评估情况') is no title.
EXANTE_TITLE_RE = re.compile(rf"^(?!{HEADING_NUMBER})[^。]*事前(?:绩效)?评估(?:评审)?(?:报告|表)(?:[（(][^()（）]{{0,12}}[)）])?\d{{0,2}}$")
EXANTE = "事前绩效评估报告"
# The opening of an attachment list's entry: '附 件:1.', '2.', '（3）'; a text listing attachments ('附 件：'), whose
# titles may name the body the text speaks as (_attached_own).
ATTACHMENT_ENTRY_RE = re.compile(r"^\s*(?:附\s*件\s*[：:]\s*)?(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．])?\s*")
ATTACHED_TITLES = r"^\s*附\s*件\s*[：:]"
# A page's metadata label before the document's title ('标 题: | 项目支出绩效目标申报表', '信息名称  示例园2030年…',
# '名 称: 示例局2030年度部门决算'): the title follows it, and it names the document's unit before any publisher does.
PAGE_TITLE_LABEL = r"(?:信\s*息\s*名\s*称|名\s*称|标\s*题)(?:\s*[：:]|[ \t]+)"
PAGE_TITLE_LABEL_RE = re.compile(r"^(?:信息名称[：:]?|(?:名称|标题)[：:])")  # …on a line with its spaces dropped
CUT_PAGE_TITLE_LABEL_RE = re.compile(r"^[称题][：:]")  # …cut by the page to its last character, among the page's fields
# The header of a table comparing two years item by item ('项目 2030年度 2031年度 2031比2030增减'): what a page
# holding only such a table (a hospital's finance comparison) is, when nothing names a budget document.
COMPARISON_HEADER_RE = re.compile(r"((?:19|20)\d{2})\s*年度?(?:决算|预算)?数?[ \t|]+((?:19|20)\d{2})\s*年度?(?:决算|预算)?数?"
                                  r"[ \t|]+[^\n]{0,20}?增减")
# A notice's attachment line among its first lines ('附件:示例县2030年…绩效目标表'): the attached document's title,
# which the text goes on to print.
ATTACHMENT_LABEL_RE = re.compile(r"^附件\d*[：:](?=\S)")
# The indicator table of a target form printed on its own ('…项目绩效评价指标表' listing 目标值 and 分值): the
# budget side when it prints targets and no actual, no score.
INDICATOR_TABLE_TITLE = r"绩效(?:评价)?指标表$"
# A title naming the targets set for projects ('…重大政策和项目绩效目标情况', '…项目绩效目标'), not a numbered part of a
# report: the budget side when the text prints targets and no actual, no score (as for an indicator table).
TARGETS_TITLE = rf"^(?!{HEADING_NUMBER})[^。]*?绩效目标(?:情况)?$"
TARGET_COLUMN_RE = re.compile(r"目标值|指标值|预期实现值")
EVALUATED_RE = re.compile(r"实际完成|实际值|完成值|完成情况|全年执行数|执行数|得分|偏差|自评|评价结论|评价等级")
# A title in the first lines decides the kind outright; tried per line, in this order within a line.
_TITLES: list[tuple[DocumentKind, str]] = [
    (DocumentKind.RESULTS_STATEMENT, r"执行结果情况的说明|绩效报告[（(]自评[)）]"),
    # a unit assessing its own performance-management work (for a 考核 of that work), not its spending
    (DocumentKind.WORK_SUMMARY, r"预算绩效(?:管理)?(?:工作)?(?:开展情况|(?:考核|考评)?(?:自评|自查)(?:报告|情况)|总结)"),
    (DocumentKind.SELF_EVALUATION, r"自评表|自评价?(分析|总结)?报告"),
    # a 跟踪问效报告 (a finance department following up what a fund achieved) is an evaluation under another name
    # …named by who evaluates (a 部门评价 or 财政评价 in the words of 财政部's rules, against the unit's own 自评) or by what it
    # reports ('…项目绩效评价情况报告', '…绩效评价结果报告'); a 报告会 is a meeting
    (DocumentKind.KEY_EVALUATION, r"(部门|重点)评价表|(?:部门|财政|重点)评价报告|绩效评价(?:(?:情况|结果)的?)?报告(?!会)"
                                  r"|整体支出绩效评价|跟踪问效报告"),
    # the results of evaluations published as a table, a bulletin or a compilation: '…项目资金绩效评价情况表',
    # '…绩效评价结果的通报', '…绩效评价成果汇编' (a title, not a part heading of a package: '第四部分 绩效评价情况')
    # …or explained: '…资金绩效评价结果的说明' (a finance department stating the results it published)
    (DocumentKind.KEY_EVALUATION, rf"^(?!{HEADING_NUMBER})[^。]*绩效评价(?:(?:情况|结果|成果)(?:表|汇编|公示|公告|的?通报)?"
                                  r"|结果的?说明)$"),
    # '…决算批复公开资料': the approved accounts published; '医疗卫生机构收支决算总表': a unit's own summary table
    # under its sector's code (a fund's '一般公共预算收支决算总表' is a government's)
    (DocumentKind.DISCLOSURE, r"(部门|单位)决算|决算(?:批复)?公开|收入支出决算总表|(?<!预算)收支决算总表|决算编制说明"
                              r"|三公.{0,3}经费.{0,15}决算"
                              r"|三公.{0,3}经费.{0,12}(使用|执行)情况"),
    (DocumentKind.BUDGET_DISCLOSURE, r"(部门|单位)(?:收支)?预算(公开)?(编制)?(情况)?(说明)?$|预算公开|收支预算总表|三公.{0,3}经费.{0,6}预算"),
    # a body's own budget under its year, named by the kind of body it is ('2030年度医院财经预算', '2030年学校财务预算')
    (DocumentKind.BUDGET_DISCLOSURE, r"^\s*20\d{2}\s*年度?\s*[\u4e00-\u9fff]{0,12}?(?:财经|财务|收支)预算(?:公开)?(?:情况)?(?:说明)?$"),
    # a target form (申报表, 审批表) sets the year's targets when the budget is drawn up: no actuals, no scores
    (DocumentKind.BUDGET_DISCLOSURE, TARGET_FORM),
    (DocumentKind.BUDGET_DISCLOSURE, rf"^(?!{HEADING_NUMBER}){WHOLE_TARGET_TITLE[1:]}"),
    # what the year's budget sets aside for purchases: '…政府采购安排情况说明' (安排: planned, not done)
    (DocumentKind.BUDGET_DISCLOSURE, r"政府采购(?:预算)?安排(?:情况)?(?:的?说明)?$"),
]
# The first section of a transfer payment's regional self-evaluation report (the outline of 财政部's 转移支付绩效自评):
# how the targets were split and passed down. No other document has it.
TRANSFER_SELF_EVAL_RE = re.compile(rf"^[ \t#]*(?:{HEADING_NUMBER})?[ \t]*绩效目标分解下达情况[ \t]*$", re.MULTILINE)
# A whole report copied onto one line: the title runs on into the body's first sentence, which opens by citing
# what the report answers ('…自评报告根据《关于开展…的通知》要求，…', '…评价报告根据…的安排') or with its first section
# ('…自评报告一、基本情况…').
BODY_OPENING = r"(?:(?<=报告)|(?<=说明)|(?<=情况)|(?<=[表书]))(?=根据|按照|依据|遵照|现将|为(?:了|进一步|加强|落实|贯彻)|一、)"
# An essay site's title over a collection of samples ('2030年示例项目自评报告(精选12篇)'): its year is the site's heading,
# not the year of the sample printed under it (a template's '20xx年'); nor is the heading of one sample, the site's
# title again with the sample's number ('2030年示例项目监控报告 篇1').
COLLECTION_TITLE_RE = re.compile(r"[（(][^()（）\n]{0,6}?\d+\s*篇[)）]"
                                 r"|(?<![第\d])篇\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*$")
# Not a title of the document itself: a quoted title, a site's breadcrumb, a news sentence, a writing sample.
NOT_TITLE_RE = re.compile(rf"[《》>]|首页|{TEMPLATE_NAME}|今年|填写说明|^截[至止]"  # …or a date a figure stands at
                          r"|(?:是|如下|包括)$")  # …or a sentence leading into what follows its colon ('…的原因主要是：')
# A 三公经费 section on its own: its items, then whether it reports spending (决算; counts of trips and guests) or
# plans it (预算). '一般公共预算' names a kind of fund and says neither; a law's title says nothing.
SANGONG_ITEMS_RE = re.compile(r"因公出国|公务接待|公务用车|公车")
FUND_NAMES_RE = re.compile(r"(?:一般)?公共预算|政府性基金预算|国有资本经营预算|《[^》]{0,30}》"  # '均为公共预算收入'
                           r"|预决算")  # '纳入预决算管理': both, so neither
# A glossary entry ('8.“三公”经费：…是指…'): it defines a term and says nothing of what kind the document is.
DEFINITION_RE = re.compile(r"^[ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]?[ \t]*[^：:\n]{1,30}[：:][^\n]*?指[^\n]*$",
                           re.MULTILINE)
# A count of trips or guests: what was done (决算) — unless its sentence says it is planned (预算).
TRIP_COUNT_RE = re.compile(r"[^。；;\n]*\d+\s*(?:批次|人次|个团组)[^。；;\n]*")
# Spending set against the year's budget ("比年初预算增加", "低于预算数"): only a 决算 can say it; a budget compares
# itself with last year's budget ("比上年预算增加"), which this does not match.
AGAINST_BUDGET_RE = re.compile(r"(?:比|较|与|同|对比)(?:本年度?|当年|全年)?年初预算"
                               r"|(?:低于|高于|超过|超出|少于|多于|未超过?|完成)(?:本年度?|当年)?(?:年初|全年|调整后?)?预算")
# Spending set against last year's spending ('支出251万元，比上年累计支出285万元下降'): with no 预算 or 安排 in the text it
# reports what was spent (a 决算); a budget compares itself with last year's budget.
SPENT_AGAINST_LAST_YEAR_RE = re.compile(r"支出\s*\d[\d,.]*\s*万?元[^。；;]{0,6}?(?:比|较|与)上年(?:度|同期)?(?:累计|实际)?支出")
# '年' printed as a dash: '示例县2015-“三公”经费决算表', '2016-执行数' (not a date or a range: no digit follows).
YEAR_DASH_RE = re.compile(r"(?<!\d)(20\d{2})\s*[-－](?=\s*[“”\"\u4e00-\u9fff])")
# A form's year on a line of its own under the title: '（2023年度）'.
YEAR_STAMP_RE = re.compile(r"[（(]?20\d{2}年度?[)）]?")
# A file name a page shows with its text (an attachment mirrored, a document site's download).
TITLE_LINES = 6
FILE_NUMBER_RE = re.compile(r"^\d{1,3}\s*[.．、_-]\s*")  # a site's number of a file in its list: '8.', '12、'
# A title broken over lines ('关于公示《2030年示例' / '资金文件及绩效目标表》' / '的通知'): what ends a title (the kind of
# document it names), what ends no title (a year, a conjunction), and what no title holds (a sentence's marks).
TITLE_END_RE = re.compile(r"(?:通知|通报|公告|公示|报告|决定|意见|批复|函|说明|情况|表|书|办法|细则|方案|计划|规定|目录)$")
WRAP_END_RE = re.compile(r"(?:\d年度?|[和及与的、暨])$")
SENTENCE_MARK_RE = re.compile(r"[，,。；;！？!?]")
WRAPPED_LINES = 3
TITLE_TAIL = 8
# A notice publishing a document under its quoted title: the page is that document.
QUOTED_DOCUMENT_RE = re.compile(r"^关于(?:再次)?(?:公示|公布|公开|发布|印发)《([^《》]{4,}?)》?的?(?:通知|公告|公示)$")
PUBLISHER_LINES = 20  # a page's metadata left at the top of its text
TITLE_LENGTH = 60
# A report's title word ending just past TITLE_LENGTH, within this many characters, ends the title there.
TITLE_OVERRUN = 12
REPORT_END_RE = re.compile(r"报告(?!会)")
AMOUNT_RE = re.compile(r"\d\s*(万元|元|%|％)")
_FILENAME_HINTS = {
    "决算": DocumentKind.DISCLOSURE, "自评": DocumentKind.SELF_EVALUATION, "评价": DocumentKind.KEY_EVALUATION,
}
# The year a document reports on, most explicit first; each pattern's group 1 is the year.
_YEAR_PATTERNS = [
    r"(20\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)(?!\s*(?:绩效|执行|管理|编制|调整))",
    r"[（(]\s*(20\d{2})\s*[)）]\s*年度",
    r"(20\d{2})\s*年度",
    r"(20\d{2})\s*年\s*(?:预算绩效|项目支出|度)",
    # spending up to the year's end ('截止2030年12月底'), not an asset stock (a budget states the year before's)
    r"截[止至]\s*(20\d{2})\s*年\s*12\s*月\s*(?:底|末|31\s*日)(?![^。；;]{0,12}资产)",
    # a time indicator's target or value at the year's end ('到位时间绩效目标值是2030年12月前'): the year the project
    # runs in (a schedule in a sentence, '2031年12月前完工', is not)
    r"(?:目标值|完成值|实际值|指标值)\s*(?:是|为|[：:])?\s*(20\d{2})\s*年\s*12\s*月\s*(?:底|末|31\s*日)?\s*(?:之)?前",
    r"(20\d{2})\s*年(?!\s*\d{1,2}\s*月)",
]
# A column of a year's figures: '2022年预算数 | 2023年预算数' (last year's beside the year's own).
YEAR_COLUMN = r"(?:^|(?<=[|\t\s]))(20\d{2})\s*年度?\s*(?:决算|预算|执行)数\s*(?=[|\t\n]|$)"
# A cover's or form's year field: '评价年度：2022', '预算年度\t2024' (as explicit as 'YYYY年度部门决算').
YEAR_LABEL_RE = re.compile(r"(?:(?:评价|自评|考核|预算|决算|报告|所属|实施|填报)年度\s*[：:\t|]?|(?:^|(?<=\s))年度\s*[：:\t|])"
                           r"\s*(20\d{2})(?!\d)(?!\s*年\s*\d{1,2}\s*月)"
                           # a form's title with its year in brackets: '…绩效自评表（2023年度）'
                           r"|(?:自评|评价|申报|审批|目标)表\s*[（(]\s*(20\d{2})\s*年度?\s*[)）]", re.MULTILINE)
# An evaluation report often names the year evaluated only in the notice that launched it: 《关于开展2021年度…评价…》.
_NOTICE_YEAR = re.compile(r"《[^》]{0,20}?开展\s*(20\d{2})\s*年度?[^》]{0,40}?(评价|自评)[^》]{0,20}》")
# A change on the year before, said of an item the year before did not have: '同比增加4.8万元，2020年无此项预算'.
_BASE_YEAR = re.compile(r"同比(?:增加|增长|新增)[^。；;]{0,30}?[，,]\s*(20\d{2})\s*年度?\s*无此项")
# A 决算 reports on the year before it is published, a 预算 on the year it is published (or the next): a year read
# only from a sub-heading that contradicts the publication date is not established.
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|公开日期|公开时间|发文日期|成文日期|日期|时间)\s*[：:]\s*(20\d{2})")
_EXPECTED_LAG = {DocumentKind.DISCLOSURE: (1,), DocumentKind.BUDGET_DISCLOSURE: (0, -1)}
# The later parts of an evaluation report (the outline of 财预〔2020〕10号: conclusion, analysis of the indicators,
# problems, suggestions): a page of them is a self-evaluation when it says 自评 or shows no commissioned evaluator.
REPORT_OUTLINE = [r"综合评价(情况及评价)?结论|评价结论", r"绩效目标实现情况分析|绩效评价指标分析|指标完成情况分析",
                  r"存在的?问题及原因分析|存在的?主要问题", r"有关建议|改进(措施|建议)|意见建议",
                  r"项目(决策|过程|产出|效益)情况"]
REPORT_OUTLINE_MIN = 3
# The first parts of an evaluation report in the same outline, each a heading of its own: the project, its targets,
# then how the evaluation was done. A page of all three is an evaluation report whose title is not on it.
_HEADING_START = rf"(?m)^[ \t#]*(?:{HEADING_NUMBER})[ \t]*"
REPORT_OPENING = [rf"{_HEADING_START}项目(?:基本)?(?:情况|概况)",
                  rf"{_HEADING_START}(?:项目|总体|年度|20\d{{2}}\s*年度?)?绩效目标",
                  rf"{_HEADING_START}(?:绩效)?评价(?:工作)?(?:基本情况|开展情况|实施情况|思路|目的|对象|范围|原则|方法|标准"
                  r"|指标体系|过程)"]
# A score given to an item against its full marks ('本项满分3分，得3分', '分值10分，得分8分'): what an evaluation
# prints; a scoring rule says what an item is worth ('得2分；未完成的，不得分'), a blank form leaves the numbers out.
ITEM_SCORE_RE = re.compile(r"(?:满分|分值|标准分)\s*(?:为|是)?\s*\d+(?:\.\d+)?\s*分\s*[，,]?\s*(?:实际)?得(?:分)?\s*(?:为|是)?\s*"
                           r"\d+(?:\.\d+)?\s*分")
ITEM_SCORES_MIN = 2
# …with the total it comes to ('总得分90', '综合得分为85.5分') or the reasons points were given or taken ('扣分原因为').
SCORE_TOTAL_RE = re.compile(r"(?:总|综合|合计|最终)得分\s*[:：为是]?\s*\d+(?:\.\d+)?|[得扣]分(?:原因|理由|依据)")
# Years that are not the year reported on: a document number 〔2020〕, a regulation 《…2018年…》, 2020年修订 (a year's
# batch of allocations, '2020年第一批', is that year's).
_NOT_REPORT_YEAR = re.compile(r"[〔\[［【]\s*20\d{2}\s*[〕\]］】]|《[^》]{0,60}》|20\d{2}\s*年\s*(修订|修正|版|第(?![一二三四五六七八九十\d]{1,3}批))"
                              r"|(较|比|与|同)\s*20\d{2}\s*年度?|20\d{2}\s*年度?\s*(相比|比较|同期|无此项)"  # a comparison
                              # when an evaluation was done: '2022年对…开展评价', '2024年财政支出绩效评价结果的通报'
                              r"|20\d{2}\s*年(?!度)\s*(重点|共对|对)[^，。,]{0,20}评价"
                              r"|20\d{2}\s*年(?!度)\s*(?:财政支出|项目支出)?绩效评价(?:结果|工作)"
                              # the edition of a province's scoring framework: '2019年四川省项目支出绩效评分表'
                              r"|20\d{2}\s*年度?\s*[\u4e00-\u9fff]{2,3}省(?:项目支出|财政支出)?绩效评(?:分|价指标)表")
ORG = (r"[\u4e00-\u9fff（）()]{1,38}?(?:委员会|管委会|局|厅|中心|办公室|办|政府|院|所|队|站|馆|学校|学区|中学|小学|幼儿园|大学|党校|"
       r"学院|协会|联合会|处|部|社|团|署|委|园|场|公司|集团|街道|镇|乡|本级|机关|总工会|医院|卫生院|政协|指挥部|"
       # a management zone governing its area like a county ('示例湖管理区')
       r"管理区|"
       # a broadcaster or an observatory ('示例市广播电视台', '示例县气象台'); a '台' alone ends words (平台, 出台)
       r"电视台|电台|总台|气象台|天文台|地震台|"
       # a people's organisation named by its own word ('示例市红十字会')
       r"红十字会|"
       # a people's organisation by the short name it is known by ('示例市妇联', '示例县残联'), not the start of 联合会
       r"(?:妇|残|文|侨|工商|社科)联(?!合))")
# A label's value ends at a separator, or where the next label of a form flattened into one line begins.
_FORM_LABELS = (r"(?:金额)?单位\s*[：:]|实施单位|(?:项目)?执行单位|项目单位|资金使用单位|主管部门|负责人|单位负责人|财务负责人|编制人"
                r"|报送日期|报告日期|填报日期|(?:预算|单位|部门)?编码|联系|项目名称|项目资金|资金名称|项目主管|项目类别|项目属性|项目类型|填报|填表|年度预算|年度资金")
_LABEL_END = rf"(?=[\s\t|，。,（(/／\[【]|$|{_FORM_LABELS})"
_FORM_LABEL_RE = re.compile(_FORM_LABELS)
# A budget code before a unit's name in its cell: '901001-示例县示例局', '[155]示例县示例局'.
_CODE = r"(?:\d{3,}\s*[-－—]\s*|[\[［【]\s*\d{2,}\s*[\]］】]\s*)?"
_YEAR = r"20\d{2}\s*年?度?"
# Words that follow a name in a title or sentence; a name is never extended across one of them.
_FOLLOWING = re.compile(r"部门|单位|年|度|决算|预算|整体|项目|关于|的|绩效|自评|概况|三公|主要|职责|职能|是|为|和|及|与|对|在"
                        r"|下设|内设|设有|共有|现有|核定|编制|属于|负责|承担|根据|按照|坚持|开展|公开|情况|工作|网站|一般|财政拨款"
                        r"|经费|只有|仅有|没有|仅含|只含|仅包括|只包括")
_ORG_SUFFIX = re.compile(ORG[ORG.index("(?:"):])
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff（）()]+")
# A place standing for all its departments (a 三公 or fiscal summary of a city or district).
PLACE = (r"(?![全本各该我度]|使用|安排|用于)(?:(?!全[省市区县州旗])[\u4e00-\u9fff]){1,8}?(?:自治州|自治县|自治旗|省|市|区|县|州|旗)"
         r"(?:本级)?")  # never across '全市' ('示例市全市部门…' is 示例市's)
PLACE_LEVEL = PLACE.removesuffix("?")  # the place's own level ('示例市本级'), not its departments
# A template's placeholder for a name ('XX部门', '××单位'): never a unit; left in front of the real name, it is dropped.
PLACEHOLDER = r"(?:[XxＸ×*＊]{2,}|某某)"
# What may come before a title on its line: a page's title label ('信息名称'), an attachment number, a part or a section
# number ('附件1 ', '第二部分：', '二、'), a template's placeholder left before the name it stood for
# ('XX部门示例县第一小学2030年度…').
_LEAD = (rf"^#*\s*(?:{PAGE_TITLE_LABEL}\s*)?"
         # a contents entry numbering an attachment ('十二、附件：示例医院2030年预算公开报表'): the number, then the label
         r"(?:[一二三四五六七八九十]+、\s*(?=附件)|\d{1,2}、\s*(?=附件))?"
         r"(?:附件\s*\d*\s*[：:、]?\s*|第[一二三四五六七八九十\d]+部分\s*[：:、]?\s*|[一二三四五六七八九十]+、\s*|\d{1,2}、\s*)?"
         rf"(?:{PLACEHOLDER}(?:部门|单位)\s*(?=[\u4e00-\u9fff]))?")
# The label of the unit that fills in and reports a form or a package: '单位名称：', '填报单位（盖章）：'; on a
# central investment plan's target form, the place or unit the plan is allotted to ('下达地方或单位').
_UNIT_LABEL = (r"(?:(?:预算)?单位名称|部门(?:[（(]单位[)）])?名称|(?<![\u4e00-\u9fff])单位(?=\s*[（(]\s*(?:盖章|公章|签章))|编制单位|预算部门(?:单位)?|预算单位|填报单位|报送单位"
               r"|下达地方或单位)"
               r"\s*(?:[（(]\s*(?:盖章|公章|签章)\s*[)）])?")
# A label that says its value is the form's own unit ('单位名称：', '填报单位：', '编制单位：'): its value is read as
# written, with no place and whatever word it ends in ('单位名称：示例工作科填报日期：…', a section of a bureau), when it
# ends where the form's next label begins, or at its cell's or line's end — never where other words run on.
_OWN_UNIT_LABEL = r"(?:(?:预算)?单位名称|填报单位|编制单位)\s*(?:[（(]\s*(?:盖章|公章|签章)\s*[)）])?"
_WRITTEN_UNIT = (rf"{_OWN_UNIT_LABEL}[ \t]*[：:][ \t]*(?:[（(]\s*(?:盖章|公章|签章)\s*[)）][ \t]*)?"
                 rf"([\u4e00-\u9fff（）()]{{2,30}}?)(?=[ \t]*(?:{_FORM_LABELS}|$|[|\t，。,；;]))")
# A table's caption '部门：示例局 金额单位：万元' (not '主管部门：'): counted with the labels. A line '部门：示例局'
# alone is weaker (a self-evaluation form may print its department above the implementing unit with a longer
# place name).
_DEPARTMENT_CAPTION = rf"(?<![\u4e00-\u9fff])部门\s*[：:]\s*({ORG})(?=\s*(?:金额)?单位\s*[：:])"
# Where a sentence opens: after a sentence mark, a space or a heading number, or where a heading ending in 说明 runs on
# into its first sentence ('…情况说明示例局2030年度…').
_SENTENCE_START = (r"(?:^|(?<=[。；;！？!?\s，,])|(?<=说明))(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])?\s*"
                   r"(?:现将|现就)?\s*")
# What a title prints in brackets after the unit's name as part of it: the scope of the accounts ('示例局(本级)',
# '示例局(汇总)') or the body's second name ('示例图书馆(示例科技图书馆)'); another remark in brackets is not the name.
NAME_BRACKET = rf"(?:[（(](?:本级|汇总|{ORG})[)）])?"
# A name whose body's word is printed in brackets after the place it governs ('示例产业集中区(管委会)'): its bracket is
# closed after the word (a closing bracket the name never opened is cut off by _bracketed_end).
CLOSED = r"[)）]?"
# The kind of money a title may name between the unit and the year ('示例区中央专项转移支付2030年度…自评'): the unit's
# share of a transfer payment.
TRANSFER = r"(?:中央|省级?|市级?|县级?|区级?)?(?:财政)?(?:专项)?转移支付(?:资金)?"
# A title's patterns: the unit before the year, after it, or before the kind of document.
_TITLE_PATTERNS = [
    rf"{_LEAD}({ORG}{CLOSED}{NAME_BRACKET})\s*(?:[（(][^)）\n]{{2,30}}[)）])?\s*(?:部门|单位|{TRANSFER})?\s*{_YEAR}",
    rf"{_LEAD}{_YEAR}\s*({ORG}{CLOSED}{NAME_BRACKET})\s*(?:[（(][^)）\n]{{2,30}}[)）])?\s*(?:部门|单位)?\s*"
    r"(?:决算|预算|整体支出|项目支出|“?三公)",
    rf"{_LEAD}({ORG}{CLOSED}{NAME_BRACKET})\s*(?:[（(][^)）\n]{{2,30}}[)）])?\s*(?:部门|单位)?\s*"
    r"(?:决算|预算|整体支出|部门整体|项目支出)",
]
# The subject of a sentence in the body: '示例县农技中心下设办公室…', '示例县档案馆是…', '…（示编〔2024〕1号），示例县
# 驻外办事处主要履行以下职责', '示例县残联(本级)为…'; after a space too, where a mirror put words before the name ('某某娱乐 示例区人民法院是…').
_SUBJECT = (rf"(?:^\s*(?:[一二三四五六七八九十]+、|\d+[、.．])?|(?<=[，,。；;])|(?<=[ \t]))\s*({ORG}){NAME_BRACKET}(?:是|为|系|下设|内设|设有|共有|现有|下属"
            r"|核定|属于|负责|承担|(?:主要|依法)?履行|主要职责|主要职能|(?:核定)?编制\s*\d"
            # a unit's overview opening with its founding: '示例县人民医院始建于1950年，是一所…'
            r"|(?:始建|创建|组建|成立)于\s*(?:19|20)\d{2}\s*年"
            # '示例镇人民政府属行政单位，下属事业单位4个': its kind of unit
            r"|属(?=(?:全额拨款|差额拨款|参公|公益[一二]类)?(?:的)?(?:行政|事业)单位)"
            # the body that decided to carry out what is evaluated: '…,示例市教育局决定对2030年…工程实施奖补' (a
            # government or a party committee deciding is the level above the unit, not the unit)
            r"|(?<!政府)(?<![省市县区州]委)决定(?=[^。；;]{0,40}?(?:实施|开展|组织))"
            # the classes of spending it has, or its projects' total budget: '示例局主要有部门预算项目支出、专项支出两类
            # 支出', '示例局2030年项目资金总预算为…'
            r"|主要有(?=[^。；;：:，,]{0,40}?支出)"
            rf"|\s*(?:{_YEAR})?\s*(?:项目资金|项目支出)总预算(?:数|总额)?\s*为)")
# A section heading of a budget's or accounts' explanation naming its unit: '一、关于示例局2030年收支预算情况的总体说明'.
ABOUT_HEADING = (rf"^[ \t#]*(?:{HEADING_NUMBER})?[ \t]*关于\s*({ORG})\s*{_YEAR}[^\n。；;]{{0,24}}?(?:预算|决算)"
                 r"[^\n。；;]{0,12}?(?:情况|说明)")
ABOUT_HEADINGS_MIN = 2  # a name without a place, as printed, when it heads this many of them
# A title in the first lines naming who issues the document: '示例县财政局关于…结果的通报', '示例局关于…自评报告'.
ISSUER_TITLE = (rf"\A(?:[^\n]*\n){{0,{TITLE_LINES - 1}}}?{_LEAD}({ORG})\s*关于[^\n。]{{2,80}}?"
                r"(?:通报|通知|公告|公示|报告|说明|情况)\s*$")
# A report titled with its writer's name, then what it evaluates ('示例县第二中学公用经费绩效自评价报告'): the writer when
# the body speaks as that kind of body ('我校…').
# (a sentence is no title: '县财政局组成了评价组，收集…自评报告' names what the bureau collected; no comma in between)
SELF_NAMED_TITLE = rf"{_LEAD}({ORG})[^\n。，,]{{0,30}}?(?:自评价?|评价)(?:分析)?报告"
_SELF_WORDS = [(r"(?:学校|中学|小学|学院|大学|学区)$", "校"), (r"幼儿园$", "园"), (r"局$", "局"), (r"厅$", "厅"),
               (r"委员会$|委$", "委"), (r"中心$", "中心"), (r"院$", "院"), (r"所$", "所"), (r"站$", "站"), (r"馆$", "馆"),
               (r"队$", "队"), (r"办公室$|办$", "办"), (r"台$", "台")]
# The body a report is sealed by: its name before the seal's mark, on its own or run on after the title (a report
# whose lines were joined: '…2030年度部门整体支出绩效自评报告示例县示例中心(盖章)为进一步…').
SEALED = (r"(?:^|(?<=[\s|：:])|(?<=报告)|(?<=说明))\s*"
          rf"({ORG})\s*[（(]\s*(?:盖章|公章|签章)\s*[)）]")
# The body that did a self-evaluation, in the sentence saying so: '示例残联（以下简称“省残联”）成立工作专班，对…进行绩效自评'.
SELF_EVALUATOR = (rf"(?:^|(?<=[，,。；;：:]))\s*({ORG})\s*(?:[（(]以下简称[“\"]?([\u4e00-\u9fff]{{2,8}})[”\"]?[)）])?"
                  r"[^。；;]{0,20}?对[^。；;]{0,80}?(?:进行|开展)了?(?:绩效)?自评")
# The unit a project form names as implementing it, and the department over it ('地方主管部 门' split by a space; never
# the central ministry a transfer names). An enterprise doing the work for a budget unit is not the unit when the
# form names the department over it.
# A label may share its cell with the next one, their values likewise ('项目实施单位/项目负责人 示例中心/张三'), or be
# said in a sentence ('项目组织实施单位为示例县教育局'). An investment plan's target form names whom the money is passed
# down to ('下达地方或单位 | 示例区人民政府'); a place alone there is no unit.
IMPLEMENTER = (r"(?:项目(?:组织)?实施单位|实施单位|项目单位|资金使用单位|下达地方或单位)(?:[/／](?:项目)?负责人)?\s*(?:[（(]盖章[)）])?\s*"
               rf"(?:[：:\t|]|为|是)?\s*{_CODE}({ORG}){_LABEL_END}")
# A notice's signature run into its text: the issuer and the date it signed on, after the last sentence or after the list
# of its attachments ('…附件：1.示例分配表2.示例目标表示例省财政厅2030年6月1日（此件主动公开）'), the date ending the
# line or followed by the note on publishing or the attachments.
SIGNATURE = (r"(?:[。！!]\s*[)）]?|附\s*件\s*[：:][^。；;\n]*?(?:表|书|单|报告|说明|方案|办法|清单|目录|通知))\s*"
             rf"({ORG})\s*20\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?=$|[（(]\s*此件|附\s*件)")
DEPARTMENT_LABEL = r"(?<!中央)(?:主管部\s*门|主管单位)(?:及其?(?:代码|编码))?"  # '主管部门及代码 901-示例局'
OVERSEER = rf"{DEPARTMENT_LABEL}\s*[：:\t|]?\s*{_CODE}({ORG}){_LABEL_END}"
# A table with a 单位名称 column ('单位名称 | 项目名称 | 预算数 …'): its value is in the rows below, after the unit's budget
# code ('901001-示例县示例局 | 示例项目 | …'). Read when every such cell names one unit.
UNIT_COLUMN = rf"(?:^|(?<=[|\t]))[ \t]*\d{{3,}}[ \t]*[-－—][ \t]*({ORG})[ \t]*(?=[|\t]|$)"
UNIT_COLUMN_HEADER_RE = re.compile(r"(?:^|[|\t])[ \t]*(?:预算)?单位名称[ \t]*[|\t][ \t]*\S", re.MULTILINE)
# A form's 实施单位 label with no value after it: the next label follows at once, or the line ends. A scan may misread
# one of its characters ('实施第位').
VALUELESS_IMPLEMENTER_RE = re.compile(r"实施(?:单位|[\u4e00-\u9fff]位|单[\u4e00-\u9fff])[ \t]*[：:]?[ \t]*"
                                      r"(?:$|(?:全年|年初|年度|预算|项目|资金|分值|执行|自评|得分|评分))", re.MULTILINE)
ENTERPRISE_RE = re.compile(r"(?:公司|集团)$")
# A name on a line of its own: a caption, a signature — or, topping a page, the name of the site that hosts it.
# (…or a line saying whose the project is: '项目业主为示例区管委会', the owner's name without the words before it)
LONE_NAME = rf"^#*\s*(?:(?:项目)?(?:业主|建设单位|实施单位)(?:单位)?\s*(?:为|是|[：:])\s*)?({ORG})\s*$"
# A breadcrumb's steps ('首页 >> 部门信息公开 >> 示例县交通运输局 >> 正文').
CRUMB_STEP_RE = re.compile(r"\s*[>＞»›]+\s*")
# Most explicit first: a label, then a title line, then the first part's heading, then weaker places. A file name
# given with the page (its title as published) is tried with the title patterns right after the text's own titles.
# A sector's words before 部门 ('教育' of '示例县教育部门'), never a word saying which of a place's departments
# ('所属部门', '各部门', '本级部门', '市级部门', '预算部门').
_SECTOR = r"(?!所属|直属|各|有关|相关|其他|本级|[省市区县州旗]本?级|全[省市区县州旗]|预算|一级|二级|行政|全部|部门)[\u4e00-\u9fff]{2,6}?"
_UNIT_PATTERNS = [
    # the seal's mark may stand after the colon, before the name ('单位名称：（盖章）示例馆')
    rf"{_UNIT_LABEL}\s*[：:\t|]?\s*(?:[（(]\s*(?:盖章|公章|签章)\s*[)）]\s*)?{_CODE}({ORG}){_LABEL_END}",
    *_TITLE_PATTERNS,
    ISSUER_TITLE,
    SELF_NAMED_TITLE,
    SEALED,
    rf"(?:^#*\s*[一二三四五六七八九十]+、|第一部分)\s*[：:]?\s*({ORG})\s*(?:部门|单位)*\s*概况",
    ABOUT_HEADING,
    IMPLEMENTER,
    # an evaluation commissioned by a finance bureau names the unit evaluated: '受示例县财政局委托，我所…对示例镇人民政府
    # 2031年…资金项目进行绩效评价'
    rf"受[^。；;]{{0,30}}委托[^。；;]{{0,40}}?对\s*({ORG})\s*(?:{_YEAR})?[^。；;]{{0,40}}?(?:进行|开展)[^。；;]{{0,8}}评价",
    # …or by the evaluator speaking in the first person, a finance bureau's working group: '我们对示例县示例中心示例专项
    # 经费进行了绩效评价，现将评价结果报告如下'
    rf"(?:我们|我局|我厅|我委|我所|本所|本机构|评价(?:工作)?(?:小)?组|工作组)[^。；;]{{0,20}}?对\s*({ORG})\s*(?:{_YEAR})?"
    r"[^。；;]{0,40}?(?:进行|开展)了?(?:重点)?(?:绩效)?评价",
    # a unit saying in its first sentence that it monitors or evaluates its own projects: '示例镇人民政府对2030年度实施
    # 的示例资金项目进行绩效目标运行监控'
    rf"{_SENTENCE_START}({ORG})\s*对\s*(?:本(?:单位|部门|镇|乡|级))?\s*(?:{_YEAR})[^。；;]{{0,40}}?(?:进行|开展)了?"
    r"[^。；;]{0,8}?(?:运行监控|绩效监控|自评)",
    rf"^部门[ \t]*[：:\t|][ \t|]*({ORG})[ \t|]*$",  # a form's row '部门 | 示例中心' too
    # a caption naming the unit with the label of the amount unit ('单位:示例医院 单位:元')
    # (its cells may be pipe-separated, with the year between: '单位:示例园 | 2030年度 | 金额单位:万元 |')
    rf"(?:^|(?<=\s))单位[ \t]*[：:][ \t]*({ORG})[ \t|]+(?:20\d{{2}}\s*年度?[ \t|]+)?(?:金额)?单位[ \t]*[：:][ \t]*"
    r"(?:万元|元|亿元)",
    # a table's caption: the unit (after its budget code, '901示例镇财政所'), then the year or the amount unit, on its
    # line or on the next (the caption's cells one per line)
    rf"^[ \t]*(?:\d{{3,}}[ \t]*[-－—]?[ \t]*)?({ORG})(?:[ \t|]+|[ \t|]*\n[ \t|]*)(?:(?:预算|决算)?年度[ \t]*[：:][ \t]*20\d{{2}}"
    r"|(?:金额)?单位[ \t]*[：:][ \t]*(?:万元|元))",
    rf"^#*\s*({ORG})[\u4e00-\u9fff]{{0,16}}\n\s*(?:项目)?(?:绩效评价|绩效自评|自评)报告\s*$",  # a title over two lines
    LONE_NAME,
    SIGNATURE,
    OVERSEER,
    UNIT_COLUMN,
    # an evaluation report's first section names the unit evaluated: '(一)项目单位基本情况。示例县档案馆位于…'
    rf"(?:项目|被评价|实施|预算)单位(?:基本)?(?:情况|概况)\s*[。：:]?\s*({ORG})(?=位于|是|为|系|成立|下设|内设|设有|共有"
    r"|现有|核定|属于|负责|承担|主要|[，,])",
    # what a department's accounts take in: '从预算单位构成看，示例县公安局（汇总）部门决算包括：…'
    rf"(?:^|(?<=[，,。；;：:\s]))({ORG})\s*(?:[（(](?:汇总|本级)[)）])?\s*(?:{_YEAR})?\s*(?:部门|单位)(?:决算|预算)"
    r"(?:包括|编制范围)",
    SELF_EVALUATOR,
    _SUBJECT,
    # what the unit's budget or accounts take in: '示例镇人民政府只有本级，没有其他预算单位'
    rf"{_SENTENCE_START}({ORG})\s*(?:(?:只有|仅有|仅含|只含|仅包括|只包括)\s*本级|(?:没有|无)(?:其他|下属|所属)(?:二级)?(?:预算)?单位)",
    ATTACHED_TITLES,
    # the unit a founding decision set up, with its inner parts: '根据…〔2030〕3号设立示例区人民法院，内设8个部门'
    rf"设立\s*({ORG})\s*(?:[，,]?\s*(?:内设|下设|设有)|[。；;]\s*(?:其|主要)?(?:负责|职责|职能|承担))",
    # a sentence opening with the unit and the year it reports on: '示例县医院2021年收支总预算…', '现将示例镇2020年度
    # “三公”经费决算情况公布如下'
    # (a heading may run on into the sentence: '二、…决算情况说明示例局2030年度“三公”经费…'); the year may come after what
    # is reported on: '示例县文联财政拨款“三公”经费2030年决算情况如下'
    rf"{_SENTENCE_START}({ORG})\s*{_YEAR}\s*(?:部门|单位)?\s*(?:收支|收入|支出|“?三公|财政拨款|一般公共预算|政府采购|没有|未|使用)",
    # …or the year first, then the unit and what it took in or spent: '2030年，示例市红十字会本级实现财务收入…',
    # '2030年度，示例台收、支总计…'
    rf"{_SENTENCE_START}{_YEAR}\s*[，,]?\s*({ORG})\s*(?:本年|全年)?\s*(?:实现|取得)?了?\s*(?:财务|总|本年)?\s*"
    r"(?:收支|收入|支出|收\s*[、,]\s*支)",
    # (or what is reported on, then the year: '示例中心财政拨款“三公”经费预算2030年情况如下')
    rf"{_SENTENCE_START}({ORG})\s*(?:一般公共预算)?\s*(?:财政拨款)?\s*[“\"]?三公[”\"]?\s*经费\s*(?:财政拨款)?\s*(?:支出)?\s*"
    rf"(?:{_YEAR}\s*(?:支出)?\s*(?:决算|预算)|(?:决算|预算)\s*{_YEAR}\s*(?:情况|执行|安排))",
    # '现将示例县示例镇2020年部门预算编制说明如下'
    rf"(?:现将|现就)\s*({ORG})\s*{_YEAR}\s*(?:部门|单位)(?:预算|决算)",
    # a report with no title line names itself in its first sentence: '现将2030年示例县交通运输局示例资金项目绩效自评总结报告
    # 如下'
    rf"(?:现将|现就)\s*(?:{_YEAR})?\s*({ORG})\s*(?:{_YEAR})?[^。；;\n]{{0,40}}?自评[^。；;\n]{{0,8}}?报告[^。；;\n]{{0,4}}?如下",
    # a place's sector summed up as its 部门 in a title ('2030年度示例县教育部门“三公”经费决算情况说明'): the bureau and
    # the units under it, named so when the text names no one body of them
    rf"^[ \t#]*(?:{_YEAR})?\s*({PLACE}{_SECTOR}部门)\s*(?:{_YEAR})?\s*(?:“?三公|一般公共预算|财政拨款|决算|预算|整体支出)",
    rf"20\d{{2}}\s*年度?\s*({PLACE})(?=(?:全[省市区县州旗])?(?:部门|一般公共预算|\s*“?三公|财政拨款|行政单位))",  # a place's summary
    # its title or opening: '示例县2018年“三公”…', '示例区2022年的“三公”经费决算数合计…'
    rf"(?:^|(?<=[\t|]))#*\s*({PLACE})\s*20\d{{2}}\s*年度?\s*的?\s*(?:全[县市区州])?\s*“?三公",  # or a table's cell
    # the finance bureau that added up all the place's units, or published their sum: '经示例市财政局汇总，2025年全市行政单位…',
    # '示例省财政厅公布2030年省级“三公”经费决算…'
    # (what it published is the sum itself, not a notice about publishing: '…财政局发布关于市级部门预算公开的通知')
    rf"(?<![\u4e00-\u9fff])(?:经|由)?\s*({PLACE})\s*财政(?:局|厅)\s*(?:汇总|公布|公开|晒出|发布)[了出]?\s*[，,]?\s*"
    r"(?:20\d{2}\s*年度?)?\s*(?!的?关于)[\u4e00-\u9fff]{0,8}?(?:全[县市区州省]|[县市区州省]本?级)",
    # a place's own-level budget or accounts: '…批准的示例市本级2024年预算'
    rf"(?:^|(?<=[的，,。；;：:\s“]))({PLACE_LEVEL})\s*20\d{{2}}\s*年度?\s*(?:预算|决算)",
    # a 三公 explanation setting the unit's own trips against other units': '安排示例中心出国团组0个，参加其他单位组织的…'
    rf"安排\s*({ORG})\s*(?:因公)?出国(?:[（(]境[)）])?团组[^。]{{0,20}}参加其他单位",
    # a project's money passed to the unit that spends it: '市财政下达市交通运输局示例工程建设经费260万元'
    rf"财政局?\s*(?:下达|拨付|拨入)(?:给)?\s*({ORG})[^。；;]{{0,30}}?(?:资金|经费)",
    # a notice's own contact: '如有问题请与我们联系。联系单位：示例师财政局' — the issuer ('我们') gives itself as the contact (a
    # 联系单位 otherwise is whom to ask, not whose document it is)
    rf"与我们联系\s*[。；;，,]?\s*联系单位\s*[：:]\s*({ORG}){_LABEL_END}",
    rf"^来源\s*[：:]\s*({ORG})\s*$",  # a web page's publisher, the weakest evidence
]
# A site banner's greeting ('欢迎进入示例市示例局网站!'): no word of the name it is followed by.
BANNER = r"欢迎(?:您)?(?:来到|访问|进入|光临|登录)"
# A web page's publisher or site banner, dropped with the page's metadata before reading or left at the top of its
# text (a label and its value on one line, or the value on the next line as a bullet): weaker than any text.
_PUBLISHER_PATTERNS = [
    rf"(?:信息来源|来源|发布机构)\s*[\]】］]?\s*[：:|]?[ \t]*(?:\n\s*[•·]\s*)?({ORG})(?=[\s|]|$)",
    rf"{BANNER}\s*({ORG})(?:门户)?(?:网站|网)?(?=[!！。\s]|$)",
    # a government information catalogue's row of fields: '索引号：… | 部门：示例局 | …' names the issuing department
    rf"索引号[^\n]*?(?<![\u4e00-\u9fff])部门[ \t]*[：:][ \t|]*({ORG})(?=[\s|]|$)",
]
# A 发布机构 label of a government information catalogue names the body whose document it is (a 来源 line names only
# who put it on the site: a county's 政府办 posts its schools' budgets).
ISSUER_LABEL_RE = re.compile(r"^(?:发布机构|索引号)")
FINANCE_RE = re.compile(r"^财政")  # a finance bureau publishes every unit's budget: its name says whose it is not


def _slips() -> dict[str, str]:
    """Misprints of the longer organisation suffixes in a page's metadata, each a character typed over by its neighbour
    ('联会会' for '联合会', '办室室' for '办公室'), with the suffix meant; a misprint two suffixes share is left out."""
    words = [word for word in re.findall(r"[\u4e00-\u9fff]+", ORG[ORG.index("(?:"):]) if len(word) >= 3]
    slips: dict[str, set[str]] = {}
    for word in words:
        for at in range(len(word)):
            for near in (at - 1, at + 1):
                if 0 <= near < len(word) and word[near] != word[at]:
                    slips.setdefault(word[:at] + word[near] + word[at + 1:], set()).add(word)
    return {slip: meant.pop() for slip, meant in slips.items() if len(meant) == 1 and slip not in words}


_SLIPS = _slips()
# A misprinted suffix ending a publisher's name, before the next field or the line's end.
SLIP_RE = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{'|'.join(_SLIPS)})(?=[\s|]|$)", re.MULTILINE)
# A title naming a unit's own accounts: the unit, then the year, then 决算 or 预算 ('示例局2030年度（本级）决算公开报告').
UNIT_ACCOUNTS_TITLE_RE = re.compile(rf"({ORG})\s*(?:[（(]本级[)）])?\s*(?:{_YEAR})?\s*(?:[（(]本级[)）])?\s*(?:决算|预算)"
                                    r"(?:公开|报告|情况|说明)")
# Not a unit's name: a placeholder or a sentence that happens to end like one.
_NOT_UNIT = re.compile(r"^(XX|××|某某)|^(根据|按照|关于|为|纳入|包括|其中|现将|经(?!济|开))"
                       r"|^(?:主要|具体|分别|还|共|均)(?:包括|包含|有|是|为)"  # a sentence's words: '…单位主要包括示例馆'
                       # a kind of body alone ('医院现有床位…', '学校共有…'): which one is not said
                       rf"|^(?:人民)?{ORG[ORG.index('(?:'):]}$"
                       r"|^[我本](单位|部门|局|委|办|院|所|中心|镇|乡|街道|机关|馆|站|校|队|处|厅|园|会)"
                       r"|^(?:信息名称|名称|标题)"  # a page's title label run into the name
                       r"|^[是在对由]"  # a sentence's words before a name ('是党和政府…'): no name opens so
                       r"|^[属隶]"  # '属示例县教育局下属的二级预算单位': the body above the unit, named after 属
                       r"|^(?:主要)?(?:用于|用作|使用)"  # what money went to ('…购置1辆，用于政府系统…'): no name
                       r"|[XＸ]{2}|^[区县市州省]?本级$|网站$"  # a site's footer links ('…部门网站地方政府网站')
                       r"|^[各该]|^全(镇|乡|街道|县|市|区|州|省|部)$"  # all the units of a place, not one
                       # words ending like a unit ('全部是基本支出', '收入全部为…'): no body's name ends so
                       r"|(?:全部|内部|外部|局部|大部)$|^(?:全局|部分)$"
                       r"|主管部门|(?:实施|执行|项目)单位|单位名称|项目名称")  # a form's labels run together with values
# '区水利局', '县政协': the place left out, not the name — unless a form's own unit label prints it so (a form
# filled in for the district's own use names the unit as its people call it).
_PLACELESS = re.compile(r"^(区|县|州|省|市(?!场|中区))")
# A kind of body, not one body: '公安机关是…的专门机关' opens a duty paragraph with what every police bureau is.
_GENERIC = re.compile(r"^(?:公安|司法|审判|检察|行政|国家|事业|党政|政府|群团)?(?:机关|单位|部门)$"
                      # a township's kind of body ('乡镇政府是基层国家行政机关'): no town named
                      r"|^(?:乡镇|乡|镇|街道)(?:人民)?(?:政府|党委|办事处)$")
# A bureau or centre named by its trade alone ('教育局', '财政局', '政务中心'): which place's is not said (every district
# has its 政务中心, so a sentence naming only that does not say whose it is).
_BARE = re.compile(r"^[^省市区县州旗镇乡盟]{1,8}(?:局|厅|委员会|办公室|中心)$")
_LEVELS = re.compile(r"[省市区县州旗镇乡盟]")  # a name without any of these names no place at all ('财政局')
_ABOVE_TOWN = re.compile(r"[省市区县州旗盟]")  # a name with one of these says where it is; a town's alone does not
# A site's navigation menu, one link per line at the top of a page ('首页', '新闻中心', '政务公开', …): none of its
# items is the unit.
_MENU_ITEM = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*$")
MENU_MIN = 4
# A form's label on a line of its own ('区级主管部门' over '示例区残联'): such a run of short lines is a form copied one cell
# per line, not a menu.
_FORM_CELL_RE = re.compile(rf"^\s*[\u4e00-\u9fff]{{0,2}}(?:{DEPARTMENT_LABEL}|实施单位|项目单位|填报单位|项目名称)\s*$")


@dataclass(frozen=True)
class Detection:
    kind: DocumentKind | None
    year: int | None
    unit: str
    hint: str = ""  # why the kind could not be decided
    evidence: tuple[str, ...] = ()  # what decided the kind: the title, or the markers found
    year_note: str = ""  # why the year could not be established, when the text names one that cannot hold
    # the budget side's targets decided the kind (a 绩效目标表, or a notice allocating money with one), not a 预算公开
    targets: bool = False
    unaudited: str = ""  # what the document is, when it is of a kind jixiao recognises but does not audit yet


def _contents_entries(lines: list[str]) -> set[str]:
    """Lines of a 目录: an entry with its page number whose words come again later as a heading of the body."""
    masked = [re.sub(r"(?:19|20)\d{2}", "#", line) for line in lines]  # a 目录 may name another year
    entries = set()
    for index, line in enumerate(lines):
        words = re.sub(r"[.·…\s]*\d{1,3}$", "", masked[index])
        if words != masked[index] and len(words) >= 4 and words in masked[index + 1:]:
            entries.add(line)
    return entries


def _without_contents(text: str) -> str:
    """The text without the entries of its 目录 (its headings in the body say the same, and a 目录 left from last
    year names last year)."""
    lines = text.splitlines()
    contents = _contents_entries([re.sub(r"\s+", "", line) for line in lines[:TITLE_LINES * 10]])
    return "\n".join(line for line in lines if re.sub(r"\s+", "", line) not in contents)


def _without_collections(text: str) -> str:
    """The text without the lines of an essay site's collection titles."""
    return "\n".join(line for line in text.splitlines() if not COLLECTION_TITLE_RE.search(line))


def _title_lines(text: str, fielded: bool = False) -> list[str]:
    """The first lines, site metadata left out and a title broken over lines joined, each up to its first sentence
    mark or the opening of the body run on after the title; a part quoting an amount is a sentence, not a title. A
    notice publishing a document ('关于公示《…绩效目标表》的通知') is read by the document it publishes. `fielded`: the
    page's metadata fields were dropped before reading (its title field may be left with its label cut, '称：…')."""
    raw = text.splitlines()
    metadata = metadata_lines(raw)
    skipped = set(metadata) | attachment_lines(raw)  # an attachment list names documents that are not this one
    lines = [ATTACHMENT_LABEL_RE.sub("", _unlabelled(re.sub(r"\s+", "", line).lstrip("#"), fielded)[0])
             for index, line in enumerate(raw) if index not in skipped]
    lines = _joined_titles([line for line in lines if line][:TITLE_LINES * WRAPPED_LINES])
    lines = [quoted.group(1) if (quoted := QUOTED_DOCUMENT_RE.match(line)) else line for line in lines]
    parts = [_title_part(line) for line in lines][:TITLE_LINES]
    return [part for part in parts if part and not AMOUNT_RE.search(part) and not NOT_TITLE_RE.search(part)]


def _title_part(line: str) -> str:
    """A title line up to its first sentence mark or the opening of a body run on after it, at most TITLE_LENGTH
    characters — unless a title's last word ('…绩效评价报告') ends just past that length (a PDF's running header
    run into the title: '示例县2031年度示例资金项目审计报告附件8.2031年度…项目绩效评价报告')."""
    part = re.split(rf"[，。；！？：:,;!?]|{BODY_OPENING}", line)[0]
    if len(part) > TITLE_LENGTH and (end := REPORT_END_RE.search(part, TITLE_LENGTH - 1, TITLE_LENGTH + TITLE_OVERRUN)):
        return part[:end.end()]
    return part[:TITLE_LENGTH]


def _unlabelled(line: str, fielded: bool) -> tuple[str, bool]:
    """A line (spaces dropped) without a page's title label ('信息名称：', '标题：', or cut by the page to '称：' among
    the page's fields), and whether it had one."""
    label = PAGE_TITLE_LABEL_RE.match(line) or (CUT_PAGE_TITLE_LABEL_RE.match(line) if fielded else None)
    return (line[label.end():], True) if label else (line, False)


def _page_titles(text: str, fielded: bool) -> set[str]:
    """The titles the page's title field gives ('名称：示例局2031年预算公开'): the site's name for what it publishes."""
    titles = set()
    for line in text.splitlines()[:TITLE_LINES * WRAPPED_LINES]:
        value, labelled = _unlabelled(re.sub(r"\s+", "", line).lstrip("#"), fielded)
        if labelled and (title := _title_part(value)):
            titles.add(title)
    return titles


def _own_title_first(titles: list[str], page: set[str]) -> list[str]:
    """The title lines with the document's own title first: a portal's title field, and its page heading repeating it,
    may name what the site files the page under ('示例医院2031年预算公开') while the document printed below it titles
    itself otherwise ('示例医院2030年度部门决算'); the document's own title, below the page's, unnumbered (not a
    section heading) and naming a kind of document, is the one read. Without a page title, as they are."""
    first = next((index for index, line in enumerate(titles) if line in page), None)
    if first is None:
        return titles
    own = next((line for line in titles[first + 1:] if line not in page and not LIST_ITEM_RE.match(line)
                and any(re.search(pattern, line) for _, pattern in _TITLES)), None)
    return titles if own is None else [own] + [line for line in titles if line != own]


def _joined_titles(lines: list[str]) -> list[str]:
    """The lines with a title broken over up to WRAPPED_LINES lines joined."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line, after = lines[index], index + 1
        while after < len(lines) and after - index < WRAPPED_LINES and _wraps(line, lines[after]):
            line, after = line + lines[after], after + 1
        out.append(line)
        index = after
    return out


def _wraps(line: str, following: str) -> bool:
    """Whether a title line goes on on the next line: a bracket it opened is not closed, it opens with 关于 and has
    not reached the kind of document it names, it ends on a word no title ends with, or the next line is the
    title's tail ('的通知'). Neither line is a sentence."""
    if SENTENCE_MARK_RE.search(line) or SENTENCE_MARK_RE.search(following) or len(following) > TITLE_LENGTH:
        return False
    opened = line.count("《") > line.count("》") or line.count("(") + line.count("（") > line.count(")") + line.count("）")
    about = re.match(rf"{_LEAD}关于", line) is not None and not TITLE_END_RE.search(line)
    tail = following.startswith("的") and TITLE_END_RE.search(following) is not None and len(following) <= TITLE_TAIL
    return opened or about or tail or WRAP_END_RE.search(line) is not None


def _file_titles(preamble: tuple[str, ...]) -> list[str]:
    """The names of files a page gives its text under (a mirror of an attachment): the document's title as
    published, tried after the text's own title lines; a template's name ('XX单位…自评表') names no document. The
    number a site gives a file in its list ('8.示例站2030年度单位决算.pdf') is not part of the title."""
    names = [FILE_NUMBER_RE.sub("", re.sub(r"\s+", "", m.group(1))) for line in preamble
             if (m := FILE_NAME_RE.match(line))]
    return [name for name in dict.fromkeys(names) if not NOT_TITLE_RE.search(name) and not GUIDE_RE.search(name)]


def _hits(patterns: list[str], text: str) -> list[str]:
    """What each pattern that occurs in the text first matches: the markers of a kind (or of what is no unit's
    document) the text shows, one per pattern."""
    return [m.group(0) for m in (re.search(p, text) for p in patterns) if m]


def _sangong_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """A lone 三公 section: 决算 when it says 决算 or counts trips and guests, 预算 when it says only 预算."""
    if "三公" not in text or len(set(SANGONG_ITEMS_RE.findall(text))) < 2:
        return None
    plain = FUND_NAMES_RE.sub("", DEFINITION_RE.sub("", text))
    counted = any("预算" not in m.group(0) for m in TRIP_COUNT_RE.finditer(plain))
    if "决算" in plain or counted or AGAINST_BUDGET_RE.search(plain):
        return DocumentKind.DISCLOSURE, "三公经费各项的支出（决算）"
    if "预算" in plain or "安排" in plain:  # 安排: money set aside for the year, said of a budget
        return DocumentKind.BUDGET_DISCLOSURE, "三公经费各项的预算"
    if SPENT_AGAINST_LAST_YEAR_RE.search(plain):
        return DocumentKind.DISCLOSURE, "三公经费各项的支出与上年支出比较（未提预算）"
    return None


# The line items of a 收支 explanation, each stated with an amount: a page of a 情况说明 without its title.
EXPLAINED_ITEMS_RE = re.compile(r"(财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入|上年结转(?:和结余)?"
                                r"|年初结转和结余|年末结转和结余|本年收入|本年支出|总收入|总支出|基本支出|项目支出|人员经费|公用经费"
                                r"|政府(?:集中)?采购|分散采购|(?:货物|工程|服务)类?采购"
                                r"|[\u4e00-\u9fa5]{2,10}支出[(（]类[)）]"
                                # a function item by its 类/款/项 ('卫生健康(类)行政事业单位医疗(款)(项):支出决算为…')
                                r"|[\u4e00-\u9fa5、]{2,12}[(（]类[)）][^。；;\n:：]{0,60}?[(（]项[)）]"
                                r"|工资福利支出|商品和服务支出|对个人和家庭(?:的)?补助(?:支出)?|资本性支出"  # economic classes
                                r")[^。；;，,\d]{0,12}?\d[\d,.]*\s*(?:万元|元)")
EXPLAINED_MIN = 3
# What a text saying neither 决算 nor 预算 reports when it states what came in and went out over a past period (a
# financial report of a body's own money: '本年实现财务收入X万元', '报告期为2030年1月1日至…'): its actuals, as a 决算 does.
REPORTED_ACTUALS_RE = re.compile(r"实现(?:了)?(?:财务)?(?:总)?收入|报告期(?:为|是)?\s*\d{4}\s*年")


def _explanation_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """A page of a 收支 情况说明: three or more of its line items stated with amounts; 决算 when the text says
    决算, 预算 when it says only 预算 (outside fund names); neither decides nothing."""
    items = list(dict.fromkeys(m.group(1) for m in EXPLAINED_ITEMS_RE.finditer(text)))
    if len(items) < EXPLAINED_MIN:
        return None
    plain = FUND_NAMES_RE.sub("", DEFINITION_RE.sub("", text))
    what = f"收支情况说明中的{'、'.join(items[:4])}等金额"
    if "决算" in plain or AGAINST_BUDGET_RE.search(plain):
        return DocumentKind.DISCLOSURE, what + "（决算）"
    if "预算" in plain:
        return DocumentKind.BUDGET_DISCLOSURE, what + "（预算）"
    if actual := REPORTED_ACTUALS_RE.search(plain):
        return DocumentKind.DISCLOSURE, what + f"（实际收支：“{actual.group(0)}”）"
    return None


# The items of a 预决算's 其他重要事项情况说明, each opening its own paragraph or numbered item: a page of them is that
# section of a package (its item on 预算绩效管理 is one of four, not a work summary).
OTHER_MATTERS = [r"机关运行经费", r"政府采购(?:支出)?情况", r"国有资产占用", r"(?:预算)?绩效管理工作(?:开展)?情况|绩效目标设置情况"]
OTHER_MATTERS_MIN = 3


def _other_matters_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """A 其他重要事项 section on its own: three or more of its items; 决算 when the text says 决算, 预算 when it says
    only 预算 (outside the item 预算绩效管理 and fund names)."""
    items = _hits(OTHER_MATTERS, text)
    if len(items) < OTHER_MATTERS_MIN:
        return None
    plain = re.sub(r"预算绩效", "", FUND_NAMES_RE.sub("", DEFINITION_RE.sub("", text)))
    what = f"其他重要事项（{'、'.join(items)}）"
    if "决算" in plain:
        return DocumentKind.DISCLOSURE, what + "（决算）"
    if "预算" in plain:
        return DocumentKind.BUDGET_DISCLOSURE, what + "（预算）"
    return None


def _report_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """Pages from the conclusion on of an evaluation report: whose evaluation it is, by who wrote it."""
    parts = _hits(REPORT_OUTLINE, text)
    if len(parts) < REPORT_OUTLINE_MIN:
        return None
    what = f"评价报告的结论与分析部分（{'、'.join(parts)}）"
    if "自评" in text or not COMMISSIONED_RE.search(text):
        return DocumentKind.SELF_EVALUATION, what
    return DocumentKind.KEY_EVALUATION, what


# An evaluation report's opening handing over its results ('…我们对示例中心专项经费进行了绩效评价，现将评价结果报告如下'),
# followed by how the evaluation was done, each under a heading ('（一）评价目的', '（二）评价过程', '（三）评价方法').
EVALUATION_HANDOVER_RE = re.compile(r"(?:进行|开展)了?(?:绩效)?评价[^。；;]{0,12}现将(?:评价)?(?:结果|情况)?报告如下")
EVALUATION_STEP_RE = re.compile(rf"{_HEADING_START}(?:绩效)?评价(?:工作)?(?:目的|过程|方法|思路|对象|范围|原则|标准"
                                  r"|指标体系)")
EVALUATION_STEP_MIN = 2


def _handover_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """The first pages of an evaluation report whose opening says it hands over an evaluation's results, with how
    the evaluation was done under headings of their own; whose evaluation it is, by who did it (_evaluator)."""
    handover = EVALUATION_HANDOVER_RE.search(text)
    methods = list(dict.fromkeys(m.group(0).strip(" \t#") for m in EVALUATION_STEP_RE.finditer(text)))
    if handover is None or len(methods) < EVALUATION_STEP_MIN:
        return None
    kind, why = _evaluator(DocumentKind.KEY_EVALUATION, "", text)
    shown = "、".join(f"“{LIST_ITEM_RE.sub('', part)}”" for part in methods[:3])
    return kind, f"评价报告的开头“{handover.group(0)}”及小标题{shown}{why}"


def _opening_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """The first pages of an evaluation report without its title: the project, its targets and how it was evaluated,
    each under a heading; whose evaluation it is, by who did it (_evaluator)."""
    parts = _hits(REPORT_OPENING, text)
    if len(parts) < len(REPORT_OPENING):
        return None
    kind, why = _evaluator(DocumentKind.KEY_EVALUATION, "", text)
    shown = "、".join(f"“{LIST_ITEM_RE.sub('', part.strip().lstrip('#').strip())}”" for part in parts)
    return kind, f"评价报告的小标题{shown}{why}"


def _scored_fragment(text: str) -> tuple[DocumentKind, str] | None:
    """Scores given item by item against their full marks, with the total or the reasons for them: an evaluation, the
    unit's own unless an evaluator is named (_evaluator)."""
    items = [m.group(0) for m in ITEM_SCORE_RE.finditer(text)]
    total = SCORE_TOTAL_RE.search(text)
    if len(items) < ITEM_SCORES_MIN or total is None:
        return None
    kind, why = _evaluator(DocumentKind.KEY_EVALUATION, "", text)
    return kind, f"逐项评分（“{items[0]}”等 {len(items)} 项）及“{total.group(0)}”{why}"


def _not_a_unit_document(head: str, titles: list[str]) -> str:
    """Why the text is not a unit's own document of any kind (a filling guide, a regulation, a government's fiscal
    report), or ""."""
    guide = list(dict.fromkeys(m.group(0)[:6] for m in GUIDE_RE.finditer(head)))
    if len(guide) >= GUIDE_MIN and not FIGURE_RE.search(head):
        return f"像是填写说明、评分规则、样例或空白模板（“{'”“'.join(guide[:3])}”），没有填报的数字，不是某个单位填报的文档"
    rubric = RUBRIC_RE.search(head)
    if rubric and len(cuts := DEDUCTION_RE.findall(head)) >= DEDUCTIONS_MIN and not SCORED_RE.search(head):
        return (f"像是评分规则（“{rubric.group(0)}”“{cuts[0]}”），只说明各项怎样扣分，文中没有任何得分，不是某个单位的绩效评价"
                "或自评")
    if len(asked := list(dict.fromkeys(m.group(0) for m in QA_RE.finditer(head)))) >= QA_MIN:
        return f"像是问答网站上的回答（“{'”“'.join(asked[:4])}”），其中的数字来自各处，不是某个单位公开的文档"
    if len(rules := _hits(REGULATION_MARKERS, head)) >= REGULATION_MIN:
        shown = [re.sub(r"\s+", " ", rule.strip(" \t#"))[:30] for rule in rules]
        return (f"像是管理办法、实施细则一类的制度文件（“{'”“'.join(shown[:3])}”），规定怎样做，不是某个单位的"
                "预决算公开、绩效自评、评价报告或工作情况")
    if not any(re.search(r"(部门|单位)(决算|预算)", line) or _unit_accounts_title(line) for line in titles):
        fiscal = _hits(FISCAL_MARKERS, head)
        if len(fiscal) >= FISCAL_MIN:
            return (f"像是一级政府的财政预决算报告（“{'”“'.join(fiscal[:3])}”），不是部门或单位的预决算公开，"
                    "也不是绩效评价材料")
    return ""


def _unit_accounts_title(line: str) -> bool:
    """Whether a title names a unit's own 决算 or 预算 ('示例市财政局2030年度（本级）决算公开报告'): a finance bureau's
    own accounts, whose duties speak of the government's budget, are not the government's; a place's or its
    government's accounts ('示例市本级…决算', '示例县人民政府…预算公开') are."""
    return any(not re.search(r"(?:政府|本级)$", match.group(1)) for match in UNIT_ACCOUNTS_TITLE_RE.finditer(line))


def _target_form(head: str) -> str:
    """The title of a 绩效目标表 the text prints with its target table ('一级指标 … 指标值') and no actual or score
    after it, wherever the title stands (under a notice, its first lines over several lines); or ""."""
    if len(_hits(dict(_MARKERS)[DocumentKind.DISCLOSURE], head)) >= MIN_MARKERS:
        return ""  # a 决算 package's target table is its 决算's (a notice saying where the money goes in the year's
        # accounts, '年终决算列报…科目', is no 决算)
    for line in TARGET_FORM_LINE_RE.finditer(head):
        header = HEADER_RE.search(head, line.end())
        if header and not ACTUALS_RE.search(head, header.start()):
            return line.group(0).strip(" \t#")
    # a notice and its attachments flattened onto one line ('…附件2项目绩效目标表主管部门:示例局资金总额:…一级指标…'):
    # the title with the form's header close after it
    for title in FUSED_TARGET_TITLE_RE.finditer(head):
        window = (title.end(), title.end() + FUSED_HEADER_WITHIN)
        header = HEADER_RE.search(head, *window) or FORM_HEAD_RE.search(head, *window)  # or its head, cut after it
        if header and not ACTUALS_RE.search(head, header.start()):
            return title.group(1)
    return ""


def _evaluator(kind: DocumentKind, line: str, head: str, above: str = "") -> tuple[DocumentKind, str]:
    """An evaluation report with no evaluator in sight is the unit's own evaluation of its spending or its project
    (a self-evaluation) — unless what it evaluates is a fund (the title's line `above` may name it)."""
    if kind is not DocumentKind.KEY_EVALUATION or EVALUATION_FORM_RE.search(line):
        return kind, ""
    whose = "部门对自身整体支出的评价" if WHOLE_DEPARTMENT_RE.search(line) else "单位对自身项目的评价"
    if SELF_SAID_RE.search(head) and not COMMISSIONED_RE.search(head):
        return DocumentKind.SELF_EVALUATION, f"（{whose}：文中说明是自我评价）"
    if not EVALUATOR_RE.search(head):
        if FUND_EVALUATED_RE.search(above + line) or FUND_TRACKED_RE.search(head):
            return kind, "（评价的是一项资金，文中未说是自评）"
        return DocumentKind.SELF_EVALUATION, f"（{whose}：未见受托评价机构或评价等次）"
    return kind, ""


def detect(text: str, path: str = "", preamble: tuple[str, ...] = ()) -> Detection:
    """Kind, year and unit of a document from its text (the head of it weighs most). `preamble`: the page's
    metadata lines that were dropped before reading (publisher, publication date) — the weakest evidence."""
    head = YEAR_DASH_RE.sub(r"\1年", text[:20000])
    body = _without_contents(head)
    fielded = bool(preamble)
    titles = _own_title_first(_title_lines(body, fielded), _page_titles(body, fielded))
    named = _file_titles(preamble)
    year, firm = _year_of([t for t in titles + named if not COLLECTION_TITLE_RE.search(t)], _without_collections(body))
    unit = _unit(head, preamble, named)
    published = next((int(m.group(1)) for line in preamble if (m := _PUBLISHED.search(line))), None)

    def found(kind: DocumentKind | None, hint: str = "", evidence: tuple[str, ...] = (), targets: bool = False,
              unaudited: str = "") -> Detection:
        checked, note = _checked_year(kind, year, firm, published)
        # a place's account of its performance-management work is its bureau's own report: the bureau the page names
        # bare ('来源：财政局') is the one of the place the title opens with
        whose = unit or (_publisher(preamble, _for_names(head), bare=True) if kind is DocumentKind.WORK_SUMMARY else "")
        return Detection(kind=kind, year=checked, unit=whose, hint=hint, evidence=evidence, year_note=note,
                         targets=targets, unaudited=unaudited)

    if reason := _not_a_unit_document(head, titles):
        return found(None, hint=reason)
    if (wire := WIRE_RE.search(head[:WIRE_WITHIN])) and (signs := _hits(WIRE_SIGNS, head)):
        return found(None, hint=f"像是新闻报道（电头或记者署名“{wire.group(0).strip()}”，以及“{signs[0]}”），"
                                "新闻转述的情况和数字不是某个单位公开的文档")
    first_line = next((line for line in body.splitlines() if line.strip()), "")
    if (lede := RELATIVE_DAY_OPENING_RE.match(first_line)) and (
            signs := _hits(WIRE_SIGNS, head) or [m.group(0) for m in (BYLINE_RE.search(head),
                                                                     MEETING_LEDE_RE.search(first_line)) if m]):
        return found(None, hint=f"像是新闻报道（以“{lede.group(0).strip()}”开头，以及“{signs[0]}”），新闻转述的情况和数字"
                                "不是某个单位公开的文档")
    if news := NEWS_OPENING_RE.search(body):
        return found(None, hint=f"像是新闻报道（“{news.group(0).strip()}”），不是某个单位公开的文档")
    listed = _list_items(titles)
    for index, line in enumerate(titles + named):
        if line in listed:
            continue  # a later item of a numbered list ('4、关于预算绩效管理工作开展情况' after '1、'–'3、'): a section
        if MANY_DEPARTMENTS_RE.search(line) or MEETING_TITLE_RE.search(line):
            continue  # a headline about all the departments of a level names no one unit's document (nor does a
            # meeting held on documents)
        if EXANTE_TITLE_RE.search(line):
            what = "标题" if line in titles else "页面所附文件名"
            return found(None, unaudited=EXANTE,
                         hint=f"{what}“{line}”表明是事前绩效评估报告（新出台的重大政策、项目申请预算前，对立项必要性、投入经济性、"
                              "绩效目标合理性、实施方案可行性、筹资合规性的评估）；文档审核尚不包括事前绩效评估报告（项目的事前评估评分可在"
                              "业务服务的“事前绩效评估”中录入和计算），报告中的评估得分与结论未核对，也未按自评、评价报告或工作情况读取")
        if MONITORING_TITLE_RE.search(line):
            what = "标题" if line in titles else "页面所附文件名"
            if not (form := MONITORING_FORM_RE.search(line) or MONITORING_FORM_RE.search(head)):
                if SELF_EVALUATED_RE.search(head) and not MONITORING_PERIOD_RE.search(head):
                    continue  # a self-evaluation under a monitoring title (a page of samples): read by its content
                parts = _hits([MONITORING_PERIOD_RE.pattern, *MONITORING_PARTS], head)
                shown = f"；文中有“{'”“'.join(parts[:4])}”" if parts else ""
                return found(DocumentKind.MONITORING,
                             evidence=(f"{what}“{line}”（文字形式的绩效运行监控报告，未附监控表{shown}；按文字所述的预算、"
                                       "执行数和期间核对）",))
            return found(DocumentKind.MONITORING,
                         evidence=(f"{what}“{line}”及“{form.group(0)}”（绩效运行监控表：年中的预算执行进度和全年目标的完成预计）",))
        for kind_, pattern in _TITLES:
            if re.search(pattern, line) and not (kind_ is DocumentKind.BUDGET_DISCLOSURE and "决算" in line):
                above = titles[index - 1] if 0 < index < len(titles) else ""  # a title's first line, when over two
                kind_, why = _evaluator(kind_, line, head, above)
                what = "标题" if line in titles else "页面所附文件名"
                return found(kind_, evidence=(f"{what}“{line}”{why}",), targets=pattern == TARGET_FORM)
    for line in titles + named:
        table = re.search(INDICATOR_TABLE_TITLE, line)
        if (table or re.search(TARGETS_TITLE, line)) and TARGET_COLUMN_RE.search(head) and not EVALUATED_RE.search(head):
            what = "标题" if line in titles else "页面所附文件名"
            listed = "绩效指标表只列目标值" if table else "只列绩效目标和指标值"
            return found(DocumentKind.BUDGET_DISCLOSURE,
                         evidence=(f"{what}“{line}”（{listed}，没有实际完成值或得分：预算阶段的绩效目标）",), targets=True)
    if form := _target_form(head):
        return found(DocumentKind.BUDGET_DISCLOSURE,
                     evidence=(f"表名“{form}”（绩效目标表只列指标值，没有实际完成值或得分：预算阶段的绩效目标）",),
                     targets=True)
    if news := NEWS_RE.search(head) or NEWS_SOURCE_RE.search("\n".join(preamble)):
        return found(None, hint=f"像是新闻报道（“{news.group(0)}”），不是某个单位公开的文档")
    if news := NEWS_SECTION_RE.search("\n".join((*preamble, head[:2000]))):  # the breadcrumb: often in the preamble
        return found(None, hint=f"页面位于网站的新闻栏目（“{news.group(0).strip()}”），标题不是某个单位的预决算、自评或评价文档，"
                                "像是新闻报道")
    if method := EVALUATION_METHOD_RE.search(head):
        return found(DocumentKind.SELF_EVALUATION, evidence=(f"封面“{method.group(0).strip()}”（评价方式为自评）",))
    if prose := _monitoring_prose(head):
        return found(DocumentKind.MONITORING, evidence=(prose,))
    scores: list[tuple[int, DocumentKind, list[str]]] = []
    for kind, markers in _MARKERS:
        hits = _hits(markers, head)
        if kind is DocumentKind.BUDGET_DISCLOSURE and "决算" in head:
            hits = []  # a 预算公开 has no 决算; a 决算 package's 预算数 columns do not make it one
        scores.append((len(hits), kind, hits))
    best = max(hits for hits, _, _ in scores)
    if best < MIN_MARKERS and (fragment := _sangong_fragment(head)) is not None:
        return found(fragment[0], evidence=(f"内容标记：{fragment[1]}",))
    if best < MIN_MARKERS and (explained := _explanation_fragment(head)) is not None:
        return found(explained[0], evidence=(f"内容标记：{explained[1]}",))
    if best < MIN_MARKERS and (matters := _other_matters_fragment(head)) is not None:
        return found(matters[0], evidence=(f"内容标记：{matters[1]}",))
    if best < MIN_MARKERS and (heading := TRANSFER_SELF_EVAL_RE.search(head)):
        return found(DocumentKind.SELF_EVALUATION, evidence=(f"小标题“{heading.group(0).strip()}”（转移支付区域绩效自评报告）",))
    if best < MIN_MARKERS and (report := _report_fragment(head)) is not None:
        return found(report[0], evidence=(f"内容标记：{report[1]}",))
    if best < MIN_MARKERS and (opening := _opening_fragment(head)) is not None:
        return found(opening[0], evidence=(f"内容标记：{opening[1]}",))
    if best < MIN_MARKERS and (handover := _handover_fragment(head)) is not None:
        return found(handover[0], evidence=(f"内容标记：{handover[1]}",))
    if best < MIN_MARKERS and (scored := _scored_fragment(head)) is not None:
        return found(scored[0], evidence=(f"内容标记：{scored[1]}",))
    if best < MIN_MARKERS and (stated := SELF_STATED_RE.search(head)):
        return found(DocumentKind.SELF_EVALUATION, evidence=(f"文中说明是自评：“{stated.group(0)}”",))
    if best < MIN_MARKERS and (compared := COMPARISON_HEADER_RE.search(head)):
        return found(None, hint=f"文中是{compared.group(1)}年与{compared.group(2)}年逐项对比的表，未找到自评表、决算公开表、"
                                "预算公开表、评价表等任何可识别的标题或表名；指明类型后，其增减额、增减率与合计按表内算术核对")
    if best < MIN_MARKERS:
        return found(None, hint=_nothing_decided(titles, [hits for _, _, hits in scores]))
    leaders = [(kind, hits) for count, kind, hits in scores if count == best]
    kind, hits = leaders[0]
    if len(leaders) > 1:
        name = PurePath(path).name
        hinted = next((k for word, k in _FILENAME_HINTS.items() if word in name and k in dict(leaders)), None)
        if hinted is not None:
            kind, hits = hinted, dict(leaders)[hinted]
    marked = f"内容标记：{'、'.join(dict.fromkeys(hits))}"
    if kind is DocumentKind.KEY_EVALUATION and (said := SELF_SAID_RE.search(head)) and not COMMISSIONED_RE.search(head):
        # evaluation words without a title, the text saying it is the unit's own ('现将…绩效自评如下')
        return found(DocumentKind.SELF_EVALUATION, evidence=(f"{marked}；文中说明是自评（“{said.group(0)}”）",))
    return found(kind, evidence=(marked,))


def _monitoring_prose(head: str) -> str:
    """The evidence that an untitled text is a monitoring report in prose (a monitoring heading, an in-year period
    and the report's parts, none of the words of another kind), or ""."""
    heading = MONITORING_HEADING_RE.search(head)
    period = MONITORING_PERIOD_RE.search(head)
    if heading is None or period is None:
        return ""
    parts = _hits(MONITORING_PARTS, head)
    if len(parts) < MONITORING_PARTS_MIN:
        return ""
    if re.search(NOT_MONITORING, head):
        return ""
    return (f"小标题“{heading.group(0).strip()}”及“{period.group(0)}”“{'”“'.join(parts[:3])}”"
            "（文字形式的绩效运行监控报告：年中的预算执行进度、目标完成情况和纠偏措施）")


LIST_ITEM_RE = re.compile(rf"^(?:{HEADING_NUMBER})")
SHOWN = 24  # characters of a title line or a marker quoted in a refusal


def _nothing_decided(titles: list[str], hits: list[list[str]]) -> str:
    """Why no kind was decided, naming what the text does show: the line it opens with, and the words of a kind found
    too seldom to decide it (one is a mention)."""
    seen = list(dict.fromkeys(re.sub(r"\s+", " ", hit).strip(" #")[:SHOWN] for found in hits for hit in found))
    said = "未找到自评表、决算公开表、预算公开表、评价表等任何可识别的标题或表名" + (f"（开头为“{titles[0][:SHOWN]}”）" if titles else "")
    if seen:
        return f"{said}；文中只见到零星的相关词语（“{'”“'.join(seen[:4])}”），不足以判断是哪类文档"
    return f"{said}；文中也没有预决算、自评、评价或绩效管理工作的内容"


def _list_items(titles: list[str]) -> set[str]:
    """The title-window lines that are later items of a numbered list ('4、…' after '1、'–'3、'): sections of a text
    that opens with the first, not its title. The first item may stand for a text that has no title of its own
    ('一、2031年“三公”经费预算安排情况' over '二、2030年…决算情况' for comparison)."""
    numbered = [line for line in titles if LIST_ITEM_RE.match(line)]
    return set(numbered[1:])


def _year_of(titles: list[str], head: str) -> tuple[int | None, bool]:
    """The year reported on, and whether it is firm: read from a title line or a 'YYYY年度部门决算' phrase. A table
    setting two years' figures side by side ('2022年预算数 | 2023年预算数') reports on the later one; so does a
    comparison table whose columns are only years ('2030年度 2031年度 增减') when no title names the year."""
    year, firm = _year_of_text(titles, head)
    columns = {int(m.group(1)) for m in re.finditer(YEAR_COLUMN, head, flags=re.MULTILINE)}
    if year in columns and max(columns) > year:
        return max(columns), firm
    if not firm and (compared := _compared_years(head)):
        return max(compared), False
    return year, firm


# A header cell that is a year alone ('2030年度'), between cells separated by spaces, tabs or bars.
YEAR_CELL_RE = re.compile(r"(?:^|(?<=[|\t ]))(20\d{2})\s*年度?(?=[|\t ]|$)")
YEAR_CELLS_MIN = 2


def _compared_years(head: str) -> set[int]:
    """The years of a header line holding YEAR_CELLS_MIN or more columns that are each a year alone; the first such
    line counts."""
    for line in head.splitlines():
        years = {int(m.group(1)) for m in YEAR_CELL_RE.finditer(line.strip())}
        if len(years) >= YEAR_CELLS_MIN:
            return years
    return set()


# A form's own title opening with the year it reports on ('2031年度项目支出绩效自评表'), on a line of its own.
FORM_YEAR_TITLE_RE = re.compile(r"^[ \t#]*(20\d{2})\s*年度[^\n。，,；;：:《》]{0,30}?表[ \t]*$", re.MULTILINE)


def _form_year(head: str) -> int | None:
    """The year a form's own title line states ('2031年度项目支出绩效自评表'), wherever the form begins."""
    return next((int(m.group(1)) for m in FORM_YEAR_TITLE_RE.finditer(head)
                 if any(re.search(title, m.group(0).strip()) for _, title in _TITLES)), None)


# A year stamp in brackets ending one of the first lines ('（2031年度）' under the title, or run onto its end).
STAMP_LINE_RE = re.compile(r"[（(]\s*(20\d{2})\s*年度\s*[)）][ \t]*$", re.MULTILINE)
STAMP_LINES = 8
# A title's year that is part of a name ('示例局2030年造林补助资金项目…'): a bare 'YYYY年', not 'YYYY年度'.
NAME_YEAR_RE = re.compile(r"(?<!\d)(20\d{2})\s*年(?!度)")


def _stamped_year(head: str) -> int | None:
    """The year a bracketed stamp under or after the title gives ('（2031年度）'), read only among the first lines."""
    first = "\n".join(line for line in head.splitlines() if line.strip())
    first = "\n".join(first.splitlines()[:STAMP_LINES])
    return int(match.group(1)) if (match := STAMP_LINE_RE.search(first)) else None


def _year_of_text(titles: list[str], head: str) -> tuple[int | None, bool]:
    stamped = _stamped_year(head)
    for line in titles:
        year, pattern = _year(line)
        if stamped is not None and year != stamped and (named := NAME_YEAR_RE.search(line)) and int(named.group(1)) != stamped:
            return stamped, True  # '示例局2030年造林补助资金…自评报告' over '（2031年度）': the stamp is the year reported on
        if year is not None:  # firm when the line is the document's title or a form's year stamp '（2023年度）',
            # not an entry of its contents
            firm = (pattern == 0 or any(re.search(title, line) for _, title in _TITLES)
                    or re.search(INDICATOR_TABLE_TITLE, line) is not None
                    or re.search(TARGETS_TITLE, line) is not None
                    or YEAR_STAMP_RE.fullmatch(line) is not None)
            # a bare year inside a name ('示例县2030年示范项目补助资金绩效自评') gives way to the year the form's own
            # title reports on ('2031年度项目支出绩效自评表')
            if not firm and (form := _form_year(head)) is not None:
                return form, True
            return year, firm
    year, pattern = _year(head)
    if year is not None:
        return year, pattern == 0
    if notice := _NOTICE_YEAR.search(head):
        return int(notice.group(1)), False
    if base := _BASE_YEAR.search(head):  # the year before the one reported on
        return int(base.group(1)) + 1, False
    return None, False


def _checked_year(kind: DocumentKind | None, year: int | None, firm: bool,
                  published: int | None) -> tuple[int | None, str]:
    """A year read only from a sub-heading is not established when the publication date rules it out."""
    lags = _EXPECTED_LAG.get(kind) if kind is not None else None
    if year is None or firm or published is None or lags is None or published - year in lags:
        return year, ""
    expected = "或".join(f"{published - lag}年度" for lag in lags)
    label = kind.label if kind is not None else "文档"
    return None, (f"文中只在小标题写到{year}年度，而页面发布于{published}年，{label}一般报告{expected}，"
                  "无法确定所报告的年度")


def _year(text: str) -> tuple[int | None, int]:
    """The year and the index of the pattern that found it (0 is the most explicit). Without an explicit
    'YYYY年度部门决算', the year the text keeps reporting on: the most frequent of the weaker mentions (a stray
    '2020年度' beside '2021年重点工作' and '2021年年末' does not decide), ties going to the first found."""
    masked = _NOT_REPORT_YEAR.sub(lambda m: "#" * len(m.group(0)), text)
    if match := re.search(_YEAR_PATTERNS[0], masked) or YEAR_LABEL_RE.search(masked):
        return int(next(g for g in match.groups() if g)), 0
    found: list[tuple[int, int]] = []  # (pattern index, year), first pattern's mentions first
    taken: set[int] = set()
    for index, pattern in enumerate(_YEAR_PATTERNS[1:], start=1):
        for match in re.finditer(pattern, masked):
            if match.start(1) not in taken:
                taken.add(match.start(1))
                found.append((index, int(match.group(1))))
    if not found:
        return None, -1
    counts = Counter(year for _, year in found)
    top = max(counts.values())
    if sum(1 for count in counts.values() if count == top) > 1:
        return None, -1  # weaker mentions naming different years as often: not established
    index, year = next((i, y) for i, y in found if counts[y] == top)
    return year, index


def _longest(text: str, end: int) -> int:
    """Where a name that a pattern found ending at `end` really ends: at the last organisation suffix of the run of
    name characters that follows, unless what follows begins a word that comes after names ('XX园' + '区管理委员会'
    is one name; 'XX局' + '部门决算' is not)."""
    run = _NAME_CHARS.match(text, end)
    if run is None:
        return end
    best = end
    for suffix in _ORG_SUFFIX.finditer(text, end, run.end()):
        if _FOLLOWING.match(text, best) or _FORM_LABEL_RE.match(text, best):  # the next label of a flattened form
            break
        after = suffix.end()
        # a one-character suffix may be the start of a word ('指挥部' + '乡村振兴'): it ends a name only where the
        # run ends or a following word begins
        if len(suffix.group(0)) > 1 or after == run.end() or _FOLLOWING.match(text, after):
            best = after
    return best


# A bracket that is part of a name: the scope of the accounts or the body's second name ('示例局(本级)', '示例区(管委会)');
# a remark in brackets ('(以下简称示例中心)') is not.
NAME_BRACKET_RE = re.compile(rf"[（(](?!以下|简称|下称|原|含|即|不含|包括)(?:本级|汇总|{ORG})[)）]")


def _bracketed_end(text: str, start: int, end: int) -> int:
    """Where a name from `start` to `end` ends with its brackets whole: a bracket left open at `end` is closed when what
    it holds belongs to the name ('示例局(本级' + ')'), or the name ends before it ('示例局(' of '示例局(以下简称…)');
    a closing bracket the name never opened ends it."""
    opened = -1
    for at in range(start, end):
        if text[at] in "(（":
            opened = at if opened < 0 else opened
        elif text[at] in ")）":
            if opened < 0:
                return at
            opened = -1
    if opened < 0:
        return end
    whole = NAME_BRACKET_RE.match(text, opened)
    return whole.end() if whole and whole.end() >= end else opened


def _name(text: str, match: re.Match[str]) -> str:
    end = _bracketed_end(text, match.start(1), _longest(text, match.end(1)))
    name = without_heading_number(re.sub(r"\s+", "", text[match.start(1):end]))
    name = re.sub(r"^.*?(?:预算|决算)即", "", name)  # '部门预算即示例学校本级预算': the name is what follows 即
    return re.sub(r"(?<=[^省市区县州旗镇乡盟])本级$", "", name)  # '示例学校本级' is the school ('示例市本级' a level)


def _for_names(text: str) -> str:
    """The text as names are read from it: runs of '?' left by lost spaces are spaces, and the lines of a
    navigation menu are blank (line numbers stay)."""
    lines = re.sub(r"\?{2,}", " ", text)
    # a word broken by a space where a place's level begins ('示例 市示例镇'): one name
    lines = re.sub(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[省市县区州旗](?![\s\d])[\u4e00-\u9fff]{1,10}(?:镇|乡|街道|局|委员会|政府))", "",
                   lines).split("\n")
    start = 0
    for index in range(len(lines) + 1):
        if index < len(lines) and _MENU_ITEM.match(lines[index]):
            continue
        if index - start >= MENU_MIN and not any(_FORM_CELL_RE.search(line) for line in lines[start:index]):
            lines[start:index] = [""] * (index - start)
        start = index + 1
    return "\n".join(lines)


_SPACED_RE = re.compile(r"[\u4e00-\u9fff][ \t]+(?=[\u4e00-\u9fff])")
SPACED_MIN = 2  # gaps between Chinese characters on a line printed with letter spacing ('目 录' alone is a heading)
_WHOLE_ORG_RE = re.compile(ORG)
_PART_RE = re.compile(r"第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、")  # a part's number: not a name's first word
TWIN_NAME_MIN = 4  # a second name printed beside the first is a full name, not a word of it


def _despaced_titles(text: str) -> str:
    """The first lines of a text printed with PDF letter spacing ('2030 年度 示例县 示例镇双语 幼儿园 部门决算'), the spaces
    between Chinese characters dropped so the title's name is one word again; those lines only. Two full names side
    by side opening with the same place ('示例职业学院 示例广播电视大学 部门决算': one body under two nameplates) are the
    body and its second name, written '示例职业学院(示例广播电视大学)'."""
    out = []
    for line in text.splitlines()[:TITLE_LINES]:
        line = re.sub(rf"^\s*{PAGE_TITLE_LABEL}\s*", "", line)
        if len(_SPACED_RE.findall(line)) < SPACED_MIN:
            continue
        tokens = line.split()
        joined = tokens[0]
        for before, token in pairwise(tokens):
            if (not (re.match(r"[\u4e00-\u9fff]", token) and re.search(r"[\u4e00-\u9fff]$", joined))
                    or _PART_RE.fullmatch(before)):
                joined += " " + token
            elif (len(before) >= TWIN_NAME_MIN and len(token) >= TWIN_NAME_MIN and before[:2] == token[:2]
                  and _WHOLE_ORG_RE.fullmatch(before) and _WHOLE_ORG_RE.fullmatch(token)):
                joined += f"({token})"
            else:
                joined += token
        out.append(joined)
    return "\n".join(out)


def _names(pattern: str, text: str, labelled: bool) -> list[tuple[str, re.Match[str]]]:
    """The names a pattern finds, in order, without placeholders (and without place-less ones, unless labelled)."""
    place = _title_place(text)
    found = []
    for match in re.finditer(pattern, text, flags=re.MULTILINE):
        name = _name(text, match)
        if name.endswith("本级") and re.match(r"\s*部门(?!\s*(?:[（(]?单位[)）]?)?\s*[，,]?\s*包括)", text[match.end(1):]):
            continue  # '示例市本级部门…自评表': a form for all the departments of a level names none of them (but
            # '示例区本级部门，包括区级行政单位…' is the level whose departments a summary adds up)
        if _NOT_UNIT.search(name):
            continue  # '对我局…': not a name, whatever place the title gives
        if not labelled and _BARE.search(name):
            # '交通运输厅…' under a title '示例省交通运输部门…'; else the one place the text writes the name out with
            name = place + name if place else _written_out(name, text)
        elif not labelled and _PLACELESS.search(name):
            name = _placed(name, text)  # '市交通运输局' of the one city the text names: '示例市交通运输局'
        if name and not _NOT_UNIT.search(name) and (labelled or not (_PLACELESS.search(name) or _GENERIC.search(name))):
            found.append((name, match))
    return found


def _written_out(name: str, text: str) -> str:
    """A name without its place ('示例湖公园事务中心' in a title) as the text writes it out once with its place
    ('决算单位构成包括：示例市示例湖公园事务中心本级'): that placed name, when the text writes it with one place only;
    "" when with none or several (which place's it is, is then not said)."""
    written = re.finditer(rf"(?:(?<![\u4e00-\u9fff])|(?<=[据及与、由]))((?:{PLACE})+?){re.escape(name)}", text)
    places = {place for m in written if not _PLACELESS.search(place := _JOINING_RE.sub("", m.group(1)))
              and not _NOT_UNIT.search(place)}
    return places.pop() + name if len(places) == 1 else ""


def _title_place(text: str) -> str:
    """The place a title line opens with ('示例省交通运输部门2031年…' → '示例省'), or ""."""
    for line in text.splitlines()[:TITLE_LINES]:
        if place := re.match(rf"{_LEAD}\s*({PLACE})", line.strip()):
            return place.group(1)
    return ""


# An essay site's page of samples: its title counts them ('示例报告精品15篇', '(通用9篇)') or numbers one ('…报告 篇1').
_SAMPLES_PAGE_RE = re.compile(rf"(?m)^[ \t#]*[\u4e00-\u9fff][^\n。，,；;|\t]{{0,40}}?\d{{1,3}}\s*篇\s*[)）\]］】]?[ \t]*$|{COLLECTION_TITLE_RE.pattern}")


def _subject(text: str) -> str:
    """The first sentence subject, unless its paragraph makes another unit a subject too (a 职责 paragraph listing
    what two bureaus do names neither as the document's unit). On an essay site's page of samples, each sample may be
    another unit's: its subject only when every sentence subject on the page names the same unit."""
    found = _names(_SUBJECT, text, labelled=False)
    if not found:
        return ""
    name, match = found[0]
    if _SAMPLES_PAGE_RE.search(text) and any(other != name and not abbreviates(other, name)
                                             and not abbreviates(name, other) for other, _ in found[1:]):
        return ""
    if re.search(r"(?:内设|下设|设有)$", match.group(0)):
        return name  # the names after it in its paragraph are its inner parts ('…内设办公室…，办公室负责…')
    start, end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
    others = {n for n, m in found[1:] if start <= m.start() and (end < 0 or m.start() < end)}
    if any(other != name and not abbreviates(other, name) and not abbreviates(name, other) for other in others):
        return ""
    return name


def _about_headings(text: str) -> str:
    """The unit the sections of an explanation are about ('一、关于示例局2030年收支预算情况的总体说明'). A name without a
    place ('消防救援局': a national body's own name) is read as printed when it heads ABOUT_HEADINGS_MIN sections or
    more and no other name heads one; once, it could be any place's bureau."""
    found = _names(ABOUT_HEADING, text, labelled=False)
    if found:
        return found[0][0]
    printed = [_name(text, match) for match in re.finditer(ABOUT_HEADING, text, flags=re.MULTILINE)]
    printed = [name for name in printed if not _NOT_UNIT.search(name) and not _GENERIC.search(name)]
    if len(set(printed)) == 1 and len(printed) >= ABOUT_HEADINGS_MIN and not _PLACELESS.search(printed[0]):
        return printed[0]
    return ""


def _self_named(text: str) -> str:
    """The name a title opens with, when the body speaks of itself as that kind of body ('我校' for a school), or names
    that body again with its place ('下达示例州第二人民医院…资金2.00万元' under '示例州第二人民医院…自评报告'): the title's
    own name, before any publisher the page shows. A self-evaluation is its writer's own by what it is: a placed name
    opening a 自评报告's title ('示例区残联中央转移支付2030年度绩效自评报告') is the unit whatever the body calls itself."""
    found = _names(SELF_NAMED_TITLE, "\n".join(text.splitlines()[:TITLE_LINES]), labelled=False)
    if not found:
        return ""
    name, match = found[0]
    if "自评" in match.group(0)[match.end(1) - match.start(0):] and _LEVELS.search(name[:-1]):
        return name
    word = next((word for ending, word in _SELF_WORDS if re.search(ending, name)), "")
    if word and f"我{word}" in text:
        return name
    named_again = any(SENTENCE_MARK_RE.search(line) and line.find(name) > 0 for line in text.splitlines())
    return name if _LEVELS.search(name[:-1]) and named_again else ""


def _attached_own(text: str) -> str:
    """The body a text speaking as '我厅' names in the titles of its attachments ('附件：1.示例省科学技术厅2030年度部门整体
    支出绩效自评报告'): a summary of its own reports. The attachments are other documents, but the one body of the kind
    the text calls itself that they are titled with is the text's own; two such bodies, or none, say nothing."""
    lines = text.splitlines()
    entries = [ATTACHMENT_ENTRY_RE.sub("", lines[index]) for index in sorted(attachment_lines(lines))]
    own = set()
    for pattern in _TITLE_PATTERNS:
        for name, _ in _names(pattern, "\n".join(entries), labelled=False):
            word = next((word for ending, word in _SELF_WORDS if re.search(ending, name)), "")
            if word and f"我{word}" in text:
                own.add(name)
    return own.pop() if len(own) == 1 else ""


def _self_evaluator(text: str) -> str:
    """The body a sentence says did the self-evaluation. Its short name may say its level that the full name leaves out
    ('示例残联（以下简称“省残联”）' under a title '示例省…'): the name is written out with the title's place of that level."""
    found = _names(SELF_EVALUATOR, text, labelled=False)
    if not found:
        return ""
    name, match = found[0]
    short = match.group(2) or ""
    if short[:1] in "省市县区州" and short and (place := _opening_place(text, short[0])):
        stem = place[:-1]
        if len(stem) >= 2 and name.startswith(stem) and not name.startswith(place):
            return place + name[len(stem):]
    return name


def _written_units(text: str) -> Counter[str]:
    """The values of the labels saying they give the form's own unit (_WRITTEN_UNIT), as written, each with how often
    it is given: a name without a place, or ending in a word no other name ends in ('示例工作科'), is the unit when the
    label says so. A place alone ('单位名称：示例省') is no unit."""
    return Counter(name for name, _ in _names(_WRITTEN_UNIT, text, labelled=True)
                   if not re.fullmatch(PLACE, name) and not _GENERIC.search(name))


def _unit_column(text: str) -> str:
    """The one unit a table's 单位名称 column names below its header (UNIT_COLUMN), or "" (none, or several)."""
    if not UNIT_COLUMN_HEADER_RE.search(text):
        return ""
    names = {name for name, _ in _names(UNIT_COLUMN, text, labelled=True)}
    return names.pop() if len(names) == 1 else ""


def _unit(text: str, preamble: tuple[str, ...], named: list[str]) -> str:
    """The unit named by the strongest pattern; when that is an abbreviation of a name another pattern finds
    ('机管局2013年…' in the body, '第一部分自治区人民政府机关事务管理局概况' above it), the full name. A file name
    given with the page (`named`, _file_titles) counts as a title weaker than the text's own; the page's publisher
    (in `preamble`) is the weakest of all.
    The one reader of a document's unit: a 决算 or 预算 package takes it as its department."""
    text = _for_names(text)
    files = "\n".join(named)
    tried = [(pattern, text) for pattern in _UNIT_PATTERNS]
    at = _UNIT_PATTERNS.index(ISSUER_TITLE) + 1
    spaced = _despaced_titles(text)  # a title printed with letter spacing: weaker than the text's own title lines
    tried[at:at] = [(pattern, spaced) for pattern in _TITLE_PATTERNS] + [(pattern, files) for pattern in _TITLE_PATTERNS]
    found = []
    implementer = overseer = lone = titled_place = ""
    titled = []  # every name a title line gives ('示例乡2020年…' over '示例县示例乡人民政府2020年…')
    for pattern, where in tried:
        if pattern == _SUBJECT:
            name = _subject(where)
        elif pattern == SELF_NAMED_TITLE:
            name = titled_place = _self_named(where)
        elif pattern == ABOUT_HEADING:
            name = _about_headings(where)
        elif pattern == ATTACHED_TITLES:
            name = _attached_own(where)
        elif pattern == SELF_EVALUATOR:
            name = _self_evaluator(where)
        elif pattern == UNIT_COLUMN:
            name = _unit_column(where)
        elif pattern == _UNIT_PATTERNS[0]:  # the name the labels print most often: a copied caption is outvoted
            votes = Counter(n for label in (pattern, _DEPARTMENT_CAPTION) for n, _ in _names(label, where, True))
            votes = votes or _written_units(where)
            name = max(votes, key=lambda n: votes[n]) if votes else ""
        else:
            names = [n for n, _ in _names(pattern, where, labelled=False)]
            name = names[0] if names else ""
            if pattern in _TITLE_PATTERNS:
                titled.extend(names[1:])
            if pattern == OVERSEER and name:
                overseer = name
            if pattern == IMPLEMENTER:
                implementer = name
            if pattern == LONE_NAME:
                lone = name
        if name:
            found.append(name)
    if (publisher := _publisher(preamble, text)) and not _commissioned_by(publisher, text):
        found.append(publisher)  # the weakest evidence: the unit when nothing else names one, or its full name
    if not found:
        return _displaced_implementer(text, "")
    short = found[0]
    if short == titled_place and publisher and _project_site(short, text) and _publishes_there(publisher, short):
        return publisher  # '示例县示例乡示例村道路项目绩效自评报告' published by '示例县交通运输局': the bureau's own report
    if short == lone and (crumb := _crumb_unit(short, preamble)):
        return crumb
    if overseer and ENTERPRISE_RE.search(short):
        return overseer  # a company doing a project for a budget unit: the department over it is the unit
    if short == overseer and not implementer and (displaced := _displaced_implementer(text, overseer)):
        return displaced
    if short.endswith("本级") and (whole := next((name for name in found[1:] if _writes_out(short[:-2], name)), "")):
        return whole + "本级"  # '示例区本级' in the text, '示例市示例区' in the title: '示例市示例区本级'
    fuller = found[1:] + titled + _filed_under(text)
    unit = _authored(_own_level(next((name for name in fuller if _fuller(short, name)), short), text), text)
    return _town_placed(unit, text)


# A place alone: places, and a town or street of the last ('示例市示例区示例乡'), no body of it named.
_PLACE_ONLY_RE = re.compile(rf"(?:{PLACE})*(?:[\u4e00-\u9fff]{{1,8}}?(?:乡|镇|街道)|(?:{PLACE}))")
# What follows a place in a title that names a project of its own ('示例乡示例村道路硬化项目绩效自评报告'), not the place's
# own spending ('示例乡2030年度项目支出…', '示例乡部门整体支出…').
_PROJECT_AFTER_PLACE_RE = re.compile(r"(?![\d年度]|20|项目|部门|单位|本级|整体|人民政府|政府)[\u4e00-\u9fff（）()、]{2,40}?项目"
                                     r"[^\n。]{0,12}?自评")
# Bodies that post every unit's papers: a government, its office, the finance bureau.
_POSTS_FOR_ALL_RE = re.compile(r"(?:人民政府|政府办公室|政府办|财政局|财政厅)$")


def _project_site(place: str, text: str) -> bool:
    """Whether a title opens with `place` alone and goes on with a project's name to a self-evaluation
    ('示例县示例乡示例村道路硬化项目绩效自评报告'): the place is where the project is, not who wrote the report."""
    if not _PLACE_ONLY_RE.fullmatch(place):
        return False
    for line in text.splitlines()[:TITLE_LINES]:
        at = line.find(place)
        if at >= 0 and _PROJECT_AFTER_PLACE_RE.match(line[at + len(place):].lstrip()):
            return True
    return False


def _publishes_there(publisher: str, place: str) -> bool:
    """Whether a page's publisher is a body of the place or of a place above it ('示例区交通运输局' for
    '示例市示例区示例乡') other than the bodies that post every unit's papers: then the evaluated project is its own."""
    if _POSTS_FOR_ALL_RE.search(publisher) or publisher.startswith(place):
        return False
    start = 0
    for end in range(1, min(len(publisher), 16)):
        if publisher[end - 1] in "省市区县州旗":
            if end - start >= 3 and publisher[start:end] in place:  # one of its places: '示例区' of '示例市示例区…'
                return True
            start = end
    return False


def _crumb_unit(government: str, preamble: tuple[str, ...]) -> str:
    """The body of a place a page's breadcrumb files the page under ('首页 >> 部门信息公开 >> 示例县交通运输局 >> 正文'),
    when the strongest name found is that place's government alone on a line (`government`): a government's portal tops
    every page with its own name, the pages of its departments too; the breadcrumb says whose page it is. "" when the
    breadcrumb names no other body of the place."""
    if not government.endswith("人民政府"):
        return ""
    place = government.removesuffix("人民政府")
    for line in preamble:
        steps = [step for step in CRUMB_STEP_RE.split(line) if step]
        if len(steps) < 2:
            continue
        for step in reversed(steps):
            if (step.startswith(place) and step != government and _WHOLE_ORG_RE.fullmatch(step)
                    and not _NOT_UNIT.search(step)):
                return step
    return ""


_CRUMB_LINES = 6


def _filed_under(text: str) -> list[str]:
    """The bodies a breadcrumb in the first lines files the page under ('示例县示例乡人民政府'): never the unit on
    their own — a site's section is the publisher's — but the full name of the one the text names short
    ('示例县示例乡' for its people's government)."""
    out = []
    for line in text.lstrip().splitlines()[:_CRUMB_LINES]:
        parts = CRUMB_STEP_RE.split(line.strip())
        if len(parts) >= 3:  # a path: at least a section, a body, a subsection
            out += [p for p in parts if re.fullmatch(ORG, p)]
    return out


# A town named alone ('示例镇', '示例乡人民政府'): no place above it is printed in the name.
TOWN_ALONE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:镇|乡)(?:人民政府)?")


def _town_placed(unit: str, text: str) -> str:
    """A town named without its county ('示例镇2030年三公经费…') on a page that names one county's government and no
    other ('示例县人民政府主办'): the town of that county, '示例县示例镇' (a town's name says which one only with its
    county: many counties have a 示例镇). Two counties named, or none, leave the name as printed."""
    if not TOWN_ALONE_RE.fullmatch(unit) or _ABOVE_TOWN.search(unit.removesuffix("人民政府")[:-1]):
        return unit
    counties = {place for level in "县区旗" if (place := _named_place(text, level))}
    return counties.pop() + unit if len(counties) == 1 else unit


# A title's author line: a place's government alone in brackets on the line under the title ('（示例乡人民政府）').
AUTHOR_LINE_RE = re.compile(r"^[ \t]*[（(][ \t]*([\u4e00-\u9fff]{2,20}?(?:乡|镇|街道|县|区|市|旗|州|省)人民政府)[ \t]*[)）][ \t]*$",
                            re.MULTILINE)
# An office of a town's or a county's government that files its accounts: its finance office, its general office.
OFFICE_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:所|站|办公室|办)")


def _authored(unit: str, text: str) -> str:
    """The government a title's author line names, when the title names one of its offices: a town's 财政所 titles the
    town's accounts with its own name ('示例县示例乡财政所2030年部门决算编制说明' over '（示例乡人民政府）'); the
    accounts are the government's, named with the title's place ('示例县示例乡人民政府'). An author line naming a place
    the title's unit is not of says nothing."""
    lines = text.lstrip().splitlines()[1:TITLE_LINES]  # under a title, not above it
    for line in lines:
        if (author := AUTHOR_LINE_RE.match(line)) is None:
            continue
        government = author.group(1)
        place = government.removesuffix("人民政府")
        at = unit.find(place)
        if at >= 0 and OFFICE_RE.fullmatch(unit[at + len(place):]):
            return unit[:at] + government
    return unit


COMMISSIONER_RE = re.compile(rf"受\s*({ORG})\s*(?:的)?委托")


def _commissioned_by(name: str, text: str) -> bool:
    """Whether the text says `name` commissioned the work it reports ('…事务所受示例县财政局委托…开展绩效评价'): the
    organiser publishing an evaluation it commissioned is not the unit evaluated ('县财政局' for '示例县财政局' too)."""
    for match in COMMISSIONER_RE.finditer(text):
        named = re.sub(r"\s+", "", match.group(1))
        if named == name or (_PLACELESS.search(named) and name.endswith(named) and len(name) > len(named)):
            return True
    return False


def _own_level(unit: str, text: str) -> str:
    """A place whose summary the text says is of its own level's units ('示例区' with '区级各单位', '示例省' with
    '2030年省级“三公”经费'): that level, '示例区本级'. A text speaking of the whole place too ('全区'), or of its own level
    beside the levels below ('各乡镇、县本级部门'), is left as the place."""
    if unit.endswith("本级") or not re.fullmatch(rf"(?:{PLACE})+", unit):
        return unit
    level = unit[-1]
    own = rf"(?<![\u4e00-\u9fff、，,]){level}本?级|(?<=[年的])\s*{level}本?级"
    whole = f"全{level}" in text or re.search(r"各(?:乡|镇|街道)|乡\s*[（(]\s*镇\s*[)）]", text)
    if not whole and re.search(rf"(?:{own})\s*(?:各|所属)?(?:行政|事业|预算)?(?:单位|部门|[“\"]?三公)", text):
        return unit + "本级"
    return unit


def _writes_out(place: str, name: str) -> bool:
    """Whether `name` is the place `place` with the places above it ('示例市示例区' for '示例区')."""
    return len(name) > len(place) and name.endswith(place) and re.fullmatch(rf"(?:{PLACE})+", name) is not None


def _displaced_implementer(text: str, overseer: str) -> str:
    """A form dumped cell by cell out of reading order ('… 实施单位 全年预算数 …'): its 实施单位 label printed without
    its value, and the value a lone cell elsewhere — the one full name standing alone other than the department's.
    Scanned and run together without spaces ('主管部门示例市教育局实施第位自评得分98…评分示例市第一中学项目资金'), the label
    misread in one character, the value is the one name other than the department's that opens with the
    department's place; when that is not one name, or no department is named, the unit is not established."""
    if not VALUELESS_IMPLEMENTER_RE.search(text):
        return ""
    if overseer:
        lone = {name for name, _ in _names(rf"(?:^|(?<=\s))({ORG})(?=\s|$)", text, labelled=False)
                if _LEVELS.search(name) and name != overseer}
        if lone:
            return lone.pop() if len(lone) == 1 else ""
    departments = [place.group(1) for place in re.finditer(rf"{DEPARTMENT_LABEL}\s*[：:\t|]?\s*({PLACE})", text)]
    if not departments or len(set(departments)) > 1:
        return ""
    named = _names(rf"(?={re.escape(departments[0])})({ORG})", text, labelled=False)
    overseers = {name for name, match in named
                 if re.search(rf"{DEPARTMENT_LABEL}\s*[：:\t|]?\s*$", text[max(0, match.start(1) - 12):match.start(1)])}
    others = {name for name, _ in named} - overseers - {overseer}
    return others.pop() if overseers and len(others) == 1 else ""


def _fuller(short: str, name: str) -> bool:
    """Whether `name` is `short` written out: abbreviated ('示例图书馆' for '示例市图书馆'), without its place
    ('示例园' for '示例县示例园'), or a town for its people's government ('示例乡' for '示例县示例乡人民政府')."""
    placeless = len(short) >= 2 and not _LEVELS.search(short)
    if (name.endswith(short) and _ABOVE_TOWN.search(short[:-1]) and re.fullmatch(rf"(?:{PLACE})+", name[:-len(short)])):
        return False  # '示例县示例中心' is whole already: '示例省示例县示例中心' only adds the province (a town's
        # name is not, with its government or its school: '示例县示例镇人民政府' says which '示例镇人民政府' it is)
    return (abbreviates(short, name) or (placeless and name.endswith(short) and len(name) > len(short))
            or (name.endswith(short + "人民政府") and re.search(r"[乡镇县区市]$", short) is not None)
            or (name.endswith(short + "办事处") and short.endswith("街道")))  # a street for its office


def _publisher(preamble: tuple[str, ...], text: str = "", bare: bool = False) -> str:
    """The publisher a page's metadata names (dropped before reading, or left in the first lines of the text). A
    name the site shortens by its level ('县城管执法局') takes the place of that level the title names ('示例县…');
    a name whose rest is a place of its own ('区示例湖度假区管委会') is that rest; otherwise it is not the unit. With
    `bare`, a name of a trade alone ('财政局') takes the place the title opens with (for a document that is the
    publisher's own, not one it publishes for a unit)."""
    head = "\n".join(text.splitlines()[:PUBLISHER_LINES])
    for pattern in _PUBLISHER_PATTERNS:
        for where in (*preamble, head):
            where = SLIP_RE.sub(lambda slip: _SLIPS[slip.group(0)], where)  # '…残疾人联会会' → '…残疾人联合会'
            for match in re.finditer(pattern, where, flags=re.MULTILINE):
                name = _name(where, match)
                if _NOT_UNIT.search(name):
                    continue
                if not _PLACELESS.search(name):
                    if _LEVELS.search(name):
                        return name
                    # a finance bureau issues every unit's budget, but a text speaking as its place ('下达我县…') under a
                    # title opening with that place is the place's own, issued by its finance bureau
                    issuer = ISSUER_LABEL_RE.match(match.group(0)) is not None and (
                        not FINANCE_RE.search(name) or _speaks_as_place(text))
                    if (bare or issuer) and _BARE.search(name) and (place := _opening_place(text)):
                        return place + name  # '发布机构：教育局' under a title '2030年度示例县…': '示例县教育局'
                    continue  # '财政局': which one is not said (a finance bureau publishes all units' budgets)
                if placed := _placed(name, text):
                    return placed
    return ""


def _speaks_as_place(text: str) -> bool:
    """Whether the text speaks as the place its title opens with ('示例县2030年度…' and '下达我县…')."""
    place = _opening_place(text)
    return bool(place) and f"我{re.sub(r'[（(].*', '', place)[-1]}" in text


def _placed(name: str, text: str) -> str:
    """'县城管执法局' under a title '示例县2030年度…' → '示例县城管执法局'; '区示例湖度假区管委会' → '示例湖度假区管委会'. Without
    such a title, the one place of that level whose government or finance bureau the text names."""
    level, rest = name[0], name[1:]
    if re.match(PLACE, rest) and not _PLACELESS.search(rest):
        return rest
    place = _opening_place(text, level) or _named_place(text, level)
    return place + rest if place else ""


_JOINING_RE = re.compile(r"^(?:根据|按照|依据|及|与)")  # words joining a place to what comes before: no place opens so


def _named_place(text: str, level: str) -> str:
    """The one place of the given level whose government or finance bureau the text names ('按照《示例市财政局关于…》'
    → '示例市'; after a word joining it to what comes before too: '根据示例市财政局…及示例市示例区财政局…'), or ""."""
    named = re.finditer(rf"(?:(?<![\u4e00-\u9fff])|(?<=[据及与、]))({PLACE})(?:人民政府|财政局|财政厅)", text)
    places = {place for m in named if (place := _JOINING_RE.sub("", m.group(1))).endswith(level)
              and not _PLACELESS.search(place)}
    return places.pop() if len(places) == 1 else ""


def _opening_place(text: str, level: str = "") -> str:
    """The place a title line in the first lines opens with, of the given level when one is given: '示例县2030年度…'
    → '示例县', '示例新区(示例区)预算绩效…' → '示例新区(示例区)', after the year it opens with ('2030年示例市…' → '示例市');
    never a level alone ('市县预算绩效…')."""
    for line in text.splitlines()[:TITLE_LINES]:
        line = re.sub(rf"^\s*{BANNER}", "", line)  # '欢迎进入示例市…网站': the place is '示例市'
        place = re.match(rf"\s*#*\s*(?:{_YEAR}\s*)?({PLACE}(?:[（(][\u4e00-\u9fff]{{2,8}}[)）])?)", line)
        if place and not _PLACELESS.search(place.group(1)) and re.sub(r"[（(].*", "", place.group(1)).endswith(level):
            return place.group(1)
    return ""
