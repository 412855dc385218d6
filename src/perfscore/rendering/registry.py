"""Every output perfscore writes, registered once: the command, the format, what it renders.

The commands take their ``--format`` choices and their renderer from here, and the hostile-name
test walks this list, so a format added here is offered and tested without another edit.
Renderers are named by module and function and imported only when used: registering the xlsx
or Word writers imports neither openpyxl nor python-docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Final, Literal, Protocol, cast

from perfscore.errors import PerfscoreError

if TYPE_CHECKING:
    from perfscore.models.department_results import DepartmentEvaluation
    from perfscore.models.results import Evaluation
    from perfscore.rendering.review import Batch

    Result = Evaluation | DepartmentEvaluation

#: ``part`` outputs are pieces other outputs embed (the 综述 paragraph), not ``--format`` choices.
Command = Literal["evaluate", "report", "review", "part"]
#: What an output renders: project results, department results, either, or a review batch.
Renders = Literal["project", "department", "both", "batch"]
#: The language the output is written in, which decides how text from a case is escaped.
OutputTarget = Literal[
    "terminal", "text", "markdown", "html", "json", "jsonl", "csv", "xlsx", "docx"
]


class EvaluateRenderer(Protocol):
    """``evaluate``: every result of a run (``single``: one file named, giving one case)."""

    def __call__(self, results: Sequence[Result], *, single: bool, layout: str) -> str | bytes:
        """The whole output."""


class ReportRenderer(Protocol):
    """``report``: one project's report; ``templates`` is the ``--template`` folder."""

    def __call__(self, evaluation: Evaluation, templates: str | None) -> bytes:
        """The report file's bytes."""


class ReviewRenderer(Protocol):
    """``review``: a whole batch, rows already in order."""

    def __call__(self, batch: Batch) -> str | bytes:
        """The whole output."""


@dataclass(frozen=True, slots=True)
class Output:
    """One format of one command."""

    command: Command
    name: str
    renders: Renders
    target: OutputTarget
    #: Bytes (a workbook, a Word file, a report file) rather than text.
    binary: bool
    #: The file suffix, for a folder of outputs and for the user's ``-o``.
    suffix: str
    #: Must be written to a file (``-o``): it cannot go to a terminal.
    needs_output: bool
    #: ``module:function`` of the renderer, imported when first used.
    renderer: str
    #: Written line by line while the batch is read (``review --format jsonl``); the renderer
    #: writes a whole batch the same way.
    streamed: bool = False

    def load(self) -> object:
        """The renderer function (imported now)."""
        module, _, function = self.renderer.partition(":")
        loaded: object = getattr(import_module(module), function)
        return loaded


def _evaluate(name: str, target: OutputTarget, renderer: str, *, binary: bool = False) -> Output:
    renders: Renders = "project" if binary else "both"
    suffix = {"table": ".txt", "markdown": ".md"}.get(name, f".{name}")
    return Output("evaluate", name, renders, target, binary, suffix, binary, renderer)


def _review(name: str, target: OutputTarget, renderer: str, *, binary: bool = False) -> Output:
    suffix = ".txt" if name == "table" else f".{name}"
    needs_output, streamed = target == "xlsx", target == "jsonl"
    return Output("review", name, "batch", target, binary, suffix, needs_output, renderer,
                  streamed=streamed)  # fmt: skip


def _report(name: str, target: OutputTarget, renderer: str) -> Output:
    docx = name == "docx"
    return Output("report", name, "project", target, True, f".{name}", docx, renderer)


_REPORT: Final = "perfscore.rendering.report"
_SUMMARY: Final = "perfscore.rendering.narrative:summary"

OUTPUTS: Final[tuple[Output, ...]] = (
    _evaluate("table", "terminal", "perfscore.rendering.mixed:render_table"),
    _evaluate("json", "json", "perfscore.rendering.mixed:render_json"),
    _evaluate("markdown", "markdown", "perfscore.rendering.mixed:render_markdown"),
    _evaluate("xlsx", "xlsx", "perfscore.rendering.forms.filled:render_filled", binary=True),
    _report("md", "markdown", f"{_REPORT}:render_md"),
    _report("html", "html", f"{_REPORT}:render_html_report"),
    _report("docx", "docx", f"{_REPORT}:render_docx"),
    _review("table", "terminal", "perfscore.rendering.review:render_review_table"),
    _review("json", "json", "perfscore.rendering.review:render_review_json"),
    _review("jsonl", "jsonl", "perfscore.rendering.review:render_jsonl", binary=True),
    _review("csv", "csv", "perfscore.rendering.review:render_csv"),
    _review("xlsx", "xlsx", "perfscore.rendering.review_xlsx:render_xlsx", binary=True),
    Output("part", "summary", "project", "text", False, ".txt", False, _SUMMARY),
)


def formats(command: Command) -> tuple[str, ...]:
    """The ``--format`` choices of ``command``, in registration order."""
    return tuple(o.name for o in OUTPUTS if o.command == command)


def registered(command: Command, name: str) -> Output:
    """The output ``command --format name`` writes."""
    for candidate in OUTPUTS:
        if candidate.command == command and candidate.name == name:
            return candidate
    known = "、".join(formats(command))
    raise PerfscoreError(f"{command} 没有输出格式 '{name}'（可用：{known}）")


def evaluate_renderer(name: str) -> EvaluateRenderer:
    """The renderer of ``evaluate --format name``."""
    return cast("EvaluateRenderer", registered("evaluate", name).load())


def report_renderer(name: str) -> ReportRenderer:
    """The renderer of ``report --format name``."""
    return cast("ReportRenderer", registered("report", name).load())


def review_renderer(name: str) -> ReviewRenderer:
    """The renderer of ``review --format name``."""
    return cast("ReviewRenderer", registered("review", name).load())


def encoded(content: str | bytes) -> bytes:
    """What a renderer returned, as the bytes of its file (text is UTF-8)."""
    return content.encode("utf-8") if isinstance(content, str) else content


__all__ = [
    "OUTPUTS",
    "Command",
    "EvaluateRenderer",
    "Output",
    "OutputTarget",
    "Renders",
    "ReportRenderer",
    "ReviewRenderer",
    "encoded",
    "evaluate_renderer",
    "formats",
    "registered",
    "report_renderer",
    "review_renderer",
]
