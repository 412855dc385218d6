"""Writing results: to a file atomically (a temporary file renamed into place), or to stdout."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import PerfscoreError
from .messages import os_message


@contextlib.contextmanager
def atomic_output(target: str | Path | None) -> Iterator[BinaryIO]:
    """A binary stream for ``target`` (stdout when None).

    A file is written beside the target under a temporary name and renamed over it only when
    the block ends normally: an interrupted run (an error, Ctrl-C) leaves the target as it was
    and no temporary file behind.
    """
    if target is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise PerfscoreError(f"无法写入：{os_message(error)}", file=str(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise PerfscoreError(f"无法写入：{os_message(error)}", file=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text(text: str, target: str | Path | None) -> None:
    """``text`` as UTF-8 to ``target`` (atomically) or stdout."""
    with atomic_output(target) as stream:
        stream.write(text.encode("utf-8"))


__all__ = ["atomic_output", "write_text"]
