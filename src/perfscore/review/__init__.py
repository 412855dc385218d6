"""``perfscore review``: a whole batch of submissions re-scored, with a summary for the bureau.

``job`` runs a review from paths to output: ``inputs`` cuts the batch into units of work,
``runner`` scores them in order in one or N processes through :mod:`perfscore.pipeline`, and
``rows`` and ``summary`` are what a reviewed submission and the batch give. The outputs are
rendered by ``perfscore.rendering.review`` (registered in ``rendering/registry.py``).
"""

__all__: list[str] = []
