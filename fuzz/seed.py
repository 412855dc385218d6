"""Fill the seed corpora and dictionaries from the repository's own inputs, good and bad.

- ``fuzz/corpus/case/``: ``cases/*.json``, ``tests/bad/*.json``, ``tests/department/*.json`` and
  the real published tables ``tests/real/*/case.json``,
  and each department case whose projects are paths again with those projects embedded (the
  harness reads a department from a temporary folder, where the paths lead nowhere);
- ``fuzz/corpus/rubric/``: ``rubrics/*.toml`` and ``tests/bad-rubrics/*.toml``;
- ``fuzz/corpus/case.dict`` and ``fuzz/corpus/rubric.dict``: libFuzzer dictionaries of every key
  and short text the seeds use (both key languages), for ``-dict=``.

Seeds are named ``<folder>-<name>`` so that two folders never collide; what libFuzzer has added
to a corpus is kept. Run from anywhere: ``python fuzz/seed.py``.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "corpus"
SEEDS = {
    "case": [
        "cases/*.json",
        "tests/bad/*.json",
        "tests/department/*.json",
        "tests/real/*/case.json",
    ],
    "rubric": ["rubrics/*.toml", "tests/bad-rubrics/*.toml"],
}
#: Texts longer than this are not dictionary words.
WORD = 24
#: JSON and TOML tokens worth having whole, beside the words the seeds use.
TOKENS = {
    "case": ['"kind"', '"department"', "null", "true", "false", "1e999", "-0", "NaN", "[]", "{}"],
    "rubric": ["[", "]]", "[[", '"""', "'''", " = ", "inf", "nan", "1979-05-27", "0x1F", "1e999"],
}


def _name(path: Path) -> str:
    folder = path.parent.relative_to(ROOT).as_posix().replace("/", "-")
    return f"{folder}-{path.name}"


def _inlined(path: Path) -> str | None:
    """A department case with the project files it names embedded; None if nothing to embed."""
    data = _parsed(path)
    projects = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(projects, list) or not any(isinstance(p, str) for p in projects):
        return None
    embedded = []
    for item in projects:
        target = path.parent / item if isinstance(item, str) else None
        if target is not None and not target.is_file():
            return None
        embedded.append(_parsed(target) if target else item)
    return json.dumps({**data, "projects": embedded}, ensure_ascii=False, indent=1)


def _words(data: Any) -> Iterator[str]:
    """Every key and short text in parsed JSON or TOML."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _words(value)
    elif isinstance(data, list):
        for item in data:
            yield from _words(item)
    elif isinstance(data, str) and len(data) <= WORD:
        yield data


def _parsed(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):  # bad seeds are bad on purpose
        return None


def _entry(word: str) -> str:
    """A libFuzzer dictionary line: printable ASCII as is, every other byte as ``\\xNN``."""
    body = "".join(
        chr(byte) if 0x20 <= byte < 0x7F and chr(byte) not in '\\"' else f"\\x{byte:02X}"
        for byte in word.encode("utf-8", "surrogatepass")
    )
    return f'"{body}"'


def seed() -> dict[str, int]:
    """Copy every seed into its corpus and write the dictionaries; the seeds per corpus."""
    counts = {}
    for corpus, patterns in SEEDS.items():
        target = CORPUS / corpus
        target.mkdir(parents=True, exist_ok=True)
        words: set[str] = set()
        copied = 0
        for pattern in patterns:
            for path in sorted(ROOT.glob(pattern)):
                shutil.copyfile(path, target / _name(path))
                copied += 1
                words.update(_words(_parsed(path)))
                inlined = _inlined(path) if corpus == "case" else None
                if inlined is not None:
                    (target / f"inlined-{_name(path)}").write_text(inlined, encoding="utf-8")
                    copied += 1
        quoted = {f'"{word}"' for word in words if word} if corpus == "case" else words
        entries = sorted({*quoted, *TOKENS[corpus]} - {""})
        lines = [_entry(word) for word in entries]
        (CORPUS / f"{corpus}.dict").write_text("\n".join(lines) + "\n", encoding="ascii")
        counts[corpus] = copied
    return counts


if __name__ == "__main__":
    for corpus, count in seed().items():
        print(f"fuzz/corpus/{corpus}: {count} seeds, dictionary fuzz/corpus/{corpus}.dict")
