"""The report's chart, 得分与分值: where every bar and label goes; ``chart.svg.j2`` draws it.

One group of two bars per first-level indicator, after a first group for 预算执行: a pale bar
for the 分值 (weight) and a solid one for the 得分 (score), each with its number above it, on a
scale rounded up to a round number; under them a gauge for 预算执行率 (filled to 100% at most,
the real rate printed). Scores are Decimals and so is every computation here; only the final
coordinates become floats, rounded to hundredths of a pixel for the SVG.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Final

from jinja2 import Environment
from markupsafe import Markup

from perfscore.models.numbers import HUNDRED, ONE, ZERO, fmt, fmt_plain, half_up
from perfscore.rendering.report.context import Report

#: The SVG's own size (its ``viewBox``); it scales to the page.
WIDTH: Final = Decimal(640)
#: Room left of the plot for the scale's numbers, right of it, and above it for the legend.
LEFT: Final = Decimal(48)
RIGHT: Final = Decimal(16)
TOP: Final = Decimal(44)
PLOT_HEIGHT: Final = Decimal(200)
#: Baselines of the (at most two) lines of a group's name, below the plot.
NAME_LINES: Final = (Decimal(18), Decimal(34))
NAME_SIZE: Final = Decimal(13)
#: The largest font for the numbers over the bars (smaller when groups are narrow).
VALUE_SIZE: Final = Decimal(12)
#: A bar's width and the gap between a group's two bars, as fractions of the group, and caps.
BAR_SHARE: Final = Decimal("0.34")
BAR_MAX: Final = Decimal(44)
GAP_SHARE: Final = Decimal("0.06")
GAP_MAX: Final = Decimal(8)
#: The 预算执行率 gauge: where its bar starts, how wide and tall, how far below the names.
GAUGE_X: Final = Decimal(136)
GAUGE_WIDTH: Final = Decimal(400)
GAUGE_HEIGHT: Final = Decimal(14)
GAUGE_BELOW: Final = Decimal(64)
#: Room under the gauge for its 0% / 100% marks.
BOTTOM: Final = Decimal(26)
#: At most this many steps on the scale; steps are 1, 2, 2.5 or 5 times a power of ten.
MAX_STEPS: Final = 5
STEP_MANTISSAS: Final = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
#: How far a number sits above its bar or right of the scale, and its baseline below a line's.
VALUE_ABOVE: Final = Decimal(4)
TICK_LEFT: Final = Decimal(6)
TEXT_DROP: Final = Decimal(4)
#: Where the gauge's label ends and its rate starts, left and right of its bar.
GAUGE_PAD: Final = Decimal(8)
#: The 0% / 100% marks' baseline under the gauge.
MARK_BELOW: Final = Decimal(14)
#: Estimated advance of a character, in ems: CJK and full-width ones are square.
WIDE_EM: Final = ONE
NARROW_EM: Final = Decimal("0.62")
WIDE_FROM: Final = 0x2E80
#: What the gauge says when there is no rate (调整后预算为 0 或未填).
NO_RATE: Final = "无法计算"
EXECUTION: Final = "预算执行"


@dataclass(frozen=True, slots=True)
class NameLine:
    """One line of a group's name; ``length`` squeezes it (SVG ``textLength``) when too wide."""

    text: str
    y: float
    length: float | None


@dataclass(frozen=True, slots=True)
class Bar:
    """One group: its name, 分值 and 得分 as printed, and their two bars."""

    name: str
    weight: str
    score: str
    centre: float
    width: float
    weight_x: float
    weight_y: float
    weight_height: float
    score_x: float
    score_y: float
    score_height: float
    #: Where each bar's number goes: its middle, and its baseline just above the bar.
    weight_middle: float
    weight_label_y: float
    score_middle: float
    score_label_y: float
    lines: tuple[NameLine, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    """A line of the scale and its number."""

    y: float
    #: The number's baseline (its middle on the line).
    label_y: float
    text: str


@dataclass(frozen=True, slots=True)
class Gauge:
    """The 预算执行率 bar: its track, how much is filled, and the rate as printed."""

    x: float
    y: float
    width: float
    height: float
    fill: float
    text: str
    #: Right end of the track; where its label ends, its rate starts; baselines.
    end: float
    label_x: float
    value_x: float
    text_y: float
    marks_y: float


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything ``chart.svg.j2`` draws."""

    width: float
    height: float
    left: float
    right: float
    top: float
    baseline: float
    #: Where the scale's numbers end (right-aligned left of the plot).
    tick_x: float
    #: Font sizes of the numbers over the bars and of the groups' names.
    value_size: float
    name_size: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    gauge: Gauge


@dataclass(frozen=True, slots=True)
class _Group:
    name: str
    weight: Decimal
    score: Decimal


def chart_of(report: Report) -> Chart:
    """The chart of one report: 预算执行 first, then each first-level indicator."""
    groups = (
        _Group(EXECUTION, report.execution_weight_value, report.execution_score_value),
        *(_Group(lv.name, lv.weight_value, lv.score_value) for lv in report.levels),
    )
    step, steps = scale(max((v for g in groups for v in (g.weight, g.score)), default=ZERO))
    top = step * steps
    baseline = TOP + PLOT_HEIGHT
    room = (WIDTH - LEFT - RIGHT) / len(groups)
    bars = tuple(_bar(group, index, room, top) for index, group in enumerate(groups))
    gauge_y = baseline + GAUGE_BELOW
    return Chart(
        width=_px(WIDTH),
        height=_px(gauge_y + GAUGE_HEIGHT + BOTTOM),
        left=_px(LEFT),
        right=_px(WIDTH - RIGHT),
        top=_px(TOP),
        baseline=_px(baseline),
        tick_x=_px(LEFT - TICK_LEFT),
        value_size=_px(_value_size(groups, room)),
        name_size=_px(NAME_SIZE),
        bars=bars,
        ticks=tuple(_tick(step * k, top) for k in range(steps + 1)),
        gauge=_gauge(report, gauge_y),
    )


def render_chart(report: Report, environment: Environment) -> Markup:
    """The chart as SVG markup, drawn by ``chart.svg.j2`` (escaping: labels are case text)."""
    svg = environment.get_template("chart.svg.j2").render(chart=chart_of(report), r=report)
    return Markup(svg.strip())


def scale(largest: Decimal) -> tuple[Decimal, int]:
    """The scale's step and number of steps: the finest round step reaching ``largest`` in
    at most :data:`MAX_STEPS` steps.

    ``scale(Decimal(50))`` is ``(10, 5)``; nothing above zero gives one step of 1.
    """
    if largest <= ZERO:
        return ONE, 1
    power = ONE.scaleb(largest.adjusted() - 1)
    while True:
        for mantissa in STEP_MANTISSAS:
            step = mantissa * power
            steps = int((largest / step).to_integral_value(ROUND_CEILING))
            if steps <= MAX_STEPS:
                return step, steps
        power *= 10


def text_width(text: str, size: Decimal) -> Decimal:
    """Estimated width of ``text`` at ``size`` (no fonts are measured: CJK is square)."""
    ems = sum((WIDE_EM if ord(c) >= WIDE_FROM else NARROW_EM for c in text), ZERO)
    return ems * size


def _bar(group: _Group, index: int, room: Decimal, top: Decimal) -> Bar:
    width = min(room * BAR_SHARE, BAR_MAX)
    gap = min(room * GAP_SHARE, GAP_MAX)
    centre = LEFT + room * index + room / 2
    baseline = TOP + PLOT_HEIGHT
    weight_height, score_height = _height(group.weight, top), _height(group.score, top)
    weight_x, score_x = centre - gap / 2 - width, centre + gap / 2
    return Bar(
        name=group.name,
        weight=fmt(group.weight),
        score=fmt(group.score),
        centre=_px(centre),
        width=_px(width),
        weight_x=_px(weight_x),
        weight_y=_px(baseline - weight_height),
        weight_height=_px(weight_height),
        score_x=_px(score_x),
        score_y=_px(baseline - score_height),
        score_height=_px(score_height),
        weight_middle=_px(weight_x + width / 2),
        weight_label_y=_px(baseline - weight_height - VALUE_ABOVE),
        score_middle=_px(score_x + width / 2),
        score_label_y=_px(baseline - score_height - VALUE_ABOVE),
        lines=_name_lines(group.name, room, baseline),
    )


def _tick(value: Decimal, top: Decimal) -> Tick:
    y = TOP + PLOT_HEIGHT - _height(value, top)
    return Tick(_px(y), _px(y + TEXT_DROP), fmt_plain(value))


def _height(value: Decimal, top: Decimal) -> Decimal:
    """A value's bar height: negative values draw nothing, none reaches above the plot."""
    return min(max(value, ZERO) / top * PLOT_HEIGHT, PLOT_HEIGHT)


def _value_size(groups: tuple[_Group, ...], room: Decimal) -> Decimal:
    """The numbers' font size: two neighbouring numbers over one group must not touch."""
    spacing = min(room * BAR_SHARE, BAR_MAX) + min(room * GAP_SHARE, GAP_MAX)
    longest = max(len(fmt(v)) for g in groups for v in (g.weight, g.score))
    return min(VALUE_SIZE, spacing / (NARROW_EM * longest))


def _name_lines(name: str, room: Decimal, baseline: Decimal) -> tuple[NameLine, ...]:
    """A group's name on one line, or split in two; a line still too wide is squeezed."""
    fits = room - NAME_SIZE / 2
    parts = [name] if text_width(name, NAME_SIZE) <= fits else list(_halves(name))
    return tuple(
        NameLine(
            part,
            _px(baseline + offset),
            _px(fits) if text_width(part, NAME_SIZE) > fits else None,
        )
        for part, offset in zip(parts, NAME_LINES, strict=False)
    )


def _halves(name: str) -> tuple[str, ...]:
    """``name`` cut where about half its estimated width is on each side (if it can be).

    At the space nearest the middle when there is one (words stay whole), else between any
    two characters (Chinese has no spaces).
    """
    total = text_width(name, ONE)
    spaces = [i for i, c in enumerate(name) if c == " "]
    if spaces:
        cut = min(spaces, key=lambda i: abs(text_width(name[:i], ONE) * 2 - total))
        return name[:cut], name[cut + 1 :]
    for cut in range(1, len(name)):
        if text_width(name[:cut], ONE) * 2 >= total:
            return name[:cut], name[cut:]
    return (name,)


def _gauge(report: Report, y: Decimal) -> Gauge:
    shown = min(max(report.rate_value, ZERO), HUNDRED)
    return Gauge(
        x=_px(GAUGE_X),
        y=_px(y),
        width=_px(GAUGE_WIDTH),
        height=_px(GAUGE_HEIGHT),
        fill=_px(shown / HUNDRED * GAUGE_WIDTH),
        text=report.rate or NO_RATE,
        end=_px(GAUGE_X + GAUGE_WIDTH),
        label_x=_px(GAUGE_X - GAUGE_PAD),
        value_x=_px(GAUGE_X + GAUGE_WIDTH + GAUGE_PAD),
        text_y=_px(y + GAUGE_HEIGHT - TEXT_DROP + ONE),
        marks_y=_px(y + GAUGE_HEIGHT + MARK_BELOW),
    )


def _px(value: Decimal) -> float:
    """A coordinate for the SVG: hundredths of a pixel are plenty; whole ones print as ints."""
    rounded = half_up(value, 2)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


__all__ = [
    "Bar",
    "Chart",
    "Gauge",
    "NameLine",
    "Tick",
    "chart_of",
    "render_chart",
    "scale",
    "text_width",
]
