"""The figures a printed 绩效自评综述 states (``checks.prose.figures``): real published sentences,
the phrasings the reader must pass over, number spellings, and that no text makes it raise."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfscore.checks.prose import FIGURE_KINDS, FIGURE_LABELS, Figure, figures

REAL = Path(__file__).resolve().parent / "real"

#: (kind, value as printed, unit, text) of one figure.
Read = tuple[str, str, str, str]


def _read(text: str) -> list[Read]:
    """What ``figures`` reads, the value as ``str``: ``"67.00"`` and ``"67"`` differ there, as
    they do on the page, though the two Decimals are equal."""
    return [(f.kind, str(f.value), f.unit, f.text) for f in figures(text)]


# --- The seed paragraph ----------------------------------------------------------------------

#: 米易县人民政府办公室 2022 年度部门决算, project 5 (the case cases/miyi-2022-5-government-work.json).
SEED = (
    "（5）2022年度政府工作经费项目绩效自评得分为100分。绩效自评综述：项目全年预算数67.00万元，"
    "执行数为64.96万元，完成预算的96.96%。通过项目实施，保障了政府各项工作高质量完成，"
    "提高服务效率，提升服务对象满意度。"
)


def test_the_seed_paragraph_gives_its_four_figures_where_they_are_printed() -> None:
    assert figures(SEED) == (
        Figure("score", Decimal("100"), "分", "绩效自评得分为100分", 17),
        Figure("budget", Decimal("67.00"), "万元", "全年预算数67.00万元", 38),
        Figure("executed", Decimal("64.96"), "万元", "执行数为64.96万元", 51),
        Figure("rate", Decimal("96.96"), "%", "完成预算的96.96%", 63),
    )
    assert _read(SEED)[1][1] == "67.00"  # the two places are kept, not 67


# --- Real published phrasings, verbatim as the search service returned them -----------------

REAL_PHRASINGS = [
    # https://www.hh.gov.cn/info/11481/1179592.htm (红河州数据发展中心 2024 年度项目支出绩效单位自评报告).
    # 年初批复预算 is separated from its amount by "8个项目": which amount is the initial budget
    # of what is not said next to the label, so it is left out. 调整预算后项目预算 is the adjusted
    # budget the sentence states: read (whose it is, one project's or all, is the caller's to
    # know: it passes one project's paragraph). 实际到位资金 is money received, not spent: left out.
    pytest.param(
        "2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个(含2023年转列暂付性款项"
        "项目5个),年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算"
        "861.46万元,年中增加8个项目(含2023年转列暂付性款项项目5个),实际到位资金334.67万元。",
        [("budget", "861.46", "万元", "调整预算后项目预算861.46万元")],
        id="honghe-adjusted-budget",
    ),
    # http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2 (池州市贵池区棠溪镇
    # 委托业务项目, 2022; the table is tests/real/anhui-2022-chizhou-tangxi-commission). 申请预算
    # 资金 90 is what was applied for: the table has 年初 90 and 全年 89.974, so reading it as the
    # budget would be wrong and as the initial budget a guess; left out. 完成预算资金 89.97 is the
    # money spent (the table's 执行数 89.974): read as executed.
    pytest.param(
        "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;"
        "30万元用于基建工程项目设计、规划、测绘。 本项目共完成预算资金89.97万元。其中:30万元用于基建"
        "工程项目预算编制;30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。",
        [("executed", "89.97", "万元", "完成预算资金89.97万元")],
        id="chizhou-applied-and-completed",
    ),
    # https://wanglu.net/thread/t12-491155-4.html (a 2017 部门整体支出绩效自评, as extracted from
    # the PDF): the score's label and number are broken across a line; read, line break and all.
    pytest.param(
        "3.部门整体支出绩效自评开展情况. 按照预算绩效管理要求,本部门对\n2017 年整体支出开展绩 效自评,"
        "自评得分\n90 分,存在的问题:一是年初编制项目资金 预算时对对象摸底不够准确,造成预算资金过大.",
        [("score", "90", "分", "自评得分\n90 分")],
        id="wanglu-score-across-lines",
    ),
    # http://bdt.semi.ac.cn/swgk/contents/549/8041.html (an institute's 2016 预算执行 notice).
    # 累计支出 is spending to date across years and units, not the year's 执行数: left out.
    # 完成预算(含结余)的 states a rate over a base the words qualify (budget with balances), which
    # need not be the table's 全年预算数: left out. 预算执行率在40%以下 is a bound: left out.
    pytest.param(
        "截至7月底,全所累计支出16873万元,完成预算(含结余)的56.47%,支出进度低于序时进度1.53个百分点。",
        [],
        id="semi-cumulative-and-qualified-rate",
    ),
    pytest.param(
        "截至7月底,全所130个课题中,52个课题预算执行率高于全所平均预算执行率,其中50个课题实际预算执行率"
        "超过序时进度;78个课题低于全所平均预算执行率,其中54个课题预算执行率在40%以下,给予批评"
        "(具体见附件)。",
        [],
        id="semi-rate-bounds",
    ),
    # http://www.hnnxzx.com/a/webbase/div-css/2022/0415/1230.html (南县政协 部门整体支出绩效评价报告):
    # a department's income and spending by category; none is a project's 执行数, and the
    # percentages are changes on last year, not execution rates.
    pytest.param(
        "1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,"
        "同比上年度增加209.28万元,增加35.9%。\n2、支出:799.12万元。其中:人员经费支出434.89万元,"
        "公用经费支出77.4万元,项目支出286.83万元。",
        [],
        id="nanxian-department-spending",
    ),
    # https://dyrmt.com/article-133619-2.html (a 2022 单位决算情况说明): 支出合计 and the 项目支出
    # category with its share (占72.48%) are the unit's accounts, not a project's figures.
    pytest.param(
        "2022年本年支出合计4143.91万元,其中:基本支出1140.27万元,占27.52%;项目支出3003.64万元,"
        "占72.48%;上缴上级支出0万元,占0%;经营支出0万元,占0%;对附属单位补助支出0万元,占0%。",
        [],
        id="dyrmt-accounts-shares",
    ),
    # https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html (a 2020 项目自评表 as text):
    # "预算资金执行率 90% 100%" is a row of cells (target 90%, actual 100%), not a sentence; a
    # figure followed straight by another number is left out.
    pytest.param(
        "预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 285.84 285.84 100% 20 三级指标 "
        "预算资金执行率 90% 100% 10 资金拨付及时性 98%以上 100% 10",
        [],
        id="kunmingchi-table-cells",
    ),
    # https://www.scqs.gov.cn/info/13206/211004.htm (the 2023 Sichuan form's printed notes):
    # the definition of the rate and a threshold, no figure.
    pytest.param(
        "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生"
        "预算调整的(追加或调减),应单独说明理由;",
        [],
        id="qingshen-form-notes",
    ),
    # https://chacewang.com/newsdetail/news242266.html (tests/real/sichuan-2022-zhongjiang-water-gauge):
    # 预算资金执行率10分 is the weight of the budget row, in 分 not %: not a rate.
    pytest.param(
        "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,"
        "各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限",
        [],
        id="zhongjiang-weights-note",
    ),
    # https://taowenge.com/p-72820237.html (tests/real/hunan-2020-hengshan-grain-reserve):
    # 制度严格执行率 and 价格执行率 are output indicators, not the budget's execution.
    pytest.param(
        "县级储备粮管理制 度严格执行率100%100%储备粮管理专户管 理率100%100%",
        [],
        id="hengshan-indicator-rates",
    ),
    pytest.param(
        "成本 指标国家政策性粮收购 价格执行率100%100%县级储备粮库存成 本核算率100%100%",
        [],
        id="hengshan-price-rate",
    ),
    # http://www.lfsp.cn/newsinfo/1158053.html (tests/real/hebei-2019-langfang-heating): a share
    # of an amount and 预算金额 with no figure.
    pytest.param(
        "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。",
        [],
        id="langfang-remainder",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_PHRASINGS)
def test_real_published_phrasings(text: str, expected: list[Read]) -> None:
    assert _read(text) == expected


#: The real tables' text as published (tests/real/*/raw.txt, sources in each source.md): cells
#: run together with their labels ("全年预算数 全年执行数 … 90 89.974 89.974", "执行率100%100%").
#: Of fourteen, one states a figure in words: the sentence above it in the Chizhou form.
RAW_TABLES = sorted(REAL.glob("*/raw.txt"))
RAW_EXPECTED = {
    "anhui-2022-chizhou-tangxi-commission": [
        ("executed", "89.97", "万元", "完成预算资金89.97万元")
    ],
}


def test_the_real_tables_are_there() -> None:
    assert len(RAW_TABLES) == 14


@pytest.mark.parametrize("path", RAW_TABLES, ids=lambda path: path.parent.name)
def test_a_real_table_printed_as_text_gives_no_figure_its_words_do_not_state(path: Path) -> None:
    assert _read(path.read_text(encoding="utf-8")) == RAW_EXPECTED.get(path.parent.name, [])


# --- Each kind's phrasings -------------------------------------------------------------------

PHRASINGS = [
    ("绩效自评得分为100分", ("score", "100", "分", "绩效自评得分为100分")),
    ("自评得分为98.5分", ("score", "98.5", "分", "自评得分为98.5分")),
    ("得分为100分", ("score", "100", "分", "得分为100分")),
    ("自评得分：95分", ("score", "95", "分", "自评得分：95分")),
    ("综合得分96分", ("score", "96", "分", "综合得分96分")),
    ("评价得分为 90 分", ("score", "90", "分", "评价得分为 90 分")),
    ("全年预算数67.00万元", ("budget", "67.00", "万元", "全年预算数67.00万元")),
    ("全年预算数为67万元", ("budget", "67", "万元", "全年预算数为67万元")),
    ("预算数67.00万元", ("budget", "67.00", "万元", "预算数67.00万元")),
    ("调整后预算数80万元", ("budget", "80", "万元", "调整后预算数80万元")),
    ("年度预算50万元", ("budget", "50", "万元", "年度预算50万元")),
    ("预算金额30万元", ("budget", "30", "万元", "预算金额30万元")),
    ("预算资金30万元", ("budget", "30", "万元", "预算资金30万元")),
    ("预算安排30万元", ("budget", "30", "万元", "预算安排30万元")),
    ("批复预算300000元", ("budget", "300000", "元", "批复预算300000元")),
    ("年初预算数10万元", ("initial", "10", "万元", "年初预算数10万元")),
    ("年初预算1.2亿元", ("initial", "1.2", "亿元", "年初预算1.2亿元")),
    ("执行数为64.96万元", ("executed", "64.96", "万元", "执行数为64.96万元")),
    ("执行数64.96万元", ("executed", "64.96", "万元", "执行数64.96万元")),
    ("全年执行数649.6千元", ("executed", "649.6", "千元", "全年执行数649.6千元")),
    ("实际执行60万元", ("executed", "60", "万元", "实际执行60万元")),
    ("实际支出60万元", ("executed", "60", "万元", "实际支出60万元")),
    ("已支付60万元", ("executed", "60", "万元", "已支付60万元")),
    ("资金执行60万元", ("executed", "60", "万元", "资金执行60万元")),
    ("项目共使用资金60万元", ("executed", "60", "万元", "使用资金60万元")),
    ("完成预算的96.96%", ("rate", "96.96", "%", "完成预算的96.96%")),
    ("预算执行率100%", ("rate", "100", "%", "预算执行率100%")),
    ("预算执行率为96.96%", ("rate", "96.96", "%", "预算执行率为96.96%")),
    ("执行率96.96%", ("rate", "96.96", "%", "执行率96.96%")),
    ("资金执行率99.5%", ("rate", "99.5", "%", "资金执行率99.5%")),
    ("项目预算执行率达到100%", ("rate", "100", "%", "预算执行率达到100%")),
    ("2022年预算执行率100%", ("rate", "100", "%", "预算执行率100%")),
]


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[text for text, _ in PHRASINGS])
def test_each_kind_is_read_from_its_phrasings(text: str, expected: Read) -> None:
    assert _read(text) == [expected]


#: Phrasings that state no figure of the kind named: why is said beside each.
NOT_FIGURES = [
    # Scores: a maximum, a weight, a share, thresholds, a grade, a bound, another score.
    ("满分100分", "score"),
    ("分值10分", "score"),
    ("总分值100分", "score"),
    ("权重20分", "score"),
    ("得分率95%", "score"),
    ("自评得分90分以上", "score"),
    ("自评得分90分（含）以上", "score"),
    ("自评等级为优", "score"),
    ("得分超过90分", "score"),
    ("自评得分为一百分", "score"),  # Chinese numerals are not read
    ("自评得分为100", "score"),  # no 分
    ("该指标得分8分", "score"),  # an indicator's row
    ("预算执行率指标分值10分，得分9.7分", "score"),  # the row's 得分, its sentence names 指标
    ("第三方评价得分90分", "score"),  # another body's evaluation
    ("按规则复核得分98.00分", "score"),  # the re-score, not the self-evaluation's
    ("满分100分制", "score"),
    # Money: no unit, approximations, bounds, another year, a part, a cost per head, requested.
    ("全年预算数67", "budget"),
    ("全年预算数67万", "budget"),  # 万 is not a money unit by itself
    ("全年预算数约67万元", "budget"),
    ("全年预算数67万元左右", "budget"),
    ("全年预算数67余万元", "budget"),
    ("全年预算数（万元）：67.00", "budget"),  # unit before the number: a table's heading
    ("上年全年预算数67万元", "budget"),
    ("其中：财政拨款预算数50万元", "budget"),
    ("人均补助预算资金75元/人", "budget"),
    ("本项目共申请预算资金90万元", "budget"),
    ("追加预算资金20万元", "budget"),
    ("年初预算数约10万元", "initial"),
    ("执行数为64.96", "executed"),
    ("支出60万元", "executed"),  # whose spending is not said
    ("项目支出286.83万元", "executed"),  # the accounts' category, not one project's
    ("人员经费实际支出30万元", "executed"),
    ("实际到位资金334.67万元", "executed"),  # received, not spent
    ("上年执行数60万元", "executed"),
    ("预计执行数60万元", "executed"),
    # Rates: output indicators' rates, bounds, ranges, no %, shares of spending.
    ("验收合格率100%", "rate"),
    ("满意度95%", "rate"),
    ("覆盖率100%", "rate"),
    ("完成率100%", "rate"),
    ("预算执行率不低于95%", "rate"),
    ("预算执行率95%以上", "rate"),
    ("预算执行率96%-98%", "rate"),
    ("预算执行率96.96", "rate"),
    ("项目预算执行率均为100%", "rate"),  # of several projects at once
    ("全所平均预算执行率56%", "rate"),
    ("基本支出1140.27万元，占27.52%", "rate"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_FIGURES, ids=[text for text, _ in NOT_FIGURES])
def test_what_is_not_that_figure_is_left_out(text: str, kind: str) -> None:
    assert figures(text) == (), f"no {kind} (nor any other figure) is stated"


def test_a_sentence_with_a_maximum_reads_the_score_and_not_the_maximum() -> None:
    assert _read("得分为100分，满分100分") == [("score", "100", "分", "得分为100分")]


def test_several_figures_of_one_kind_are_all_read_in_order() -> None:
    text = (
        "A项目年初预算数50万元，全年预算数10万元，执行数为10万元；"
        "B项目全年预算数20万元，执行数为18万元，完成预算的90%。"
    )
    assert _read(text) == [
        ("initial", "50", "万元", "年初预算数50万元"),
        ("budget", "10", "万元", "全年预算数10万元"),
        ("executed", "10", "万元", "执行数为10万元"),
        ("budget", "20", "万元", "全年预算数20万元"),
        ("executed", "18", "万元", "执行数为18万元"),
        ("rate", "90", "%", "完成预算的90%"),
    ]


def test_a_budget_with_its_carry_over_in_brackets_is_still_the_budget() -> None:
    assert _read("全年预算数67万元（含上年结转10万元）") == [
        ("budget", "67", "万元", "全年预算数67万元")
    ]


# --- How numbers are printed -----------------------------------------------------------------


def test_full_width_digits_are_read_and_the_text_keeps_them() -> None:
    assert _read("全年预算数６７．００万元，预算执行率为９６．９６％") == [
        ("budget", "67.00", "万元", "全年预算数６７．００万元"),
        ("rate", "96.96", "%", "预算执行率为９６．９６％"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全年预算数1,200.50万元", "1200.50"),
        ("全年预算数1，200.50万元", "1200.50"),
        ("全年预算数１，２００．５０万元", "1200.50"),
        ("执行数为12,345,678元", "12345678"),
    ],
)
def test_thousands_separators_are_read(text: str, value: str) -> None:
    assert [str(figure.value) for figure in figures(text)] == [value]


@pytest.mark.parametrize("text", ["全年预算数1,20万元", "全年预算数1,2000万元"])
def test_a_comma_that_does_not_group_thousands_is_not_a_separator(text: str) -> None:
    assert figures(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "全年预算数 为 67 万元",
        "全年预算数：67万元",
        "全年预算数为：67万元",
        "全年预算数\u300067万元",
    ],
)
def test_spaces_and_linking_words_may_stand_between_label_number_and_unit(text: str) -> None:
    assert [(f.value, f.unit, f.text) for f in figures(text)] == [(Decimal(67), "万元", text)]


def test_a_number_beyond_any_real_figure_is_left_out() -> None:
    assert figures("全年预算数" + "9" * 30 + "万元") == ()


def test_every_kind_has_a_chinese_label() -> None:
    assert tuple(FIGURE_LABELS) == FIGURE_KINDS
    assert FIGURE_LABELS["rate"] == "预算执行率"


# --- Properties --------------------------------------------------------------------------------


def _check_well_formed(text: str) -> None:
    found = figures(text)
    assert isinstance(found, tuple)
    end = 0
    for figure in found:
        assert text[figure.start : figure.start + len(figure.text)] == figure.text
        assert figure.start >= end  # in order, none inside another
        end = figure.start + len(figure.text)
        assert figure.kind in FIGURE_KINDS
        assert isinstance(figure.value, Decimal)


@given(st.text())
def test_no_text_makes_it_raise(text: str) -> None:
    _check_well_formed(text)


#: The characters the labels, numbers and units are made of, so that near-misses are common.
_NEAR: Final = st.text(
    alphabet=st.sampled_from(
        list("全年初预算数执行率为得分自评完成的万元%％分0１9.．,，：约以上其中指标 \n")
    ),
    max_size=60,
)


@given(_NEAR)
def test_no_near_miss_makes_it_raise(text: str) -> None:
    _check_well_formed(text)


_AMOUNTS = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2).map(abs)


@given(_AMOUNTS, _AMOUNTS, _AMOUNTS, _AMOUNTS, _AMOUNTS)
def test_the_paragraph_perfscore_writes_is_read_back_exactly(
    budget: Decimal, executed: Decimal, rate: Decimal, rescored: Decimal, claimed: Decimal
) -> None:
    # The shape of rendering.narrative's 综述 (_execution and _scores): the re-score and the gap
    # are perfscore's, not the self-evaluation's, and are not read.
    text = (
        f"项目全年预算数{budget:f}万元，执行数为{executed:f}万元，完成预算的{rate:f}%。绩效指标共6项，"
        f"全部达成。按项目支出绩效自评（财预〔2020〕10号）复核得分{rescored:f}分，等级为“优”；"
        f"自评得分{claimed:f}分，高于复核得分0.30分。"
    )
    assert [(f.kind, f"{f.value:f}", f.unit) for f in figures(text)] == [
        ("budget", f"{budget:f}", "万元"),
        ("executed", f"{executed:f}", "万元"),
        ("rate", f"{rate:f}", "%"),
        ("score", f"{claimed:f}", "分"),
    ]
