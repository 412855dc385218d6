"""A bounded memo of texts already read: a plan's readers keep one each (``scoring.plan``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Final, TypeVar, cast

#: Entries a memo of texts already read keeps before it starts afresh (bounds its memory).
MEMO_LIMIT: Final = 4096

_UNSEEN: Final = object()
T = TypeVar("T")


def recall(memo: dict[Any, Any], key: Hashable, compute: Callable[..., T], *args: Any) -> T:
    """``memo[key]``, computed by ``compute(*args)`` the first time it is asked for.

    The memo starts afresh when it holds :data:`MEMO_LIMIT` entries, so its memory is bounded.
    """
    found = memo.get(key, _UNSEEN)
    if found is _UNSEEN:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        found = memo[key] = compute(*args)
    return cast(T, found)


__all__ = ["MEMO_LIMIT", "recall"]
