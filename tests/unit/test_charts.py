"""Every chart is drawn twice, for wide screens and for a phone's column, and the narrow
drawing keeps each label whole inside its view box."""

from __future__ import annotations

import re

import pytest

from tests.support.calls import WORKED_OFFER, rendered

CHAR = 6.5  # the views' estimate of a label character's width at the chart's font size

CASES = [
    ("total-comp", {"offers": [WORKED_OFFER]}, "USD"),
    (
        "total-comp",
        {
            "offers": [{"base": 10**6 * (i + 1), "equity_grant": 5 * 10**5} for i in range(6)],
            "years": 10,
        },
        "CHF",
    ),
    ("total-comp", {"offers": [WORKED_OFFER, {"name": "Offer B", "base": 150000}]}, "CAD"),
    ("runway", {"savings": 30000, "monthly_expenses": 6000}, "USD"),
    ("runway", {"savings": 30000, "monthly_expenses": 6000, "search_weeks_max": 90}, "USD"),
    ("runway", {"savings": 2_500_000, "monthly_expenses": 6000}, "CHF"),
    ("runway", {"savings": 1000, "monthly_expenses": 6000}, "USD"),
    ("walk", {"offer": 150000, "floor": 180000}, "USD"),
    ("walk", {"offer": 0, "floor": 180000, "scope": 1, "growth": 1}, "USD"),
]


def charts(html: str) -> dict[str, str]:
    return dict(re.findall(r'<svg class="wa-chart wa-chart--(\w+)"(.*?)</svg>', html))


@pytest.mark.parametrize(("name", "inputs", "currency"), CASES)
def test_each_chart_is_drawn_wide_and_narrow_alike(
    name: str, inputs: dict[str, object], currency: str
) -> None:
    """Both drawings are there, saying the same thing to a screen reader."""
    drawn = charts(rendered(name, inputs, currency))
    assert sorted(drawn) == ["narrow", "wide"]
    labels = {layout: re.findall(r'aria-label="([^"]*)"', svg) for layout, svg in drawn.items()}
    assert labels["narrow"] == labels["wide"]


@pytest.mark.parametrize(("name", "inputs", "currency"), CASES)
def test_narrow_chart_keeps_its_labels_inside(
    name: str, inputs: dict[str, object], currency: str
) -> None:
    """The narrow drawing is at most 300 units wide (on a 390 px phone, a unit shows
    larger than a pixel), and every label, by its estimated width, lies inside it."""
    svg = charts(rendered(name, inputs, currency))["narrow"]
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert box
    width, height = float(box[1]), float(box[2])
    assert width <= 300
    outside = []
    for x, y, anchor, text in re.findall(
        r'<text class="[^"]*" x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)">([^<]*)</text>', svg
    ):
        extent = CHAR * len(text.replace("&amp;", "&"))
        start = float(x) - {"start": 0, "middle": extent / 2, "end": extent}[anchor]
        if start < 0 or start + extent > width or not 9 <= float(y) <= height:
            outside.append((text, x, y, anchor))
    assert outside == []
