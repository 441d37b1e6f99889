"""Total comp as the page shows it: headline, notes, tables and the chart."""

from __future__ import annotations

import re

from calculators.total_comp import EXAMPLE
from tests.support.calls import WORKED_OFFER, rendered


def html_of(inputs: object, currency: str = "USD") -> str:
    return rendered("total-comp", inputs, currency)


def chart_of(inputs: object, layout: str = "wide") -> str:
    """The chart drawn for wide screens (or for narrow ones)."""
    found = re.search(rf'<svg class="wa-chart wa-chart--{layout}".*?</svg>', html_of(inputs))
    assert found
    return found[0]


def test_render_root_and_headline() -> None:
    """The fragment's root and headline name the best offer and its lead over the first."""
    html = html_of(EXAMPLE)
    assert html.startswith(
        '<div class="wa-result wa-result--total-comp"><p class="wa-headline">Offer A is worth '
        "the most: $264,500 a year on average over 4 years, $44,668 a year more than Current job"
    )
    assert html.endswith("</div>")


def test_headline_when_the_first_offer_is_best() -> None:
    """When the first offer is best, the headline says so and by how much."""
    html = html_of({"offers": [{"name": "Stay", "base": 200000}, {"name": "Go", "base": 150000}]})
    assert "Stay is still worth the most: $200,000 a year" in html
    assert "the best of the others, Go, is $50,000 a year less" in html


def test_headline_for_one_offer() -> None:
    """A single offer's headline gives its average and total."""
    html = html_of({"offers": [WORKED_OFFER]})
    assert "Offer 1 is worth $264,500 a year on average over 4 years, $1,058,000 in all." in html


def test_headline_adjusted_for_cost_of_living() -> None:
    """With a cost-of-living index, the headline ranks on the adjusted figure and says so."""
    html = html_of(
        {
            "offers": [
                {"name": "Here", "base": 100000},
                {"name": "There", "base": 150000, "cost_of_living_index": 120},
            ]
        }
    )
    assert "There is worth the most once cost of living is counted: $125,000 a year" in html
    assert "Adjusted for cost of living" in html


def test_no_adjusted_column_without_an_index() -> None:
    """The adjusted column appears only when an index differs from 100."""
    assert "Adjusted for cost of living" not in html_of(EXAMPLE)


def test_cliff_admonition() -> None:
    """A cliff where the grant runs out is a warning saying by how much the total falls."""
    html = html_of({"offers": [{**WORKED_OFFER, "vesting": "5/15/40/40"}], "years": 5})
    assert (
        "Step-down in year 5: total pay falls 27.9% from the year before: the initial equity "
        "grant runs out, or vests less, with too little refresh to make up for it." in html
    )
    assert '<div class="admonition warning"><p class="admonition-title">Offer 1: pay drops' in html


def test_sign_on_cliff_is_a_note() -> None:
    """A fall because the sign-on is not paid again is a note, not a warning."""
    html = html_of({"offers": [WORKED_OFFER]})
    assert '<div class="admonition note"><p class="admonition-title">Offer 1: pay drops' in html
    assert (
        "Step-down in year 2: total pay falls 10.5% from the year before: a one-time payment "
        "(a sign-on or relocation) is not paid again." in html
    )


def test_make_whole_admonition() -> None:
    """A make-whole gap says what a sign-on would still need to cover."""
    html = html_of({"offers": [{"base": 1, "unvested_left_behind": 50000, "sign_on": 20000}]})
    assert "A sign-on would still need to cover $30,000" in html


def test_year_tables() -> None:
    """Each offer has a year-by-year table with the spec's columns and a total row."""
    html = html_of(EXAMPLE)
    assert html.count("year by year</caption>") == 2
    numeric = ["Base", "Bonus", "Equity", "Refreshers", "One-time", "Match", "Other", "Total"]
    numeric += ["Guaranteed", "At risk"]
    header = '<th scope="col">Year</th>' + "".join(
        f'<th scope="col" class="wa-num">{h}</th>' for h in numeric
    )
    assert header in html
    assert '<tfoot><tr><th scope="row">Total</th><td class="wa-num">$720,000</td>' in html
    totals = ["$1,058,000", "$750,000", "$308,000"]  # total, guaranteed, at risk
    assert "".join(f'<td class="wa-num">{t}</td>' for t in totals) + "</tr></tfoot>" in html


def test_comparison_table() -> None:
    """The comparison table gives averages, totals, the difference and the make-whole gap."""
    html = html_of(EXAMPLE)
    assert "<caption>The offers side by side</caption>" in html
    assert "Total over 4 years" in html
    assert "+$44,668 (+20.3%)" in html
    assert "Make-whole gap" in html


def test_render_uses_the_currency() -> None:
    """Amounts are shown in the reader's currency."""
    assert "€264,500" in html_of({"offers": [WORKED_OFFER]}, "EUR")


def test_render_escapes_offer_names() -> None:
    """Offer names are escaped everywhere they appear."""
    html = html_of(
        {"offers": [{"name": "<script>x</script>", "base": 1}, {"name": 'A"&B', "base": 2}]}
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'A"&B' not in html
    assert "A&quot;&amp;B" in html


def test_chart_is_accessible() -> None:
    """The chart is an image with a label stating its point."""
    html = html_of(EXAMPLE)
    assert '<svg class="wa-chart wa-chart--wide" viewBox="0 0 640 ' in html
    assert '<svg class="wa-chart wa-chart--narrow" viewBox="0 0 300 ' in html
    assert 'role="img" aria-label="Total compensation per year over 4 years' in html
    assert "Offer A is worth the most on average" in html


def test_chart_stacks_parts_in_series_order() -> None:
    """Each bar stacks the guaranteed parts (base, one-time, match, other) under those at
    risk (bonus, equity, refreshers), each part in its own class (wa-s1 to wa-s7)."""
    html = chart_of(
        {
            "offers": [
                {
                    "base": 100000,
                    "bonus_target_pct": 10,
                    "equity_grant": 40000,
                    "refresher_annual": 8000,
                    "sign_on": 5000,
                    "retirement_match_pct": 3,
                    "other_annual": 1000,
                }
            ],
            "years": 2,
        }
    )
    year_two = re.findall(r'<rect class="(wa-s\d)"[^>]*><title>Offer 1, year 2', html)
    assert year_two == ["wa-s1", "wa-s6", "wa-s7", "wa-s2", "wa-s3", "wa-s4"]


def test_chart_gridlines_and_labels() -> None:
    """The y axis has 3 to 5 gridlines labelled in short money; x labels run Y1..YN."""
    html = chart_of({"offers": [WORKED_OFFER], "years": 7})
    gridlines = re.findall(r'<line class="wa-grid"', html)
    assert 3 <= len(gridlines) <= 5
    assert ">$300k</text>" in html
    assert [f">Y{i}</text>" in html for i in range(1, 8)] == [True] * 7
    assert ">Y8</text>" not in html


def test_chart_legend_lists_the_parts_present() -> None:
    """The legend names the parts in the chart, guaranteed first, then those at risk."""
    html = chart_of({"offers": [WORKED_OFFER]})
    legend = re.findall(
        r'<text class="wa-label[\w -]*" x="[\d.]+" y="[\d.]+" text-anchor="start">([^<]+)</text>',
        html,
    )
    assert legend == ["Guaranteed:", "At risk:", "Base", "One-time", "Bonus", "Equity"]


def test_chart_numbers_the_bars_of_several_offers() -> None:
    """With several offers, each bar is numbered and a key maps numbers to names."""
    html = html_of(EXAMPLE)
    assert "Bars in each year, left to right: 1 Current job, 2 Offer A." in html
    assert len(re.findall(r'text-anchor="middle">[12]</text>', chart_of(EXAMPLE))) == 8
    assert len(re.findall(r'text-anchor="middle">[12]</text>', chart_of(EXAMPLE, "narrow"))) == 8
    assert "Bars in each year" not in html_of({"offers": [WORKED_OFFER]})


def test_chart_fits_six_offers_over_ten_years() -> None:
    """Six offers over ten years stay inside the view box with bars at least 6 units wide."""
    offers = [{"base": 100000 * (i + 1), "equity_grant": 50000, "sign_on": 1000} for i in range(6)]
    html = chart_of({"offers": offers, "years": 10})
    widths = [
        float(w)
        for w in re.findall(r'<rect class="wa-s1" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', html)
    ]
    xs = [float(x) for x in re.findall(r'<rect class="wa-s\d" x="([\d.]+)"', html)]
    assert len(widths) == 61  # 60 bars and one legend swatch
    assert min(widths) >= 6
    assert max(xs) + 10 <= 640


OPTIONS: dict[str, object] = {
    "name": "Startup",
    "base": 150000,
    "equity_type": "options",
    "options_count": 20000,
    "strike_price": 2,
    "share_price": 10,
}


def test_options_show_the_cash_to_exercise() -> None:
    """An options grant gets a note with the cash it takes to exercise, and a column for it."""
    html = html_of({"offers": [OPTIONS]})
    assert "Startup: cash to exercise the options" in html
    assert "$10,000 a year in years 1–4, $40,000 in all" in html
    assert "isn&#x27;t taken off them" in html
    assert '<th scope="col" class="wa-num">Cash to exercise</th>' in html


def test_options_under_water_are_a_warning() -> None:
    """Options worth nothing at the share price given are named, year by year."""
    html = html_of({"offers": [{**OPTIONS, "share_price": 2}]})
    assert "Startup: options under water" in html
    assert "vesting in years 1, 2, 3, 4 are under water" in html


def test_what_you_can_count_on_is_said_for_each_offer() -> None:
    """Each offer's guaranteed cash and the share at risk are said in words."""
    html = html_of(EXAMPLE)
    assert "Offer A: $750,000 of the $1,058,000 over 4 years is cash you can count on" in html
    assert "$308,000 (29.1%) depends on a bonus payout or the share price" in html


def test_tax_figures_say_walkaway_keeps_no_tax_tables() -> None:
    """With a tax rate, the after-tax column appears and a note says where it comes from."""
    html = html_of({"offers": [{"base": 100000, "tax_rate_pct": 30}, {"base": 90000}]})
    assert "Walkaway keeps no tax tables" in html
    assert "Give every offer a rate to rank them by what you keep." in html
    assert '<th scope="col" class="wa-num">After tax, a year</th>' in html
    assert "no rate given" in html


def test_a_lower_offer_that_keeps_more_after_tax_is_named() -> None:
    """When every offer has a rate, the headline ranks by what each keeps after tax, and
    names the offer that comes out ahead before tax."""
    html = html_of(
        {
            "offers": [
                {"name": "High tax", "base": 200000, "tax_rate_pct": 45},
                {"name": "Low tax", "base": 170000, "tax_rate_pct": 25},
            ]
        }
    )
    assert (
        "Low tax is worth the most after tax (before tax, High tax comes out ahead): "
        "$127,500 a year on average over 4 years, $17,500 a year more than High tax (+15.9%)."
        in html
    )


def test_a_close_call_says_the_money_does_not_decide() -> None:
    """Two offers within 2% get a note to weigh the role instead."""
    html = html_of({"offers": [{"name": "A", "base": 100000}, {"name": "B", "base": 99000}]})
    assert "A close call" in html
    assert "The money doesn&#x27;t decide this one" in html


def test_narrow_chart_leaves_out_numbers_that_do_not_fit() -> None:
    """Drawn for a phone, six offers over ten years leave each bar too narrow for its
    number: the bars go unnumbered, and the key below still gives their order."""
    offers = [{"base": 100000 * (i + 1)} for i in range(6)]
    html = html_of({"offers": offers, "years": 10})
    narrow = chart_of({"offers": offers, "years": 10}, "narrow")
    assert not re.search(r'text-anchor="middle">[1-6]</text>', narrow)
    assert "Bars in each year, left to right: 1 Offer 1, 2 Offer 2," in html
