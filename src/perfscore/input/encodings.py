"""Reading the bytes offices produce: UTF-8 (with or without BOM), UTF-16, GB18030/GBK.

Chinese Windows software exports GBK; Notepad saves UTF-16 with a BOM; everything else writes
UTF-8. A BOM decides; without one, UTF-16 shows itself by its zero bytes, and UTF-8 is tried
before GB18030 (a superset of GBK and GB2312), which almost never decodes UTF-8 text by accident.
A file that none of them reads is refused with one line saying what was tried.
"""

from __future__ import annotations

import codecs
from typing import Final

from perfscore.errors import CaseError

#: (BOM, codec), longest first: a UTF-32 BOM starts with the UTF-16 LE one.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TRIED: Final = "UTF-8、UTF-16、GB18030（GBK）"
#: Bytes looked at to tell UTF-16 without a BOM by its zero bytes.
_SNIFF: Final = 64


def decode(raw: bytes, file: str | None = None) -> str:
    """The text of a case file in whichever encoding it is written in."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], codec, file)
    guessed = _utf16_without_bom(raw)
    if guessed is not None:
        return _strict(raw, guessed, file)
    try:
        return decode_line(raw)
    except UnicodeDecodeError as error:
        raise _unreadable(raw, error, file) from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text of JSON has a zero byte beside every ASCII character (``{\\x00"\\x00``)."""
    head = raw[:_SNIFF]
    if len(head) < 2 or head.count(0) < len(head) // 4:
        return None
    return "utf-16-le" if head[1] == 0 else "utf-16-be" if head[0] == 0 else None


def _strict(body: bytes, codec: str, file: str | None) -> str:
    try:
        return body.decode(codec)
    except UnicodeDecodeError as error:
        name = codec.upper().replace("-LE", "").replace("-BE", "")
        message = f"按 {name} 读取时第 {error.start + 1} 字节无效：文件编码与其字节顺序标记不符"
        raise CaseError(message, file=file) from None


def _unreadable(raw: bytes, error: UnicodeDecodeError, file: str | None) -> CaseError:
    line = raw.count(b"\n", 0, error.start) + 1
    column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
    message = f"无法识别的文本编码（已尝试 {_TRIED}）"
    return CaseError(message, file=file, line=line, column=column)


def decode_line(raw: bytes) -> str:
    """One JSON Lines line: UTF-8, else GB18030; UnicodeDecodeError (of UTF-8) if neither."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise utf8_error from None


__all__ = ["decode", "decode_line"]
