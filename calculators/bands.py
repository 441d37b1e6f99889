"""The runway bands, shared by the runway and the walk decision: three months or less is
short, six or more is long, and between them is the middle.

>>> band_of(3.0), band_of(4.5), band_of(6.0), band_of(None)
('short', 'middle', 'long', 'long')
"""

from __future__ import annotations

from typing import Literal

__all__ = ["LONG_RUNWAY", "SHORT_RUNWAY", "Band", "band_of"]

Band = Literal["short", "middle", "long"]

SHORT_RUNWAY = 3.0  # months: a runway of this or less is short
LONG_RUNWAY = 6.0  # months: a runway of this or more is long


def band_of(runway_months: float | None) -> Band:
    """The runway's band: ``short`` up to 3 months, ``long`` from 6 (or without end)."""
    if runway_months is None or runway_months >= LONG_RUNWAY:
        return "long"
    return "short" if runway_months <= SHORT_RUNWAY else "middle"
