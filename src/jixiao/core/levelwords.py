"""The words of an indicator table's levels: the 一级 (产出指标, 效益指标 …) and the 二级 under each (数量指标 under
产出指标, 社会效益指标 under 效益指标 …), the one vocabulary of indicator levels: the readers build their patterns from
it (ingest.levelwords), the scores place a 二级 in its block by it, the goal editor offers its usual frame.

The frames differ in one word: the newer frame prints a 一级 成本指标 over 经济成本、社会成本、生态环境成本指标, the older
one a 二级 成本指标 under 产出指标. '成本指标' is the 一级 where a cost kind follows it, and for a reader of cells that
takes a 一级 only with its 指标 printed (`level1_words(cost=True)`); elsewhere it is the 二级 of the 产出 block.
"""

from __future__ import annotations

# The usual frame: each 一级 with its 二级, in the order a form prints them.
FRAME = {
    "产出": ("数量", "质量", "时效", "成本"),
    "效益": ("经济效益", "社会效益", "生态效益", "可持续影响"),
    "满意度": ("服务对象满意度",),
}
FRAME_LEVEL1 = tuple(f"{word}指标" for word in FRAME)  # '产出指标', '效益指标', '满意度指标'
LEVEL1_WORDS = (*FRAME, "效果")  # 效果: the 效益 block under an older name
COST_LEVEL1 = "成本"  # the newer frame's 一级 成本指标; the older frame's 二级 under 产出指标
# The 二级 of the newer frame's 一级 成本指标: where one follows '成本指标', that 成本指标 is the 一级.
COST_KINDS = ("经济成本", "社会成本", "生态环境成本")
# The 满意度 二级 as forms also word it.
SATISFACTION_WORDINGS = ("社会公众或服务对象满意度", "满意度")
# Each 二级 with the 一级 it belongs under.
LEVEL2_PARENT = {
    **{word: f"{level1}指标" for level1, words in FRAME.items() for word in words},
    **{word: f"{COST_LEVEL1}指标" for word in COST_KINDS},
    **{word: "满意度指标" for word in SATISFACTION_WORDINGS},
}
# A 效益 二级 printed without its 效益 ('经济 | 指标' cells of a form printed one cell per line): read only as a cell
# of its own, where nothing else could be meant; inside text run together '社会' is any word.
SHORT_LEVEL2 = {word.removesuffix("效益"): word for word in FRAME["效益"] if word.endswith("效益")}


def level1_words(*, cost: bool = False) -> tuple[str, ...]:
    """The 一级 words ('产出' …), with 成本 when the reader's rows print the 一级 in a column of its own."""
    return (*LEVEL1_WORDS, COST_LEVEL1) if cost else LEVEL1_WORDS


def level2_words(*, short: bool = False) -> tuple[str, ...]:
    """The 二级 words ('数量' …), with the bare 经济/社会/生态 for a reader of whole cells that asks for them."""
    return (*LEVEL2_PARENT, *SHORT_LEVEL2) if short else tuple(LEVEL2_PARENT)


def parent_level(level2: str) -> str:
    """The 一级 a 二级 belongs under ('质量指标' → '产出指标'), '' when its words do not say."""
    word = level2.removesuffix("指标")
    return LEVEL2_PARENT.get(SHORT_LEVEL2.get(word, word), "")
