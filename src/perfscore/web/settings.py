"""What ``perfscore serve`` was started with: the rubrics, the limits and the access token."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from hashlib import sha256

from perfscore.input.limits import DEFAULT, Limits
from perfscore.rubrics.loading import DEFAULT_RUBRIC


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """The server's settings; ``token`` None: anyone who can reach the address may use it."""

    rubric: str = DEFAULT_RUBRIC
    review_rubric: str = "mof-2020-review"
    token: str | None = None
    limits: Limits = DEFAULT
    #: Signs the CSRF tokens of this process's forms (a new one at every start).
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def csrf(self) -> str:
        """The CSRF token forms carry when a token protects the server ("" when none does)."""
        if self.token is None:
            return ""
        return hmac.new(self.secret, self.token.encode(), sha256).hexdigest()

    def allows(self, given: str | None) -> bool:
        """Whether ``given`` is the access token (always, when there is none)."""
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())


__all__ = ["ServeSettings"]
