"""Amounts, percentages and months as a reader sees them.

Amounts carry no currency of their own: :class:`Money` writes them in the one
the reader picked. Everything here is deterministic, on CPython and in Pyodide.

>>> Money("EUR").format(1234567.891), fmt_pct(27.94), fmt_months(1.38)
('€1,234,568', '27.9%', '1.4 months')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["CURRENCIES", "USD", "Money", "fmt_months", "fmt_pct"]

# The currencies a reader can pick for display; amounts themselves carry none.
CURRENCIES: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CAD": "CA$",
    "AUD": "A$",
    "INR": "₹",
    "JPY": "¥",
    "CHF": "CHF\u00a0",
}


@dataclass(frozen=True)
class Money:
    """Formats amounts in the reader's currency, whole units, thousands separated."""

    currency: str = "USD"

    @property
    def symbol(self) -> str:
        return CURRENCIES.get(self.currency, "$")

    def format(self, amount: float, *, signed: bool = False) -> str:
        """``$180,000``; with ``signed``, ``+$12,000`` / ``−$3,000``.

        >>> Money().format(-2500.4, signed=True)
        '−$2,500'
        """
        rounded = round(amount)
        sign = ""
        if rounded < 0:
            sign = "−"
        elif signed and rounded > 0:
            sign = "+"
        return f"{sign}{self.symbol}{abs(rounded):,}"

    def short(self, amount: float) -> str:
        """A compact form for chart axes: ``$250k``, ``$1.2m``.

        >>> Money().short(1_250_000), Money().short(250_000), Money().short(0)
        ('$1.25m', '$250k', '$0')
        """
        value = abs(amount)
        sign = "−" if amount < 0 else ""
        if value >= 1e6:
            return f"{sign}{self.symbol}{value / 1e6:.3g}m"
        if value >= 1e3:
            return f"{sign}{self.symbol}{value / 1e3:.3g}k"
        return f"{sign}{self.symbol}{value:.0f}"


def _one_decimal(value: float) -> str:
    """One decimal, rounded half up from the number as written (results are already
    rounded to two decimals, so 10.45 must show as 10.5, not as float's 10.4).

    >>> _one_decimal(10.45), _one_decimal(2.0), _one_decimal(1.38)
    ('10.5', '2', '1.4')
    """
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded:f}".removesuffix(".0")


def fmt_pct(value: float, *, signed: bool = False) -> str:
    """A percentage with at most one decimal: ``27.9%``, ``+5%``.

    >>> fmt_pct(27.94), fmt_pct(5.0, signed=True), fmt_pct(-3.25), fmt_pct(10.45)
    ('27.9%', '+5%', '−3.3%', '10.5%')
    """
    text = _one_decimal(abs(value))
    sign = "−" if value < 0 and text != "0" else ("+" if signed and value > 0 else "")
    return f"{sign}{text}%"


def fmt_months(value: float) -> str:
    """Months with one decimal: ``5 months``, ``1.4 months``, ``1 month``.

    >>> fmt_months(5.0), fmt_months(1.38), fmt_months(1)
    ('5 months', '1.4 months', '1 month')
    """
    text = _one_decimal(value)
    return f"{text} month" if text == "1" else f"{text} months"


USD = Money("USD")  # the results' own sentences are written in dollars
