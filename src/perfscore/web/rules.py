"""Which rubric a request scores under: a shipped one by name, or an uploaded TOML file."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory

from perfscore.errors import PerfscoreError
from perfscore.input.limits import Limits
from perfscore.pipeline import Rules, rules_named
from perfscore.rubrics.loading import load_department_rubric, load_rubric, rubric_kind, shipped


@cache
def rubric_choices() -> tuple[tuple[str, str], ...]:
    """(name, title) of every shipped rubric, project rubrics first.

    Read once: the shipped rubrics are package data. Reading and validating them all took
    15-30 ms of the event loop on every ``GET /`` and ``GET /api/rubrics``, and several hundred
    while a batch was being scored (each file access gave up the GIL to the scoring thread).
    """
    listed = []
    for name in sorted(shipped()):
        department = rubric_kind(name) == "department"
        title = load_department_rubric(name).title if department else load_rubric(name).title
        listed.append((department, name, title))
    return tuple((name, title) for _, name, title in sorted(listed))


def request_rules(name: str, toml: bytes | None, toml_name: str, limits: Limits) -> Rules:
    """The rules of a shipped rubric ``name``, or of the uploaded ``toml`` when one is given;
    an uploaded rubric's errors name the file as the user did."""
    if not toml:
        if name not in shipped():
            raise PerfscoreError(f"未知的评分规则 '{name}'（可用：{'、'.join(sorted(shipped()))}）")
        return rules_named(name, limits)
    _shipped_base(toml, toml_name)
    with TemporaryDirectory(prefix="perfscore-rubric-") as folder:
        path = Path(folder) / "rubric.toml"
        path.write_bytes(toml)
        try:
            return rules_named(str(path), limits)
        except PerfscoreError as error:
            message = str(error).replace(str(path), toml_name or "rubric.toml")
            for base, file in shipped().items():  # never the server's own paths
                message = message.replace(str(file), f"{base}（内置评分规则）")
            raise PerfscoreError(message) from None


def _shipped_base(toml: bytes, toml_name: str) -> None:
    """An uploaded rubric may extend a shipped rubric only: a path would read the server's files."""
    try:
        data = tomllib.loads(toml.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return  # the loader says what is wrong with it, with the line
    base = data.get("extends")
    if base is not None and base not in shipped():
        known = "、".join(sorted(shipped()))
        message = f"上传的评分规则只能 extends 内置评分规则（{known}），实际为 {base!r}"
        raise PerfscoreError(message, file=toml_name or "rubric.toml")


__all__ = ["request_rules", "rubric_choices"]
