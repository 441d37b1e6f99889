"""The benchmark's Lighthouse figure: each page scores the median of its runs, and the
audits it reports come from the run that scored that median."""

from __future__ import annotations

from typing import Any

from benchmarks.lighthouse import CATEGORIES, lines, median_summary


def report(performance: float, blocking_ms: int) -> dict[str, Any]:
    """A Lighthouse result reduced to what the summary reads: one scored audit."""
    audit = {"id": "total-blocking-time", "weight": 1}
    return {
        "finalDisplayedUrl": "http://127.0.0.1:8000/taxes/",
        "categories": {
            c: {"score": performance if c == "performance" else 1.0, "auditRefs": [audit]}
            for c in CATEGORIES
        },
        "audits": {
            "total-blocking-time": {
                "title": "Total Blocking Time",
                "score": performance,
                "displayValue": f"{blocking_ms} ms",
            },
            "mainthread-work-breakdown": {"details": {"items": []}},
            "long-tasks": {"details": {"items": []}},
        },
    }


def test_a_page_scores_the_median_of_its_runs_with_that_runs_losses() -> None:
    summary = median_summary([report(0.99, 100), report(0.93, 320), report(0.96, 215)])
    assert summary["scores"] == {
        "performance": 96,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }
    assert [run["performance"] for run in summary["runs"]] == [99, 93, 96]
    assert summary["losses"]["performance"][0]["shown"] == "215 ms"


def test_an_even_count_takes_the_lower_middle_run() -> None:
    summary = median_summary([report(0.99, 100), report(0.93, 320)])
    assert summary["scores"]["performance"] == 93
    assert summary["losses"]["performance"][0]["shown"] == "320 ms"


def test_the_text_report_shows_every_run_of_the_lowest_page() -> None:
    page = median_summary([report(0.99, 100), report(0.93, 320), report(0.96, 215)])
    text = "\n".join(
        lines(
            {
                "version": "12.2.3",
                "form_factor": "mobile",
                "throttling": "simulate",
                "runs_per_page": 3,
                "pages": {"taxes/": page},
            }
        )
    )
    assert "median of 3 runs per page" in text
    assert "performance 96 on /taxes/" in text
    assert "its runs: 99, 93, 96" in text
