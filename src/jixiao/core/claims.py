"""One grammar for what a sentence claims: subject, measure, value with its unit, comparison word, reason.

A sentence is cut into clauses at ，；：. Each clause names a subject (from the lexicon below, the longest
match first; a clause without one keeps the subject of the clause before it, so “比上年增加X万元，增长Y%”
belongs to the subject stated before) and one or more measures:

- amount: 为/是/共计/合计/达/计/支出/安排/决算数为/支出决算为 X 元|万元|亿元 (separators and full-width digits
  allowed);
- budget: 年初预算/全年预算/预算数 X 万元; completion: 完成(年初|全年)预算(X万元)的Y%, 预算执行率Y%;
- change: (比|较|与)上年 增加/减少 X 万元, 增长/下降/上升/降低 Y%, 持平/与上年相同 (a change of zero); a change
  printed without its direction word takes the direction of the rate after it ('与2022年相比10.50万元，增长9.55%');
- prior: the other year's figure printed between the base word and the change from it ('较上年90万元减少5万元',
  '比2023年年初预算数600万元减少…'), 上年X万元, and another year's budget said to be none ('2023年未安排该项预算': 0);
- share: 占比Y%, 占(本年支出合计|…)的(比重|比例)?Y%;
- count: N 辆/个/人次/批次/台/套 (Arabic or Chinese numerals);
- compare: 大于/小于/等于/高于/低于/超过/少于 (年初|全年)预算 or 上年, 与预算持平/一致/相同; negated by 未/不/没有
  (“未超过预算”, “不高于上年”, “没有增加”: `negated`, the claim holds unless the unnegated word is true);
- average: an amount per unit (平均每辆X万元, 人均, 单价, X万元/人), never a part of a sum;
- the figures said of a change of scope (…单位上划到市级，减少了“三公”经费X万元) are a `figure` of basis 口径调整, not
  the subject's own; a change or rate after 剔除/扣除…因素 has basis 可比 (its base is a matter of convention); the parts
  a budget lists after 其中 are budgets;
- the figures of a results statement or a work summary: 执行率Y% (completion), 实际执行/实际支出 X 万元 (an amount
  with the basis 执行), 节约率 (saving_rate), 调减/收回 X (adjustment), 申报 X (declared), 建议安排 X (proposed),
  审减 X (reduction), 审减率 (reduction_rate).

The scope (财政拨款, 一般公共预算, 政府性基金, 国有资本经营) comes from the clause, else from the section
heading; a clause naming only a kind of funds ('（其中：一般公共预算480万元，政府性基金预算20万元）') states that
kind's part of the subject before it. Subjects listed together before one figure state their sum
('“会议费”、“培训费”、“差旅费”预算数X元'), except the two grand totals, which a 决算 prints equal ('收、支总计均为X'). Nothing here knows a document's wording: subjects are matched to table rows by the audit, through a
synonym list per table.

The same grammar reads the figures of a self-evaluation report's text (audit/rules/selfeval_text.py): a figure is
`Printed` — its value, as printed, and one unit of its last printed digit — whatever sentence it sits in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.core.money import (
    BARE_MONEY_UNIT,
    compact_text,
    is_number,
    normalize_text,
    parse_decimal,
    printed_exponent,
    unit_scale,
)
from jixiao.core.provenance import Location
from jixiao.core.statements import Claim

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUM = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
MONEY_UNIT = rf"(亿元|万元|元|{BARE_MONEY_UNIT})"  # a bare 万 or 亿 only when no word follows: '缺额60万，'
MONEY = rf"({NUM})\s*{MONEY_UNIT}"
PCT = rf"({NUM})\s*[%％]"
CN_NUM = r"[零〇一二两三四五六七八九十百]+"

_CAR = r"(?:公务用车|公车)"  # the vehicle items' head word, also shortened
_RUN = r"运(?:行(?:维护)?|维)"  # 运行维护, 运行, 运维
_BOTH = r"[及和与、]"  # what joins the two vehicle items into one label
# canonical subject → its wordings (regex), most specific first. Function classes are read generically.
SUBJECTS: list[tuple[str, str]] = [
    ("三公经费", r"[“\"]?三公[”\"]?经费"),
    ("因公出国(境)费", r"因公出国(?:[（(]?境[)）]?(?:费用?|经费)?|费用?|经费)"),
    # both vehicle items joined, in either order ('购置和运行维护费', '运行维护费及公务用车购置费'): their sum
    ("公务用车购置及运行维护费", rf"{_CAR}?购置(?:费)?{_BOTH}{_CAR}?{_RUN}费"
                             rf"|{_CAR}{_RUN}(?:费)?{_BOTH}{_CAR}?购置费"),
    ("公务用车购置费", rf"{_CAR}购置(?:费)?"),
    ("公务用车运行维护费", r"(?:公务用车|公车)?运行维护费(?:用)?|公务用车运行费(?:用)?|(?:公务用车|公车)运维费"),  # 运维: 运行维护
    ("公务接待费", r"公务接待(?:费)?"),
    ("会议费", r"会议费"),
    ("培训费", r"培训费"),
    ("差旅费", r"差旅费"),
    ("机关运行经费", r"机关运行经费"),
    ("中小企业合同", r"(?:授予)?中小企业(?:的)?合同(?:金额)?"),
    ("小微企业合同", r"(?:授予)?小微企业(?:的)?合同(?:金额)?"),
    ("政府采购货物", r"(?:政府采购)?货物(?:类)?(?:支出|采购)?"),
    ("政府采购工程", r"(?:政府采购)?工程(?:类)?(?:支出|采购)"),
    ("政府采购服务", r"(?:政府采购)?(?<!商品和)服务(?:类)?(?:支出|采购)"),
    ("政府采购", r"政府采购(?:支出)?(?:总额|合计|总计)?"),
    ("公务用车", r"公务用车(?:账面|账载|实际|实有|年初|年末|期初|期末)?(?:车辆)?(?:保有量|总数|总量)|共有车辆|车辆"),
    # the older name of the same line of the 收入支出决算总表: '用事业基金弥补收支差额'
    ("使用非财政拨款结余", r"使用非财政拨款结余(?:和专用结余|[（(]含专用结余[)）])?|(?:使用|用)?事业基金弥补(?:收支)?差(?:额)?"),
    ("结余分配", r"结余分配"),
    # '上年结转和结余资金为X万元', and a budget's 上年结转 (its income carried over)
    ("年初结转和结余", r"(?:年初|上年)结转(?:和|及)?结余(?:资金)?|上年结转(?:收入|资金)?(?![和及]|结余)"),
    ("年末结转和结余", r"年末结转(?:和|及)?结余(?:资金)?"),
    # '收入总额', '2018年收入总预算X万元', '支出总4252.73万元' (计 dropped): only right after the year or the unit, never
    # after another subject ('三公经费支出总额' is the 三公 total)
    # …and a side's budget named alone by the heading run into its sentence ('(一)收入预算：2030年年初预算数X万元',
    # '(一)收入预算2030年年初预算数X万元')
    ("收入总计", r"收入总计|(?<!本年)总收入|(?:^|(?<=[年度门位]))收入总(?:额)?(?!计)|(?:^|(?<=[)）、]))收入预算(?:情况)?(?:\d{4}年度?)?$"),
    ("支出总计", r"支出总计|(?<!本年)总支出|(?:^|(?<=[年度门位]))支出总(?:额)?(?!计)|(?:^|(?<=[)）、]))支出预算(?:情况)?(?:\d{4}年度?)?$"),
    # ('收支总预算X元'; '收支较上年减少X': both totals compared with last year's, named by the pair alone)
    ("收支总计", r"收支总计|收入支出总计|收入支出总体|收支总体|收支总(?:额)?(?!计|体)"
                 r"|(?:^|(?<=\d年)|(?<=\d年度))收(?:入)?支(?:出)?(?=(?:较|比|与|同)(?:上年|去年|\d{4}年))"),
    ("本年收入合计", r"本年(?:度)?收入合计|收入合计|本年收入"),
    ("本年支出合计", r"本年(?:度)?支出合计|(?<!经费)(?<!费)支出合计|本年支出"),  # 三公经费支出合计: its own
    # a kind of funds' appropriation, as a budget lists its income: '一般公共预算拨款X万元' (its scope from the words)
    ("财政拨款收入", r"财政拨款收入|(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)(?:财政)?拨款(?:收入)?"
                r"(?![\u4e00-\u9fa5]{0,8}支出)"),  # not its spending ('一般公共预算财政拨款支出X万元')
    # money the finance bureau holds for the unit in its special account (school fees): a budget's own kind of income
    ("财政专户管理资金收入", r"财政专户管理(?:的)?资金(?:收入)?(?![\u4e00-\u9fa5]{0,8}支出)"),
    ("上级补助收入", r"上级补助收入"),
    ("事业收入", r"事业收入"),
    ("经营收入", r"经营收入"),
    ("附属单位上缴收入", r"附属单位上缴收入"),
    ("其他收入", r"其他收入"),
    ("上缴上级支出", r"上缴上级支出"),
    ("经营支出", r"经营支出"),
    ("对附属单位补助支出", r"对附属单位补助支出"),
    ("人员经费", r"人员经费"),
    ("公用经费", r"公用经费"),
    ("基本支出", r"基本支出"),
    # the economic classes of 基本支出
    ("工资福利支出", r"工资福利支出"),
    ("商品和服务支出", r"商品和服务支出"),
    ("对个人和家庭的补助", r"对个人和家庭(?:的)?补助(?:支出)?"),
    ("资本性支出", r"资本性支出"),
    ("项目支出", r"项目支出"),
]
_SUBJECT_RES = [(name, re.compile(pattern)) for name, pattern in SUBJECTS]
# A function class, 款 or 项 named by its label: '一般公共服务支出(类)', '外交(类)支出' (the label inside the name),
# '行政运行(项)支出'; the name is read without the label ('外交支出'). '社会保障和就业支出' is named by _CLASS_WORDS.
# Words that end in 支出 but name no class are excluded.
_CLASS_RE = re.compile(r"([\u4e00-\u9fa5]{2,14}?)(?:支出[（(][类款项][)）]|[（(][类款项][)）]支出)")
_CLASS_WORDS = re.compile(
    r"(一般公共服务|外交|国防|公共安全|教育|科学技术|文化旅游体育与传媒|文化体育与传媒|社会保障和就业|卫生健康|医疗卫生|节能环保|"
    r"城乡社区|农林水|交通运输|资源勘探工业信息等|资源勘探信息等|商业服务业等|金融|援助其他地区|自然资源海洋气象等|住房保障|"
    r"粮油物资储备|灾害防治及应急管理|国有资本经营预算|债务付息|债务发行费用|其他)支出")
# '公共财政预算/拨款': the 一般公共预算 under its name before 2015 ('…经费公共财政拨款支出X万元').
_SCOPES = [("social_insurance", r"社会保险基金"), ("state_capital", r"国有资本经营预算"), ("fund", r"政府性基金"),
           ("general", r"一般公共预算|(?<!一般)公共财政(?=预算|拨款)"),
           ("fiscal", r"(?<!非)财政拨款")]  # '使用非财政拨款结余' names no scope
_SCOPE_RES = [(name, re.compile(pattern)) for name, pattern in _SCOPES]

# '一般公共预算480.00万元' names a kind of budget funds (a scope), not a budget: not read here.
_BUDGET_RE = re.compile(rf"(?<!公共)(?<!基金)(?<!经营)(?:(年初|全年|调整后)?预算(?:数|金额|资金)?|批复(?:金额)?)(?:为|是|共计|合计)?"
                        rf"{MONEY}")
# A clause naming only a kind of funds before its figure ('（其中：一般公共预算480.00万元，政府性基金预算20.00万元…）'):
# the figure is that scope's part of the subject before it.
_SCOPE_ONLY_RE = re.compile(r"(?:其中)?(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|社会保险基金(?:预算)?)(?:财政)?"
                            r"(?:拨款)?(?:为|是)?")
# '支付完成率', '支付率': the part of the funds paid out, an execution rate (paid ÷ the funds allocated).
_COMPLETION_RE = re.compile(rf"完成(?:了)?(年初|全年|调整后)?预算(?:数)?(?:{MONEY})?的?{PCT}"
                            rf"|(?:预算)?(?:执行|(?:资金)?支付(?:完成)?)率(?:为|是|达)?{PCT}")
# Figures of results statements and work summaries, read before budgets and amounts (申报…预算X is declared).
_REPORT_RES = [
    ("declared", re.compile(rf"申报[^，；。]*?{MONEY}"), True),
    ("proposed", re.compile(rf"建议安排(?:资金)?(?:为|是)?{MONEY}"), True),
    ("reduction_rate", re.compile(rf"审减率(?:为|是)?{PCT}"), False),
    ("reduction", re.compile(rf"审减(?:金额|预算经费|资金)?(?:为|是)?{MONEY}"), True),
    ("saving_rate", re.compile(rf"节约率(?:为|是)?{PCT}"), False),
    ("adjustment", re.compile(rf"(?:调减|预算调整|收回额度|收回)(?:为|了)?{MONEY}"), True),
]
_EXECUTED_RE = re.compile(r"(?:实际执行|实际支出资金|实际支出|执行金额|预算执行数|执行数)(?:为|是|了|共计|达)?$")
# A direction word, alone ('较上年增18万元', '减幅5%') or in brackets ('较上年(减少)16万元', '(减)幅23%'). A bracketed
# word right after another ('增加(减少)0.11万元', a template offering both) states no direction: not read as one.
_DIRECTION = r"增加|减少|增长|下降|上升|降低|增支|减支|(?<![新核审调追递])[增减降]"
_DIRECTED = rf"(?:(?<![加少长降升低增减支])[(（]({_DIRECTION})[)）]|(?<![(（])({_DIRECTION}))"
_CHANGE_RE = re.compile(rf"{_DIRECTED}(?:了)?(?:支出|开支)?{MONEY}")  # '减少支出0.5万元': the change of the spending
# A change printed without its unit ('收支较上年减少484.05，降低11.1%'): an amount to the cent, then a stop. Its unit is
# the one its sentence prints for its amounts, or else the one the whole document prints (see claims_of); when neither
# says one, it is not read (the sentence is listed as not checked) — a change or a count? yuan or 万元? is not guessed.
_BARE_CHANGE_RE = re.compile(rf"{_DIRECTED}(?:了)?(\d+\.\d+)(?=\s*(?:[,，;；。]|$))")
# What makes a bare figure no amount: a rate, a share or a count named before it in its clause.
UNITLESS = "未写单位"  # marks the text of a change read in a unit it does not print
_NOT_AMOUNT_RE = re.compile(r"率|比例|比重|占|人数|人次|数量|辆|个数|面积|里程|分值|得分")
# '降幅达到12%', '增长率为6.5%' (a rate named by its whole direction word: '增减率' says none)
_RATE_RE = re.compile(rf"{_DIRECTED}(?:幅度?|(?<=增长|下降|上升|降低)率)?(?:为|了|达到|达)?{PCT}")
# A change's rate written in brackets right after it: '减少1.5万元（42.86%）', '增加3万元(增长10%)'.
_BRACKET_RATE_RE = re.compile(rf"[(（](?:同比)?(?:增长|下降|上升|降低|增幅|降幅|增加|减少)?(?:了|为)?{PCT}[)）]")
_SAME_RE = re.compile(r"与上年(?:度)?(?:决算)?(?:数)?(?:相比)?(?:基本)?(?:持平|相同|一致)|(?:上年|同期)持平|无变化|无增减")
_SHARE_RE = re.compile(rf"占(?:比|(本年(?:度)?支出合计|本年(?:度)?收入合计|[\u4e00-\u9fa5“”\"]{{2,24}}?)(?:的)?(?:比重|比例)?)?"
                       rf"(?:为|是|达)?{PCT}")
_NEGATION = r"(并未|均未|未|没有|没|不)?"
_COMPARE_RE = re.compile(
    rf"{_NEGATION}(大于|小于|等于|高于|低于|超过|少于|多于|超出)(?:了)?(年初|全年|调整后)?(预算|上年)(?:数|决算数?)?"
    r"|(?:与|和|同|跟)(年初|全年|调整后)?(预算|上年)(?:数|决算数?)?(?:基本)?(持平|一致|相同|相等)")
# A change denied without a figure: '没有增加', '未超过预算' without its base keeps the basis of the clause.
_DENIED_RE = re.compile(r"(并未|均未|未|没有|没|不)(增加|增长|上升|减少|下降|降低|超过|超出|突破)(?:预算)?(?![\d.%])")
_COUNT_RE = re.compile(rf"(\d{{1,3}}(?:,\d{{3}})+|\d+|{CN_NUM})\s*(辆|个|人次|批次|台|套|次)")  # '1,280辆' as printed
_AMOUNT_RE = re.compile(rf"(?:决算数|决算支出|支出决算|决算|总额|金额)?(?:为|是|共计|合计|达到|达|计|共)?{MONEY}")
_REASON_RE = re.compile(r"(?:主要)?原因(?:是|为|在于)?[：:]?(.+)$")
# What money was spent on ('主要用于…人员经费和办公经费'): the words name no subject of the figures around them.
_USE_RE = re.compile(r"^(?:主要)?(?:用于|包括|包含)")
# Spending set against the budget with the difference: '决算数大于预算数55.93万元' (a change of +55.93 on the budget).
_OVER_RE = re.compile(rf"(大于|高于|超过|超出|多于|小于|低于|少于)(?:了)?(?:年初|全年|调整后)?预算(?:数)?{MONEY}")
_UP = ("增加", "增长", "上升", "增支", "增")
# What may stand between a subject and its own amount; anything else (差值为, 节约, 结余 …) makes the figure
# something else said about the subject, kept as an unchecked 'figure'.
_GAP_RE = re.compile(r"(?:[（(][类款项][)）]|类?科目|[”\"’」]|本年度?|全年|年度|当年|实际|一般公共预算|公共财政(?:预算)?(?:拨款)?|财政拨款|支出|收入|使用|安排|决算|预算执行|汇总|数|总额|金额|合计|总计|为|是|"
                     r"共计|达到|达|计|共|约|了|人民币|其中|另外|此外)*")
# A subject's budget named by the words between it and its figure: '“三公”经费预算支出9.80万元', '…预算安排为…'.
_BUDGET_GAP_RE = re.compile(rf"{_GAP_RE.pattern}预算(?:支出|安排|数)?{_GAP_RE.pattern}")
_BUDGET_BASIS_RE = re.compile(r"(?:比|较|与|同)(?:\d{4}年度?)?(?:年初|全年|调整后)?预算(?:数)?(?:相比|相较|比较)?$"
                              rf"|(?:比|较|与|同)(?:年初|全年|调整后)?预算(?:数)?的?{NUM}\s*{MONEY_UNIT}$")  # '较预算数X万元减少'
# The figure of the year compared with, printed between the base word and the change: '较上年90万元减少5万元',
# '比2022年决算72.5万元，增加8万元', '比上年累计支出30万元下降6万元', '比2023年年初预算数600万元减少…'.
_BASE_FIGURE_RE = re.compile(r"(?:比|较|与|同)(?:上年度?|去年|\d{4}年度?)(?:同期)?的?"
                             # the item may be named again before the other year's figure: '比2021年财政拨款收入预算X'
                             r"(?:(?:(?![增减降升少多])[\u4e00-\u9fa5“”\"]){2,16}?(?=(?:年初|全年)?(?:决算|预算|实际|累计)))?"
                             r"(?:年初|全年)?(?:决算|预算|实际|累计)?"
                             r"(?:支出)?(?:决算|预算)?(?:数)?(?:相比|相较|比较)?(?:为|是)?$")
# A change printed without its direction word, the direction given by the rate after it: '与2022年相比10.50万元，增长
# 9.55%' (the same words before a change with its own amount name the other year's figure, as above).
_CHANGE_NEXT_RE = re.compile(rf"^(?:了)?{_DIRECTED}(?:了)?{MONEY}")
_RATE_NEXT_RE = re.compile(rf"^(?:同比)?{_DIRECTED}(?:幅度?|率)?(?:为|了)?{PCT}")
# Another year's budget said to be none: '由于2023年未安排公务接待费预算', '上年无该预算', '2022年无此项预算' (zero).
_NO_BUDGET_RE = re.compile(r"((?:上年度?|去年|\d{4}年度?)(?:均)?(?:未安排|无|没有)(?:安排)?(?:该|此)?(?:项)?"
                           r"[\u4e00-\u9fa5“”\"]{0,12}?预算)(?![\d.])")
_PRIOR_BASIS_RE = re.compile(r"(?:比|较|与|同)(?:上年|去年|\d{4}年度?)(?:同期)?(?:决算)?(?:数)?(?:相比|相较|比较)?")

_PRIOR_RE = re.compile(r"(?<![比较与同])(?:上年|去年)(?:度)?(?:同期)?(?!结转|结余)[\u4e00-\u9fa5]{0,6}$")  # 上年结转: a subject
# The unit's totals: with a scope word before them ('一般公共预算财政拨款总支出') they name that scope's total.
TOTALS = ("收入总计", "支出总计", "收支总计", "本年收入合计", "本年支出合计")
# The two sides' totals: a clause naming one right after the other's states the same scope's figure.
_COUNTERPART = {"收入总计": "支出总计", "支出总计": "收入总计", "本年收入合计": "本年支出合计", "本年支出合计": "本年收入合计"}
# A bare 支出 (收入) in the clause right after the year's own income (spending): the year's own, by the same 本年.
_YEARS_OWN = {"支出": "本年收入合计", "收入": "本年支出合计"}
# An item named by words the lexicon does not know: '…维修费', '…经费' before its figure.
_UNNAMED_ITEM_RE = re.compile(r"[\u4e00-\u9fa5]{2,}(?:费用?|经费)")
# Two or more word characters left once the gap words are taken out: an item named in words the lexicon lacks.
# (not words of a comparison: '比上年增加(减少)0万元' names no item)
_UNKNOWN_ITEM_RE = re.compile(r"[\u4e00-\u9fa5]{2,}")
_COMPARING_RE = re.compile(r"比|较|上年|去年|同期|增|减|降")
_GENERIC_RE = re.compile(r"(?:决算)?(支出|收入)")
# The unit's own spending or income, named by the unit or by nothing else: '示例镇卫生所支出为X万元', and its change on
# the year before ('收入较上年增加X万元').
_OWN_TOTAL_RE = re.compile(r"^(?:\d{4}年度?)?(?:本单位|本部门|我单位|[\u4e00-\u9fa5]{2,24}?(?:院|局|委|站|所|中心|学校|校|办|馆"
                           r"|队|会|园|场|社|处|厅|政府|镇|乡|街道))?(?:本年度?|全年)?(?:决算)?(支出|收入)(?:总额)?"
                           r"(?:(?:比|较|与|同)(?:上年度?|去年|上一年度?|\d{4}年度?)(?:同期)?(?:相比|相较|比较)?)?"  # '收入较上年增加…'
                           r"(?:为|是|共计|合计|达到|达)?$")
_WORD_SIGN = {"大于": 1, "高于": 1, "超过": 1, "多于": 1, "超出": 1, "小于": -1, "低于": -1, "少于": -1,
              "增加": 1, "增长": 1, "上升": 1, "突破": 1, "减少": -1, "下降": -1, "降低": -1}


def chinese_number(text: str) -> int | None:
    """'二十三' → 23, '两' → 2, '十' → 10; Arabic digits pass through ('1,280' → 1280)."""
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    total, current = 0, 0
    for char in text:
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True)
class Printed:
    """A figure as printed: its value in yuan (or %), the text, one unit of its last printed digit, its unit."""

    value: Decimal
    text: str
    quantum: Decimal
    unit: str = "元"

    @property
    def residue(self) -> Decimal:
        """Half a unit of the last printed digit: what rounding to the printed precision may hide."""
        return self.quantum / 2

    def shown(self, yuan: Decimal) -> str:
        """An amount in yuan written in this figure's unit: 1077610 → '107.761万元' beside '202.131万元'."""
        scale = unit_scale(self.unit) or Decimal(1)
        return f"{(yuan / scale).normalize():f}{self.unit}"


def printed(number: str, unit: str) -> Printed:
    """'4,764.04', '万元' → 47640400 yuan, quantum 100; '63.16', '%' → 63.16, quantum 0.01."""
    value = parse_decimal(number.replace("−", "-"))
    assert value is not None
    scale = Decimal(1) if unit in ("%", "％") else (unit_scale(unit) or Decimal(1))
    unit = "%" if unit == "％" else unit
    return Printed(value * scale, f"{number}{unit}", Decimal(1).scaleb(printed_exponent(number)) * scale, unit)


# Text a web page hid behind a link or a paywall ('点击查看>>', '查看全文', '***', '（略）'). Where it stands for a figure
# (a unit, a stop or the end right after it: '补助 点击查看>> 万元') the figure is unknown, not absent, so no sum or rate
# over the figures around it can be checked; before a word it hides a name ('****财政局', '水****管理'), no figure.
MASK_RE = re.compile(r"(?:点击查看|查看全文|阅读全文|查看更多|查看原文|付费(?:查看|阅读|下载)|会员(?:可见|查看|专享)"
                     r"|登录后(?:查看|可见)|[*＊]{3,}|[（(]\s*略\s*[)）])"
                     r"(?=[\s>＞》»]*(?:亿元|万元|元|万|亿|[%％]|[，,、；;。]|$))")


def mask_in(text: str) -> str:
    """The first mark of text hidden where a figure stands ('点击查看'), or ''."""
    match = MASK_RE.search(text)
    return match.group(0) if match else ""


def amounts_in(text: str) -> list[tuple[Printed, re.Match[str]]]:
    """Every amount of money in a text, in order, with where it was printed."""
    return [(printed(m.group(1), m.group(2)), m) for m in re.finditer(MONEY, normalize_text(text))]


def _money(number: str, unit: str) -> tuple[Decimal, Decimal]:
    figure = printed(number, unit)
    return figure.value, figure.quantum


def _percent(number: str) -> tuple[Decimal, Decimal]:
    figure = printed(number, "%")
    return figure.value, figure.quantum


def scope_of(text: str) -> str:
    return next((name for name, pattern in _SCOPE_RES if pattern.search(text)), "")


def subject_at(clause: str, end: int) -> tuple[str, int, int] | None:
    """The subject named closest before `end` in the clause (the longest wording at that place), its start and end."""
    best: tuple[int, int, str] | None = None  # (start, length, name)
    for name, pattern in _SUBJECT_RES:
        for match in pattern.finditer(clause, 0, end):
            key = (match.start(), match.end() - match.start(), name)
            if best is None or (key[0] + key[1], key[1]) > (best[0] + best[1], best[1]):
                best = key
    for match in list(_CLASS_RE.finditer(clause, 0, end)) + list(_CLASS_WORDS.finditer(clause, 0, end)):
        name = match.group(1) + "支出" if match.re is _CLASS_RE else match.group(0)
        name = re.sub(r"^.*?(?=" + _CLASS_WORDS.pattern + ")", "", name) if _CLASS_WORDS.search(name) else name
        key = (match.start(), match.end() - match.start(), name)
        if best is None or key[0] + key[1] > best[0] + best[1] or (
                key[0] + key[1] == best[0] + best[1] and key[1] > best[1]):
            best = key
    return (best[2], best[0], best[0] + best[1]) if best else None


def subject_opening(text: str) -> str | None:
    """The subject a text opens with ('因公出国(境)费;' → '因公出国(境)费'): the longest wording at its start."""
    found = [(match.end(), name) for name, pattern in _SUBJECT_RES if (match := pattern.match(text)) and match.end()]
    return max(found)[1] if found else None


def _after_base(clause: str, start: int, end: int, following: str) -> str:
    """A figure printed right after a comparison with another year ('较上年90万元…'): 'prior' when a change with
    its own amount follows it (the other year's figure), the direction ('增加'/'减少') when only a rate with a
    direction follows it in the next clause (the change, printed without its word); '' otherwise (not known)."""
    if not _BASE_FIGURE_RE.search(clause[:start]):
        return ""
    after = re.sub(r"^(?:相比|相较|比较)", "", clause[end:])  # '与上年80万元相比，增加…'
    if _CHANGE_NEXT_RE.match(after) or (not after and _CHANGE_NEXT_RE.match(following)):
        return "prior"
    if not after and (rate := _RATE_NEXT_RE.match(following)) is not None:
        return "增加" if (rate.group(1) or rate.group(2)) in _UP else "减少"
    return ""


def clauses(sentence: str) -> list[str]:
    """Clauses at ，；：。、 — a comma before a group of exactly three digits is a thousands separator and stays
    (',2015年' starts a clause)."""
    text = compact_text(sentence)
    return [c for c in re.split(r"[，；;：:。！？!?]|,(?!\d{3}(?!\d))|、(?=[^\d])", text) if c]


def _closing_bracket(clause: str) -> int:
    """Where the clause closes a bracket opened in an earlier clause, or -1."""
    depth = 0
    for position, char in enumerate(clause):
        depth += (char in "(（") - (char in ")）")
        if depth < 0:
            return position
    return -1


def _opening_bracket(clause: str) -> int:
    """Where the clause opens the last bracket it leaves open, or -1."""
    opened: list[int] = []
    for position, char in enumerate(clause):
        if char in "(（":
            opened.append(position)
        elif char in ")）" and opened:
            opened.pop()
    return opened[-1] if opened else -1


def _before_bracket(clause: str, stated: list[tuple[int, Claim]], entry: tuple[str, str],
                    section_scope: str) -> tuple[str, str]:
    """The subject and scope a bracket left open in the clause is about: the figure or the name printed last before
    it ('支出合计X万元（其中…' → 支出合计, not the parts listed inside), else the subject the clause opened with."""
    at = _opening_bracket(clause)
    figures = [(start, claim) for start, claim in stated if start < at]
    last = max(figures, key=lambda item: item[0]) if figures else None
    named = subject_at(clause, at) if at >= 0 else None
    if named is not None and (last is None or named[1] > last[0]):
        return named[0], scope_of(clause[: named[2]]) or section_scope
    if last is not None:
        return last[1].subject, last[1].scope
    return entry


# Where a run-on sentence goes on after a reason: the next numbered item ('…主要原因是…，三、公务接待费…').
_NEXT_ITEM_RE = re.compile(r"[，,；;]\s*(?=(?:[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,2}[)）]))")


# '其中：' right after a word, with no stop before it: the reason's end was cut off and the list of figures follows.
_FUSED_LIST_RE = re.compile(r"(?<=[\u4e00-\u9fa5])其中[：:]")


def _cut_reason(sentence: str) -> tuple[str, str]:
    """The sentence without its stated reason, and the reason. A reason ends the sentence, unless a numbered item
    follows it, or a list opened by '其中：' run into a word cut off (the reason's text lost its end: '…经费支其中：
    A X万元，占P%'): the item or the list is read on. A sentence that opens with '…的主要原因是：' and states its
    figures only after it uses the words as a heading: the figures are read."""
    match = _REASON_RE.search(sentence)
    if not match:
        return sentence, ""
    if not re.search(r"\d", sentence[: match.start()]) and sentence[match.start(1) - 1] in "：:" \
            and amounts_in(match.group(1)):
        return match.group(1), ""
    reason = re.split(r"[。；;]", match.group(1))[0]
    fused = _FUSED_LIST_RE.search(sentence, match.start(1), match.start(1) + len(reason))
    if fused is not None and amounts_in(sentence[fused.end():]):
        rest, more = _cut_reason(sentence[fused.start():])
        return sentence[: match.start()] + "；" + rest, "；".join(r for r in (sentence[match.start(1): fused.start()],
                                                                             more) if r)
    following = _NEXT_ITEM_RE.search(sentence, match.start())
    if following is None:
        return sentence[: match.start()], reason
    rest, more = _cut_reason(sentence[following.end():])
    reason = sentence[match.end(1) - len(match.group(1)): following.start()]
    return sentence[: match.start()] + "；" + rest, "；".join(r for r in (reason, more) if r)


# Paired figures: “收、支总计各是A,B万元，各下降P%、Q%” — a list of subjects before 各 and, after each 各, as many
# figures as subjects (one unit at the end or one per figure). Read as “收入总计是A万元，下降P%；支出总计是B万元，下降Q%”.
_LIST_RE = re.compile(r"((?:[\u4e00-\u9fa5“”\"()（）]{1,16}(?:、|和|及))+[\u4e00-\u9fa5“”\"()（）]{1,16}?)(?=各|分别|均|为|是|\d)")
# One figure for every subject of the list: '收、支总计均为640.20万元', '收、支总计各增加12.5万元'.
_SHARED_RE = re.compile(rf"(?:各自?|分别|均)?([\u4e00-\u9fa5]{{0,8}}?)((?:{NUM})\s*(?:亿元|万元|元|[%％]))(?![\d.]|[,，、和及]\s*\d)")
_SHARED_RATE_RE = re.compile(rf"[,，]((?:同比)?(?:增长|下降|上升|降低|增幅|降幅)(?:了|为)?{NUM}\s*[%％])")
# The two grand totals a 决算 prints equal, named together before one figure: '2023年度收、支总计640.20万元'.
_BOTH_TOTALS = ["收入总计", "支出总计"]
_EACH_RE = re.compile(rf"(?:各自?|分别)([\u4e00-\u9fa5]{{0,8}}?)((?:{NUM})\s*(?:亿元|万元|元|[%％])?(?:(?:,|，|、|和|及)(?:{NUM})\s*(?:亿元|万元|元|[%％])?)+)")
_RUN_RE = re.compile(rf"([\u4e00-\u9fa5]{{0,8}}?)((?:{NUM})\s*(?:亿元|万元|元|[%％])?(?:(?:,|，|、|和|及)(?:{NUM})\s*(?:亿元|万元|元|[%％])?)+)")
_FIGURE_RE = re.compile(rf"({NUM})\s*(亿元|万元|元|[%％])?")
_LEAD_RE = re.compile(r"^(?:本年度?|上年度?|全年|当年|年度|年|度)?(?:财政拨款|一般公共预算(?:财政拨款)?|政府性基金(?:预算)?)?")
_SHORT = {"收": "收入", "支": "支出"}


def _list_items(text: str) -> tuple[str, list[str]]:
    """'年度收、支总计' → ('年度', ['收入总计', '支出总计']): the words before the first subject, and the subjects (the
    last item's head word is shared by the earlier short items)."""
    items = [i for i in re.split(r"、|和|及", text) if i]
    lead = _LEAD_RE.match(items[0])
    if lead and lead.end() < len(items[0]):
        items[0] = items[0][lead.end():]
    last = items[-1]
    result = []
    for item in items:
        if item is not last and len(item) < len(last) and not _names_subject(item):
            item += last[len(item):]
        head = next((short for short in _SHORT if item.startswith(short) and not item.startswith(_SHORT[short])), "")
        result.append(_SHORT[head] + item[1:] if head else item)
    return lead.group(0) if lead and lead.end() < len(text) else "", result


def _names_subject(item: str) -> bool:
    named = subject_at(item, len(item))
    return named is not None and named[1] == 0 and named[2] == len(item)


def join_listed_subjects(body: str) -> str:
    """'三公经费、会议费、培训费支出X万元' (or '“会议费”、“培训费”…'): subjects listed with 、 stay in one clause (read as
    '…及…'), so that the figure after them is known to be their sum, not the last one's."""
    out = list(body)
    for match in re.finditer(r"[”\"]?、[“\"]?", body):
        before = subject_at(body, match.start())
        if before is not None and before[2] == match.start() and any(
                pattern.match(body, match.end()) for _, pattern in _SUBJECT_RES):
            out[body.index("、", match.start())] = "及"
    return "".join(out)


def _paired_runs(body: str, position: int, count: int) -> tuple[list[list[tuple[str, str]]], int] | None:
    """The runs of `count` figures from a 各/分别 at `position`: its own ('分别减少a万元和b万元') and each run that
    follows it after a comma, opened by 各/分别 again or by a bare verb ('，下降P%和Q%'); per run, (verb, figure with
    its unit) per subject, and where the last run ends. None when the first run (or a later 各 run) holds another
    number of figures."""
    segments: list[list[tuple[str, str]]] = []
    end = position
    while True:
        each = not segments or body.startswith(("各", "分别"), position)
        if (run := (_EACH_RE if each else _RUN_RE).match(body, position)) is None:
            break
        figures = _FIGURE_RE.findall(run.group(2))
        if len(figures) != count:
            if not segments or each:
                return None
            break
        if not each and subject_at(run.group(1), len(run.group(1))) is not None:
            break  # another subject's figures ('，A x万元、y万元'), not a run of these
        unit = next((u for _, u in reversed(figures) if u), "")
        segments.append([(run.group(1), f"{number}{u or unit}") for number, u in figures])
        end = position = run.end()
        if re.match(r"[,，;；]", body[position:]) is None:
            break
        position += 1
    return (segments, end) if segments else None


# What joins a subject to the one before it in a list: '…及', '…、', '…”及“'.
_LINK_RE = re.compile(r"[”\"]?[、及和与][“\"]?$")


def listed_subjects(basis: str) -> tuple[str, ...]:
    """The subjects of a figure stated for a list of them ('会议费”及“培训费”及“差旅费' → their names), each named
    whole by the lexicon; () when the words are not such a list."""
    names = []
    for item in re.split(r"[、及和与]", basis):
        item = item.strip("“”\"")
        named = subject_at(item, len(item))
        if named is None or named[1] != 0 or named[2] != len(item):
            return ()
        names.append(named[0])
    return tuple(names) if len(names) > 1 else ()


def expand_paired(body: str) -> str:
    """The sentence with paired figures (“A、B各是x,y万元”) written out subject by subject; unchanged otherwise."""
    match = _LIST_RE.search(body)
    if not match:
        return expand_figured_pairs(body)
    lead, items = _list_items(match.group(1))
    if not all(_names_subject(item) for item in items):
        return expand_figured_pairs(body)  # not a list of subjects named without figures
    each_word = body.startswith(("各", "分别", "均"), match.end())
    if not each_word and items != _BOTH_TOTALS:
        return expand_figured_pairs(body)  # 'A、B为X万元': their sum (join_listed_subjects), not each one's
    runs = _paired_runs(body, match.end(), len(items))
    if runs is None and _EACH_RE.match(body, match.end()) is not None:
        return body  # a 各 run of another number of figures
    segments, position = runs if runs is not None else ([], match.end())
    if not segments and (shared := _SHARED_RE.match(body, match.end())) is not None:
        segments, position = [[(shared.group(1), shared.group(2))] * len(items)], shared.end()
        if (rate := _SHARED_RATE_RE.match(body, position)) is not None:  # '各增加X万元，增长P%': each one's rate
            segments.append([("，" + rate.group(1), "")] * len(items))
            position = rate.end()
    if not segments:
        return body
    written = "；".join(lead + item + "，".join(seg[i][0] + seg[i][1] for seg in segments)
                       for i, item in enumerate(items))
    return body[: match.start()] + written + body[position:]


# What may stand between the last of the subjects stated with their amounts and the 分别 that pairs figures with them:
# the base of the comparison ('，与2022年相比，'), no other figure and no other subject.
_PAIRS_LEAD_RE = re.compile(r"[,，]?(?:(?:与|比|较|同)[^，,；;\d]{0,4}(?:\d{4}年度?)?[^，,；;\d]{0,6})?[,，]?")


def _figured_items(before: str, count: int) -> tuple[int, list[str], str] | None:
    """The `count` subjects stated last before a 分别/各, each with its own amount ('包括A x万元和B y万元，与上年相比，'):
    where the first starts, each subject with its amount as written, and the words naming the base after the last."""
    amounts = list(re.finditer(MONEY, before))
    if len(amounts) < count or not _PAIRS_LEAD_RE.fullmatch(lead := before[amounts[-1].end():]):
        return None
    items: list[str] = []
    names: set[str] = set()
    first = 0
    for k, amount in enumerate(amounts[-count:]):
        low = amounts[len(amounts) - count + k - 1].end() if k else 0
        head = before[low: amount.start()]
        named = subject_at(head, len(head))
        if named is None or not _GAP_RE.fullmatch(head[named[2]:]):
            return None
        if k and not re.fullmatch(r"[、和及与，,；;]", head[: named[1]]):
            return None
        if not k:
            first = named[1]
            if re.search(rf"{MONEY}[、和及与]$", head[: named[1]]):
                return None  # a longer list than the figures paired with it: which ones are meant is not known
        names.add(named[0])
        items.append(before[low + named[1]: amount.end()])
    if len(names) != count:
        return None
    return first, items, lead.strip(",，")


def expand_figured_pairs(body: str) -> str:
    """'A x万元和B y万元，与上年相比，分别减少a万元和b万元，下降P%和Q%' written out subject by subject ('A x万元，与上年相比，
    减少a万元，下降P%；B y万元，…'): the i-th figure of each run belongs to the i-th subject. Unchanged otherwise."""
    for each in re.finditer(r"各自?|分别", body):
        first = _EACH_RE.match(body, each.start())
        if first is None:
            continue
        count = len(_FIGURE_RE.findall(first.group(2)))
        found = _figured_items(body[: each.start()], count)
        runs = _paired_runs(body, each.start(), count)
        if found is None or runs is None:
            continue
        start, items, lead = found
        segments, end = runs
        written = "；".join(item + (f"，{lead}" if lead else "") + "，" + "，".join(seg[i][0] + seg[i][1] for seg in segments)
                           for i, item in enumerate(items))
        return body[:start] + written + body[end:]
    return body


# A change of scope between bodies or levels ('…等三个单位上划到市级', '职能划转至…', '口径调整'): the figures said from that
# clause to the end of the sentence are the effect of the change ('减少了“三公”经费X万元，其中…Y万元'), not the
# subject's own amount or change — kept as a 'figure' of basis SCOPE_SHIFT. '上划中央收入' names a revenue, '计划出国' a
# plan: no change of scope.
_SHIFT_RE = re.compile(r"(?<![计规策筹刻])(?:上划|下划|划转|划出|划入|划归|移交|转隶)(?![\u4e00-\u9fa5]{0,4}(?:收入|税))"
                       r"|(?:统计|核算)?口径(?:调整|变化|变动)|调整(?:了)?(?:统计|核算)?口径")
# A comparison with a factor left out ('剔除这一因素，…仍然减少了X万元，下降P%', '扣除…因素后'): from that clause on, a
# change or rate on the year before is of basis COMPARABLE (whether its base leaves the factor out too is a matter
# of convention), another figure of the subject a 'figure' of that basis; '按自然口径' / '全口径' returns to the subject's
# own figures. A comparison said to be on last year's figures restated to this year's scope ('按2016年同口径数据对比')
# leaves out nothing of this year's: its figures are the subject's own.
_COMPARABLE_RE = re.compile(r"剔除|扣除[^，,；;]{0,24}(?:因素|影响)")
_WHOLE_SCOPE_RE = re.compile(r"自然口径|全口径")
SCOPE_SHIFT = "口径调整"
COMPARABLE = "可比"
# An amount per unit ('平均每辆2.08万元', '人均…', '单价…', '3.5万元/人'): measure 'average', never a part of a sum.
_PER_UNIT_RE = re.compile(r"(?:平均|人均|户均|车均|次均|生均|均价|单价|单位成本|每(?:[辆人台次批个户天日家所名项张套]|批次|人次))"
                          r"[^，,；;\d]{0,8}$")
_PER_UNIT_AFTER_RE = re.compile(r"^\s*/\s*[\u4e00-\u9fa5]")
# Parts listed after a budget ('…预算为X万元，其中：A费Y万元、B费Z万元'): each part is a budget too, unless its own words
# name another stage.
_LIST_CUE_RE = re.compile(r"^[(（]?其中")
_OTHER_STAGE_RE = re.compile(r"决算|实际|执行|完成")


def _readings(parts: list[str]) -> dict[int, str]:
    """The clauses whose figures are not the subject's own: SCOPE_SHIFT from a clause stating a change of scope,
    COMPARABLE from one stating a comparison on a comparable scope, each to the end of the sentence or to a clause
    of the other kind (or to '按自然口径', which ends a comparable reading)."""
    found: dict[int, str] = {}
    reading = ""
    for index, clause in enumerate(parts):
        if _COMPARABLE_RE.search(clause):
            reading = COMPARABLE
        elif _SHIFT_RE.search(clause):
            reading = SCOPE_SHIFT
        elif _WHOLE_SCOPE_RE.search(clause):
            reading = ""
        if reading:
            found[index] = reading
    return found


def _per_unit(clause: str, start: int, end: int) -> bool:
    """Whether the figure at clause[start:end] is an amount per unit (an average, a unit price)."""
    return bool(_PER_UNIT_RE.search(clause[:start]) or _PER_UNIT_AFTER_RE.match(clause[end:]))


def _budget_parts(parts: list[str], placed: list[tuple[tuple[int, int], Claim]]) -> list[tuple[tuple[int, int], Claim]]:
    """The claims with the parts a budget lists after '其中' read as budgets: the clause opens with the cue, the
    sentence states before it a budget and no amount (a sum spent: the list would be its parts, or either's), and the
    list holds no completion (a part compared with its budget is a sum spent). A part whose words name another
    stage (决算, 实际, 执行) keeps its own reading."""
    out = list(placed)
    for cue, clause in enumerate(parts):
        if not _LIST_CUE_RE.match(clause):
            continue
        before = [c for (i, _), c in placed if i < cue]
        end = next((i for i in range(cue + 1, len(parts)) if _LIST_CUE_RE.match(parts[i])), len(parts))
        listed = [(n, c) for n, ((i, _), c) in enumerate(placed) if cue <= i < end]
        if not any(c.measure == "budget" for c in before) or any(c.measure == "amount" for c in before) or any(
                c.measure == "completion" for _, c in listed):
            continue
        whole = next(c for c in reversed(before) if c.measure == "budget")
        for n, claim in listed:
            at = claim.clause.find(claim.text)
            named = subject_at(claim.clause, at) if at >= 0 else None
            words = claim.clause[named[2] if named else 0: max(at, 0)]
            if claim.measure == "amount" and named is not None and not _OTHER_STAGE_RE.search(words):
                out[n] = (out[n][0], replace(claim, measure="budget", basis=whole.basis))
    return out


def claims_of(sentence: str, section: str = "", location: Location | None = None,
              unit: str = "") -> tuple[tuple[Claim, ...], str]:
    """The claims of one sentence and its stated reason. A claim with no subject in reach is kept with the
    subject '' (the audit reports it as not checked). `unit`: the one money unit the whole document prints its amounts
    in, if any (a change printed without a unit is read in it when its sentence prints none of its own)."""
    location = location or Location()
    # '…、公务接待费(简称“三公”经费)支出合计X万元': the short name in brackets names the figure after it
    sentence = re.sub(r"[(（]简称([^()（）]{1,16})[)）]", r"，\1", normalize_text(sentence))
    body, reason = _cut_reason(compact_text(sentence))
    body = join_listed_subjects(expand_paired(body))
    section_scope = scope_of(section)
    found: list[Claim] = []
    subject, scope = "", ""
    positions: list[tuple[int, int]] = []
    lead = ""  # a clause of its own naming the base of the changes after it: '与2023年度预算相比，减少…'
    # the base of the change that ended the clause before: '较年初预算数减少4万元，下降8.9%' — the bare rate after it
    # states the same comparison
    carried = ""
    loose = False  # the last figure read names an item the lexicon lacks: a share after it is not the subject's
    outer: list[tuple[str, str]] = []  # the subject before each open bracket: '…费X万元（其中：A…，B…），比…增加'
    parts = clauses(body)
    readings = _readings(parts)
    for index, clause in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        taken: list[tuple[int, int]] = []
        closing = _closing_bracket(clause) if outer else -1
        entry = (subject, scope)  # the subject the clause opens with

        def free(match: re.Match[str], taken: list[tuple[int, int]] = taken) -> bool:
            return not any(a < match.end() and match.start() < b for a, b in taken)

        def add(measure: str, match: re.Match[str], value: Decimal, text: str, quantum: Decimal, basis: str = "",
                taken: list[tuple[int, int]] = taken, clause: str = clause, index: int = index,
                lead: str = lead, negated: bool = False, closing: int = closing, carried: str = carried) -> None:
            nonlocal subject, scope, loose
            # an amount's own words (收入总计 …为 X) may end where its number starts; other measures start with
            # their cue word (占, 完成, 增加, 年初预算), before which the subject stands
            # (a budget read as the other year's, '比2021年…预算X', has no group of its own there when no 年初/全年)
            end = match.start(1) if measure in ("amount", "prior") and match.start(1) >= 0 else match.start()
            named = subject_at(clause, end)
            # the words after a bracket that closes here (its last part, or nothing, named before them) are said of
            # the figure before the bracket: '…合计X万元（其中A…、B Y万元），比上年增加…' is the change of X, not of Y
            resumed = 0 <= closing < end and (named is None or named[2] <= closing)
            if resumed:
                named = (outer[-1][0], closing, closing + 1)
            before = clause[:end]
            if named is None and scope_of(before):
                generic = list(_GENERIC_RE.finditer(before))  # '一般公共预算财政拨款决算支出X万元'
                named = (generic[-1].group(1), generic[-1].start(1), generic[-1].end()) if generic else None
            elif named is None and (own := _OWN_TOTAL_RE.match(before)) is not None:
                named = (own.group(1), own.start(1), own.end(1))
                if own.start(1) == 0 and found and positions[-1][0] == index - 1 and found[-1].measure == "amount" \
                        and found[-1].subject == _YEARS_OWN.get(own.group(1)):
                    # '本年收入X万元，支出Y万元': the 本年 said once is the other side's too (the year's own spending)
                    named = (_COUNTERPART[found[-1].subject], own.start(1), own.end(1))
            if named is not None:
                # '财政拨款收入总计X万元，支出总计Y万元': the other side's total, named without a scope of its own right
                # after its counterpart, is that scope's too
                paired = scope if _COUNTERPART.get(subject) == named[0] and not scope_of(clause[: named[2]]) else ""
                subject = named[0]
                scope = outer[-1][1] if resumed else scope_of(clause[: named[2]]) or paired or section_scope
            elif not subject:
                scope = scope_of(clause) or section_scope
            gap = clause[named[2] if named else 0:end]
            if measure == "amount" and _EXECUTED_RE.search(gap):  # '实际执行X万元': the amount spent
                basis = "执行"
            elif measure == "amount" and _BUDGET_GAP_RE.fullmatch(gap) and not _GAP_RE.fullmatch(gap):
                measure = "budget"
            elif measure == "amount" and named is None and subject and _SCOPE_ONLY_RE.fullmatch(gap):
                pass  # a kind of funds' part of the subject before it (its scope set below)
            elif measure == "amount" and named is None and outer and (closing < 0 or match.start() < closing):
                # in a bracket after the subject's figure, an amount naming no subject is a part of that figure
                # ('项目支出共安排120万元（上年结转20万元，本年安排100万元）'), not the subject's own amount
                measure, basis = "figure", gap
            elif measure == "amount" and not _GAP_RE.fullmatch(gap):
                measure, basis = "figure", gap
                # words the lexicon does not know name an item of their own ('其他收137.68万元', 收入 cut short) or
                # another figure of the subject ('差值为0.8万元'): a share after it is that figure's, not the subject's
                loose = named is None and bool(_UNKNOWN_ITEM_RE.search(_GAP_RE.sub("", gap))) \
                    and not _COMPARING_RE.search(gap)
            elif measure == "budget" and named is None and _UNNAMED_ITEM_RE.search(gap):
                subject, scope = "", scope_of(clause) or section_scope  # an item the lexicon lacks: not the last one's
            if named is not None and (link := _LINK_RE.search(clause[: named[1]])) is not None and (
                    joined := subject_at(clause, link.start())) is not None and joined[2] == link.start():
                first = joined[1]
                while (link := _LINK_RE.search(clause[:first])) is not None and (
                        joined := subject_at(clause, link.start())) is not None and joined[2] == link.start():
                    first = joined[1]
                measure, basis = "figure", clause[first: named[2]]  # '三公经费及会议费、培训费…': their sum
            on_budget = lead == "预算" or (measure == "rate" and carried == "预算" and named is None)
            if measure in ("change", "rate") and (_BUDGET_BASIS_RE.search(clause[: match.start()]) or (
                    on_budget and not _PRIOR_BASIS_RE.search(clause[: match.start()]))):
                basis = "预算"
            own_scope = scope
            if named is None and measure == "amount" and subject and _SCOPE_ONLY_RE.fullmatch(before):
                own_scope = scope_of(before)
            if measure in ("amount", "figure", "budget") and _per_unit(clause, match.start(), match.end()):
                measure = "average"  # '平均每辆2.08万元': an amount per unit, not a sum
            reading = readings.get(index, "")
            if reading == SCOPE_SHIFT and measure != "compare":
                measure, basis = "figure", SCOPE_SHIFT  # the effect of a change of scope, not the subject's own
            elif reading == COMPARABLE and measure in ("change", "rate") and basis == "上年":
                basis = COMPARABLE
            elif reading == COMPARABLE and measure in ("amount", "prior", "budget", "completion", "share"):
                measure, basis = "figure", COMPARABLE
            of = "" if measure == "share" and named is None and loose else subject  # the share of that figure: unknown
            if named is not None or measure == "amount":
                loose = False
            found.append(Claim(of, own_scope, measure, value, text, quantum, location, basis, clause, negated))
            positions.append((index, match.start()))
            taken.append((match.start(), match.end()))

        for measure, pattern, money in _REPORT_RES:
            for match in pattern.finditer(clause):
                if free(match):
                    value, quantum = _money(match.group(1), match.group(2)) if money else _percent(match.group(1))
                    shown = match.group(1) + (match.group(2) if money else "%")
                    add(measure, match, value, shown, quantum, match.group(0)[: match.start(1) - match.start()])
        for match in _COMPLETION_RE.finditer(clause):
            if not free(match):
                continue
            if match.group(2):
                value, quantum = _money(match.group(2), match.group(3))
                add("budget", match, value, match.group(2) + match.group(3), quantum, match.group(1) or "")
            number = match.group(4) or match.group(5)
            value, quantum = _percent(number)
            add("completion", match, value, number + "%", quantum, match.group(1) or "")
        for match in _OVER_RE.finditer(clause):
            if free(match):
                value, quantum = _money(match.group(2), match.group(3))
                add("change", match, value * _WORD_SIGN[match.group(1)], match.group(0), quantum, "预算")
        for match in _BUDGET_RE.finditer(clause):
            if free(match):
                value, quantum = _money(match.group(2), match.group(3))
                if _after_base(clause, match.start(2), match.end(), following) == "prior":  # '比2022年年初预算数X'
                    add("prior", match, value, match.group(2) + match.group(3), quantum, "上年")
                    continue
                add("budget", match, value, match.group(2) + match.group(3), quantum, match.group(1) or "")
        for match in _SHARE_RE.finditer(clause):
            if free(match):
                value, quantum = _percent(match.group(2))
                whole = (match.group(1) or "").strip("的")
                named = subject_at(whole, len(whole)) if whole else None
                if named is not None and named[0] in TOTALS and scope_of(whole[: named[1]]):
                    named = None  # '占一般公共预算财政拨款总支出的': that scope's total, kept as written
                add("share", match, value, match.group(2) + "%", quantum, named[0] if named else whole)
        for match in _CHANGE_RE.finditer(clause):
            if free(match):
                value, quantum = _money(match.group(3), match.group(4))
                sign = 1 if (match.group(1) or match.group(2)) in _UP else -1
                add("change", match, value * sign, match.group(0), quantum, "上年")
                if (bracket := _BRACKET_RATE_RE.match(clause, match.end())) is not None:  # its rate, same base
                    rate, places = _percent(bracket.group(1))
                    add("rate", bracket, rate * sign, bracket.group(1) + "%", places, found[-1].basis)
        for match in _BARE_CHANGE_RE.finditer(clause):
            if free(match) and (said := _unit_said(body, unit)) and not _NOT_AMOUNT_RE.search(clause[: match.start()]):
                value, quantum = _money(match.group(3), said)
                sign = 1 if (match.group(1) or match.group(2)) in _UP else -1
                add("change", match, value * sign, f"{match.group(0)}（{UNITLESS}，按{said}）", quantum, "上年")
        for match in _RATE_RE.finditer(clause):
            if free(match):
                value, quantum = _percent(match.group(3))
                sign = 1 if (match.group(1) or match.group(2)) in _UP else -1
                add("rate", match, value * sign, match.group(0), quantum, "上年")
        for match in _SAME_RE.finditer(clause):
            if free(match):
                add("change", match, Decimal(0), match.group(0), Decimal(0), "上年")
        for match in _COMPARE_RE.finditer(clause):
            if not free(match):
                continue
            word = match.group(2) or match.group(7)
            basis = match.group(4) or match.group(6)
            add("compare", match, Decimal(_WORD_SIGN.get(word, 0)), (match.group(1) or "") + word, Decimal(0), basis,
                negated=bool(match.group(1)))
        for match in _DENIED_RE.finditer(clause):
            if free(match):
                word = match.group(2)
                on_budget = "预算" in match.group(0) or word in ("超过", "超出", "突破") or (
                    lead == "预算" and not _PRIOR_BASIS_RE.search(clause[: match.start()]))
                add("compare", match, Decimal(_WORD_SIGN[word]), match.group(0), Decimal(0),
                    "预算" if on_budget else "上年", negated=True)
        for match in _NO_BUDGET_RE.finditer(clause):
            if free(match):
                add("prior", match, Decimal(0), match.group(0), Decimal(0), "上年")
        for match in _AMOUNT_RE.finditer(clause):
            if free(match):
                value, quantum = _money(match.group(1), match.group(2))
                shown = match.group(1) + match.group(2)
                prior = bool(_PRIOR_RE.search(clause[: match.start(1)]))
                reading = "" if prior else _after_base(clause, match.start(1), match.end(), following)
                if reading in ("增加", "减少"):
                    add("change", match, value if reading == "增加" else -value, shown, quantum, "上年")
                    continue
                prior = prior or reading == "prior"
                add("prior" if prior else "amount", match, value, shown, quantum, "上年" if prior else "")
        for match in _COUNT_RE.finditer(clause):
            if free(match) and (count := chinese_number(match.group(1))) is not None:
                add("count", match, Decimal(count), match.group(0), Decimal(1), match.group(2))
        for match in re.finditer(PCT, clause):
            if free(match):  # a percentage no measure reads: kept, so that it is reported as not checked
                value, quantum = _percent(match.group(1))
                add("figure", match, value, match.group(0), quantum, clause[: match.start()][-8:])
        if not taken and not _USE_RE.match(clause) and (named := subject_at(clause, len(clause))):
            subject, scope = named[0], scope_of(clause[: named[2]]) or section_scope  # '收入支出总体与上年相比，增加…'
            loose = False
        depth = clause.count("(") + clause.count("（") - clause.count(")") - clause.count("）")
        if depth > 0:
            outer.append(_before_bracket(clause, [(at, c) for (i, at), c in zip(positions, found, strict=True)
                                                  if i == index], entry, section_scope))
        elif depth < 0 and outer:
            subject, scope = outer.pop()
        stated_here = [c for (at, _), c in zip(positions, found, strict=True) if at == index]
        carried = stated_here[-1].basis if stated_here and stated_here[-1].measure == "change" else ""
        if _BUDGET_BASIS_RE.search(clause):
            lead = "预算"
        elif _PRIOR_BASIS_RE.search(clause):
            lead = ""
    placed = _budget_parts(parts, list(zip(positions, found, strict=True)))
    ordered = sorted((at, n, claim) for n, (at, claim) in enumerate(placed))
    return tuple(claim for _, _, claim in ordered), reason


def _unit_said(body: str, document: str) -> str:
    """The money unit a sentence prints its amounts in, when it prints one only; else the document's (`document`);
    "" when neither establishes one."""
    units = {_UNIT_NAMES.get(match.group(2), match.group(2)) for match in re.finditer(MONEY, body)}
    if len(units) == 1:
        return units.pop()
    return document if not units else ""


_UNIT_NAMES = {"万": "万元", "亿": "亿元"}


def money_unit(texts: Iterable[str]) -> str:
    """The one money unit (元, 万元 or 亿元) all amounts of the texts are printed in, or "" (none, or several)."""
    units = {_UNIT_NAMES.get(match.group(2), match.group(2)) for text in texts for match in re.finditer(MONEY, text)}
    return units.pop() if len(units) == 1 else ""


# ---------------------------------------------------------------- scores, grades and the bands a document states

# A total score in a sentence: '自评得分86.4分', '自评总分：92分', '综合评分为97分', '评价总得分为91.8分', '项目绩效
# 评价得分90.5分'. An indicator block's score ('产出指标…评价得分50分') is not a total and is not read here, nor is a
# bare '总分' (often the full marks: '总分100分').
SCORE_RE = re.compile(rf"(?:自评(?:总)?(?:得)?分|综合(?:评分|得分)|总(?:体)?得分|绩效评价得分)(?:[(（]分[)）])?\s*"
                      rf"(?:为|是|:|：|达到?)?\s*({NUM})\s*分?")
# The words of a bare '总得分 94 分' (the form's total as a report states it).
TOTAL_SCORE_RE = re.compile(r"总得分\s*([\d.]+)\s*分")
# A score said of a block, of the budget part, an average over projects or a department's whole: not a form's total.
NOT_FORM_TOTAL_RE = re.compile(r"指标|预算执行|执行率|平均|部门整体|单位整体|整体支出")


def stated_form_total(text: str, near: int = 0) -> Decimal | None:
    """A project form's total as a text states it: '总得分 94 分', or the self-evaluation score in other words
    ('自评得分为95分', '综合得分为95分', '自评总分：95', SCORE_RE). A score said of a block or of the budget part in the
    same clause ('产出指标自评得分45分'), an average over projects, or a department's whole score is not the form's
    total; neither is a figure above the form's 100 points. `near`: only that many characters before the score are its
    clause (a form run together into one line has no punctuation to end it)."""
    if match := TOTAL_SCORE_RE.search(text):
        return Decimal(match.group(1))
    norm = compact_text(text)
    score, _ = stated_score_and_grade(norm)
    if score is None:
        return None
    clause = re.split(r"[，,；;。：:]", norm[:score.start()])[-1]
    if near:
        clause = clause[-near:]
    if NOT_FORM_TOTAL_RE.search(clause) or not is_number(score.group(1)):
        return None
    value = parse_decimal(score.group(1))
    return value if value is not None and 0 <= value <= 100 else None  # a form's full marks are 100


# A grade word, longest first: '优良' is a merged band of its own ('等级为优良(80分以上)'), not 优.
GRADE_WORD = r"优秀|优良|良好|不合格|合格|一般|优|良|中|差"
# A stated grade: '自评结果为“良好”', '评价等级：优', '评价结果为良'.
GRADE_RE = re.compile(rf"(?:自评|评价)(?:等级|等次|档次|结果|结论)?(?:为|是|：|:)\s*[“\"”']?\s*({GRADE_WORD})")
# grade word → the grades of the four-band scale it names (a merged word names two).
GRADES = {"优秀": ("优",), "良好": ("良",), "合格": ("中",), "一般": ("中",), "不合格": ("差",), "优良": ("优", "良"),
          "优": ("优",), "良": ("良",), "中": ("中",), "差": ("差",)}


def grade_name(word: str) -> str:
    """'良好' → '良', '中(一般)' → '中'; a merged or unknown word is returned as written."""
    word = re.sub(r"[(（][^)）]*[)）]|[“”\"'\s]", "", word)
    names = GRADES.get(word, ())
    return names[0] if len(names) == 1 else word


@dataclass(frozen=True)
class Band:
    """A grade band a document states: the grades its word names and the scores it covers, both ends inclusive
    (a stated '80-90分' leaves the boundary to either band: only a score outside every reading contradicts it)."""

    word: str
    grades: tuple[str, ...]
    low: Decimal | None
    high: Decimal | None
    text: str

    def holds(self, score: Decimal) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score <= self.high)


_DASH = r"\s*(?:-|—|–|~|～|至|到)\s*"
_RANGE = rf"({NUM})\s*分?{_DASH}({NUM})\s*分"
_FROM = rf"({NUM})\s*分\s*(?:[(（]含[^)）]{{0,6}}[)）])?\s*(及以上|以上|\(含\)以上|（含）以上|以下|及以下|以内)"
# '优良(80分以上)', '中（70-80分）', '优：90分及以上' — the grade first, its scores after it;
_GRADE_FIRST = re.compile(rf"(?<!其)({GRADE_WORD})\s*[“”\"]?\s*(?:[(（:：]\s*)(?:{_RANGE}|{_FROM})")
# '90分以上为优', '80-89分为良', '60分以下为“差”' — the scores first.
_SCORES_FIRST = re.compile(rf"(?:{_RANGE}|{_FROM})\s*(?:的)?(?:为|是|评为|定为|属于?)\s*[“\"”']?\s*({GRADE_WORD})")


def _band(word: str, low: str | None, high: str | None, bound: str | None, side: str | None, text: str) -> Band:
    if low is not None and high is not None:
        lo, hi = parse_decimal(low), parse_decimal(high)
    elif side is not None and ("下" in side or side == "以内"):
        lo, hi = None, parse_decimal(bound or "")
    else:
        lo, hi = parse_decimal(bound or ""), None
    return Band(word, GRADES.get(word, ()), lo, hi, text)


def stated_bands(text: str) -> tuple[Band, ...]:
    """The grade bands a text states as its own convention ('90分以上为优', '等级为中(70-80分)')."""
    norm = compact_text(text)
    found: list[Band] = []
    for match in _GRADE_FIRST.finditer(norm):
        found.append(_band(match.group(1), match.group(2), match.group(3), match.group(4), match.group(5),
                           match.group(0)))
    for match in _SCORES_FIRST.finditer(norm):
        found.append(_band(match.group(5), match.group(1), match.group(2), match.group(3), match.group(4),
                           match.group(0)))
    return tuple(b for b in found if b.grades)


def stated_score_and_grade(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The total score and the grade a sentence states ('自评得分86.4分，自评结果为“良好”'), either may be None;
    a grade word that opens a stated band ('等级为中(70-80分)') is a convention, not a grade given."""
    norm = compact_text(text)
    grade = GRADE_RE.search(norm)
    if grade is not None and _GRADE_FIRST.match(norm, grade.start(1)):
        grade = None
    return SCORE_RE.search(norm), grade


# Counts per grade: '等次为“优秀”的5个，占比10%，“良好”的23个，占比46%', '等级为优良(80分以上)的项目有4个，占57%'.
_GRADED_COUNT_RE = re.compile(
    rf"(?:(?:评价|复核|自评)?(?:等级|等次|档次|结果)(?:为|是)?)?[“\"]?({GRADE_WORD})(?:[(（][^)）]{{0,6}}[)）])?[”\"]?"
    rf"(?:[(（][^)）]{{0,12}}[)）])?"
    rf"(?:的)?(?:项目)?(?:有|共|为)?\s*(\d+)\s*个(?:项目)?(?:[,，]?\s*占(?:比)?(?:为)?\s*({NUM})\s*[%％])?")
_TOTAL_COUNT_RE = re.compile(r"(\d+)\s*个")
_LIST_GAP = re.compile(r"^[,，、;；\s]*$")


@dataclass(frozen=True)
class GradedCount:
    word: str
    count: int
    share: Printed | None  # the share of the total as printed, when stated
    text: str


@dataclass(frozen=True)
class GradedCounts:
    """A total count of projects and the counts per grade listed after it."""

    total: int
    total_text: str
    parts: tuple[GradedCount, ...]
    total_clause: str = ""  # the clause stating the total ('复核评价的50个项目')


def graded_counts(text: str) -> list[GradedCounts]:
    """The lists of counts per grade in a paragraph, each with the count of projects stated before it in a clause
    naming projects or an evaluation ('复核评价的50个项目，…“优秀”的5个…'), not a part of a 其中 list; a list with
    no such count is left out."""
    norm = compact_text(text)
    found: list[GradedCounts] = []
    groups: list[list[re.Match[str]]] = []
    for match in _GRADED_COUNT_RE.finditer(norm):
        if groups and _LIST_GAP.match(norm[groups[-1][-1].end():match.start()]):
            groups[-1].append(match)
        else:
            groups.append([match])
    for group in groups:
        if len(group) < 2:
            continue
        before = norm[: group[0].start()]
        total = None
        for candidate in reversed(list(_TOTAL_COUNT_RE.finditer(before))):
            sentence = re.split(r"[。；;]", before[: candidate.start()])[-1]
            clause = re.split(r"[，,：:、]", sentence)[-1] + re.split(r"[，,；;。、]", before[candidate.start():])[0]
            if "其中" in sentence:
                continue  # a part of another list ('其中项目支出评价4个、政策评价3个')
            if re.search(r"项目|评价|自评", clause):
                total, total_clause = candidate, clause
                break
        if total is None:
            continue
        parts = tuple(GradedCount(m.group(1), int(m.group(2)), printed(m.group(3), "%") if m.group(3) else None,
                                  m.group(0)) for m in group)
        found.append(GradedCounts(int(total.group(1)), total.group(0), parts, total_clause))
    return found


# A count completed against a target: '培训2399人，完成市目标任务数2000人的120%' — the count before it in the same
# sentence, in the same unit, is the count completed.
_TARGET_RATE_RE = re.compile(rf"完成[^，,。；;\d]{{0,16}}?({NUM})\s*(人次|人|户|个|家|期|场|次|件|项)的\s*({NUM})\s*[%％]")


@dataclass(frozen=True)
class TargetRate:
    done: Printed
    target: Printed
    rate: Printed
    unit: str


def target_rates(sentence: str) -> list[TargetRate]:
    """Each '完成…目标N人的P%' of a sentence with the count of the same unit stated just before it ('培训2399人')."""
    norm = compact_text(sentence)
    found: list[TargetRate] = []
    for match in _TARGET_RATE_RE.finditer(norm):
        unit = match.group(2)
        before = re.split(r"[。；;]", norm[: match.start()])[-1]
        done = list(re.finditer(rf"({NUM})\s*{unit}(?!次)", before))
        if not done:
            continue
        found.append(TargetRate(printed(done[-1].group(1), "个"), printed(match.group(1), "个"),
                                printed(match.group(3), "%"), unit))
    return found
