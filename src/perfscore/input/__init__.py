"""Reading input: bytes and encodings, input limits, JSON case files, the Excel forms people fill.

Everything that turns a file (or bytes, or parsed data) into a case model lives here, and every
refusal is a ``CaseError`` naming the file and where in it. Nothing here scores or renders."""

__all__: list[str] = []
