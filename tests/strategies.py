"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

# Any value json.loads can produce (plus the non-finite floats a JS client could send).
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)

_PERIOD = r"(\s?/\s?(month|mo|year|yr)| (a|per) (month|year))?"

# Strings shaped like what people type into an amount box, valid or not: US, European,
# Indian and Swiss grouping, currency signs and codes at either end, size suffixes, periods.
typed_amounts = st.one_of(
    st.integers(min_value=-10, max_value=10**13).map(str),
    st.from_regex(r"[$€£]?\s?\d{1,3}(,\d{3}){0,3}(\.\d{1,2})?\s?[kKmM]?", fullmatch=True),
    st.from_regex(
        r"(€|EUR |R\$ )?\d{1,3}(\.\d{3}){0,3}(,\d{1,2})?\s?(€| EUR)?" + _PERIOD, fullmatch=True
    ),
    st.from_regex(r"(₹|Rs\. |INR )?\d{1,2}(,\d{2}){0,4},\d{3}(\.\d{1,2})?", fullmatch=True),
    st.from_regex(r"₹?\d{1,3}(\.\d{1,2})?\s?(L|lakhs?|lac|cr|crores?)", fullmatch=True),
    st.from_regex(r"(CHF )?\d{1,3}(['’]\d{3}){0,3}(\.\d{2})?" + _PERIOD, fullmatch=True),
    st.from_regex(
        r"\$?\d{1,3}([ \u00a0\u202f_]\d{3}){0,3}([.,]\d{1,2})?k?" + _PERIOD, fullmatch=True
    ),
    st.text(alphabet="0123456789.,_ '’/kKmMLcr$€£₹-%eE", max_size=14),
)


def _indian(number: int) -> str:
    """``number`` grouped the Indian way: ``1,00,00,000``."""
    digits = str(number)
    head, groups = digits[:-3], [digits[-3:]]
    while head:
        head, groups = head[:-2], [head[-2:], *groups]
    return ",".join(groups)


# A whole number and one way people write it grouped: US, European, Indian, Swiss, spaced.
_STYLES: dict[str, Callable[[int], str]] = {
    "us": lambda n: f"{n:,}",
    "european": lambda n: f"{n:,}".replace(",", "."),
    "indian": _indian,
    "swiss": lambda n: f"{n:,}".replace(",", "'"),
    "swiss typographic": lambda n: f"{n:,}".replace(",", "’"),
    "spaced": lambda n: f"{n:,}".replace(",", " "),
    "no-break spaced": lambda n: f"{n:,}".replace(",", "\u202f"),
    "underscored": lambda n: f"{n:_}",
}
grouped_integers = st.tuples(
    st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(_STYLES))
).map(lambda pair: (pair[0], _STYLES[pair[1]](pair[0])))
