"""Scoring: a case and a rubric in, a result out. Never reads files, never renders.

``project`` scores one project's budget row and indicators (methods chosen per operator from
``methods``, values read by ``values``, weights set by ``weights``); ``department`` scores a
department rubric's items with the methods of ``department_methods``. A new scoring method is a
registered function in one of those two method modules, chosen by name in a rubric."""

__all__: list[str] = []
