"""Amounts, percentages and months as a reader sees them."""

from __future__ import annotations

from calculators.format import Money, fmt_months, fmt_pct


def test_money_uses_the_reader_currency() -> None:
    """Amounts show in the chosen currency, whole units, thousands separated."""
    assert [Money(c).format(1234.5) for c in ("USD", "EUR", "GBP")] == [
        "$1,234",
        "€1,234",
        "£1,234",
    ]


def test_money_unknown_currency_falls_back_to_dollars() -> None:
    """An unknown code shows dollars rather than failing."""
    assert Money("XYZ").format(5) == "$5"


def test_signed_money_marks_direction() -> None:
    """Differences show an explicit sign (a true minus sign)."""
    assert (Money().format(10, signed=True), Money().format(-10, signed=True)) == ("+$10", "−$10")


def test_percent_and_months_formatting() -> None:
    """Percentages and months show at most one decimal."""
    assert (fmt_pct(12.345), fmt_months(2.31)) == ("12.3%", "2.3 months")
