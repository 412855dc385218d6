"""The one exception family: every bad input says which file and where in it."""

from __future__ import annotations


class PerfscoreError(Exception):
    """Bad input: a case, a rubric or a command line that cannot be used.

    ``file`` is the file it came from, ``path`` a JSON path (``$.indicators[3].actual``)
    and ``line``/``column`` a position in the text. ``str()`` gives one line:
    ``file:line:column: path: message``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        place = self.file or ""
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        parts = [p for p in (place, self.path) if p]
        return ": ".join([*parts, self.message])

    def in_file(self, file: str) -> PerfscoreError:
        """The same error, said of ``file`` (kept if one was already named)."""
        if self.file is not None:
            return self
        return type(self)(
            self.message, file=file, path=self.path, line=self.line, column=self.column
        )


class CaseError(PerfscoreError):
    """A case file that cannot be read or scored."""


class RubricError(PerfscoreError):
    """A rubric file that cannot be loaded."""


__all__ = ["CaseError", "PerfscoreError", "RubricError"]
