"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

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

# Strings shaped like what people type into an amount box, valid or not.
typed_amounts = st.one_of(
    st.integers(min_value=-10, max_value=10**13).map(str),
    st.from_regex(r"[$€£]?\s?\d{1,3}(,\d{3}){0,3}(\.\d{1,2})?\s?[kKmM]?", fullmatch=True),
    st.text(alphabet="0123456789.,_ kKmM$€-%eE", max_size=12),
)
