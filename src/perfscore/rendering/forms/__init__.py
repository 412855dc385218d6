"""Excel forms written: the blank template and the filled, scored form (openpyxl).

The forms' layouts are data in ``perfscore.input.forms.layout``, shared with the reader."""

__all__: list[str] = []
