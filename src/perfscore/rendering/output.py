"""Writing results: to a file atomically (a temporary file renamed into place), or to stdout."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Final

from perfscore.errors import PerfscoreError
from perfscore.input.messages import os_message


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


#: What a file name cannot hold on Windows, macOS or Linux, and blanks (runs become one ``_``).
_UNSAFE: Final = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')
#: Names Windows reserves for devices, whatever the extension.
_RESERVED: Final = re.compile(r"(?i)^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$")
_LONGEST: Final = 80


def safe_stem(text: str, fallback: str) -> str:
    """A file name stem from case data: nothing unsafe, no leading dot, not a device name."""
    stem = _UNSAFE.sub("_", text).strip("._ ")[:_LONGEST].rstrip("._ ")
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem or fallback


def unique_names(stems: Iterable[str], suffix: str) -> Iterator[str]:
    """``stem.suffix``, or ``stem-2.suffix`` … when two stems are the same (ignoring case, as
    Windows and macOS file systems do)."""
    seen: set[str] = set()
    for stem in stems:
        name, copy = f"{stem}{suffix}", 2
        while name.casefold() in seen:
            name, copy = f"{stem}-{copy}{suffix}", copy + 1
        seen.add(name.casefold())
        yield name


def confined(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it is a plain entry of ``folder`` (no ``..``, no absolute
    path, not a symbolic link that could lead out of it)."""
    target = folder / name
    inside = Path(name).name == name and name not in (".", "..")
    if not inside or target.is_symlink() or target.resolve().parent != folder.resolve():
        raise PerfscoreError("拒绝写入输出文件夹之外（或符号链接）的文件", file=str(target))
    return target


def write_text(text: str, target: str | Path | None) -> None:
    """``text`` as UTF-8 to ``target`` (atomically) or stdout."""
    with atomic_output(target) as stream:
        stream.write(text.encode("utf-8"))


def write_content(content: bytes, target: str | Path | None) -> None:
    """A renderer's bytes to ``target`` (atomically) or stdout."""
    with atomic_output(target) as stream:
        stream.write(content)


__all__ = ["atomic_output", "confined", "safe_stem", "unique_names", "write_content", "write_text"]
