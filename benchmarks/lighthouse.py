"""Lighthouse (pinned in package.json) on the served build, mobile preset, all four
categories, one page at a time: the scores of every page, and the audits that cost points.

Each page runs several times and scores the median of its runs, as Lighthouse's own
docs on variability advise: one run's blocking time swings by a factor of two on a
busy two-core machine (93 to 100 on the same page, same build)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.support import ROOT
from tests.support.rig import CHROMIUM_ARGS, chromium_path

_LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The bar for each category's score, on every page.
_BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
_BAR_TEXT = "100 for accessibility, best practices and SEO; >= 95 for performance"
# Debian's Chromium, headless, reaching no host but the bench server.
_CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built guide, as a path from the site's root (the benchmark's
    own pages under _bench/ left out)."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        path = html.relative_to(site_dir).as_posix()
        if not path.startswith("_bench/"):
            pages.append(path.removesuffix("index.html"))
    return pages


def choose(pages: list[str], wanted: str) -> list[str]:
    """The pages ``--lighthouse`` asks for: all, none, the first N, or paths, comma-separated."""
    if wanted == "all":
        return pages
    if wanted == "none":
        return []
    if wanted.isdigit():
        return pages[: int(wanted)]
    chosen = [path.strip() for path in wanted.split(",")]
    unknown = sorted(set(chosen) - set(pages))
    if unknown:
        raise SystemExit(f"--lighthouse: no such page in the build: {', '.join(unknown)}")
    return chosen


def _run_page(url: str, report: Path) -> dict[str, Any]:
    """Lighthouse's report on one page (its default form factor is mobile)."""
    subprocess.run(
        [
            str(_LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(_CHROME_FLAGS)}",
            "--no-enable-error-reporting",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        check=True,
        timeout=600,
    )
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def losses(lhr: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """The audits that cost the category points, most first: points = the audit's weight
    share of the category times what it missed (1 - its score)."""
    refs = lhr["categories"][category]["auditRefs"]
    total = sum(ref["weight"] for ref in refs) or 1
    found = []
    for ref in refs:
        audit = lhr["audits"][ref["id"]]
        score = audit.get("score")
        if ref["weight"] <= 0 or score is None or score >= 1:
            continue
        found.append(
            {
                "audit": ref["id"],
                "title": audit["title"],
                "score": score,
                "points": round(100 * ref["weight"] * (1 - score) / total, 1),
                "shown": audit.get("displayValue", ""),
            }
        )
    return sorted(found, key=lambda loss: -float(loss["points"]))


def _diagnostics(lhr: dict[str, Any]) -> dict[str, Any]:
    """Where the main thread's time went (unweighted audits: they say what to fix when the
    performance metrics cost points), with script addresses made relative to the site."""
    origin = lhr["finalDisplayedUrl"].split("/", 3)[:3]
    site = "/".join(origin) + "/"

    def items(audit: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = lhr["audits"][audit].get("details", {}).get("items", [])
        return found

    return {
        "main_thread_ms": {
            item["groupLabel"]: round(item["duration"])
            for item in items("mainthread-work-breakdown")
        },
        "long_tasks": [
            {"script": str(item["url"]).replace(site, "/"), "ms": round(item["duration"])}
            for item in items("long-tasks")[:5]
        ],
    }


def _page_summary(lhr: dict[str, Any]) -> dict[str, Any]:
    return {
        "scores": _scores_of(lhr),
        "losses": {category: losses(lhr, category) for category in CATEGORIES},
        "diagnostics": _diagnostics(lhr),
        "warnings": lhr.get("runWarnings", []),
    }


def _scores_of(lhr: dict[str, Any]) -> dict[str, int]:
    """One run's score in each category, 0 to 100 (a category Lighthouse could not score
    counts as 0)."""
    scores = {}
    for category in CATEGORIES:
        score = lhr["categories"][category]["score"]
        scores[category] = 0 if score is None else round(100 * score)
    return scores


def median_summary(lhrs: list[dict[str, Any]]) -> dict[str, Any]:
    """A page's runs as one: each category scores the median of its runs (the lower
    middle one for an even count), and the audits that cost points are those of the run
    whose performance score is that median."""
    runs = [_scores_of(lhr) for lhr in lhrs]
    scores = {c: statistics.median_low(run[c] for run in runs) for c in CATEGORIES}
    middle = next(i for i, run in enumerate(runs) if run["performance"] == scores["performance"])
    summary = _page_summary(lhrs[middle])
    summary["scores"] = scores
    summary["runs"] = runs
    return summary


def run_all(base_url: str, pages: list[str], runs: int = 3) -> dict[str, Any] | None:
    """Every page in turn, ``runs`` times each; None when there are none to run."""
    if not pages:
        return None
    found: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    version = ""
    with tempfile.TemporaryDirectory(prefix="walkaway-lighthouse-") as tmp:
        for index, page in enumerate(pages):
            print(f"Lighthouse {index + 1} of {len(pages)}: /{page} ({runs}×)", flush=True)
            lhrs = []
            try:
                for _ in range(runs):
                    lhrs.append(_run_page(base_url + page, Path(tmp) / "report.json"))
            except (subprocess.SubprocessError, ValueError) as error:
                # A page Lighthouse can't finish scores nothing, and says why.
                found[page] = {"scores": dict.fromkeys(CATEGORIES, 0), "error": str(error)}
                continue
            settings = lhrs[0]["configSettings"]
            version = lhrs[0]["lighthouseVersion"]
            found[page] = median_summary(lhrs)
    lowest = min(
        ((summary["scores"][c], page, c) for page, summary in found.items() for c in CATEGORIES),
        key=lambda entry: entry[0],
    )
    return {
        "version": version,
        "form_factor": settings.get("formFactor"),
        "throttling": settings.get("throttlingMethod"),
        "categories": list(CATEGORIES),
        "runs_per_page": runs,
        "pages": found,
        "lowest": {"score": lowest[0], "page": lowest[1], "category": lowest[2]},
        "misses": [
            {"page": page, "category": c, "score": summary["scores"][c], "bar": _BARS[c]}
            for page, summary in found.items()
            for c in CATEGORIES
            if summary["scores"][c] < _BARS[c]
        ],
    }


def target(summary: dict[str, Any] | None) -> dict[str, Any]:
    """The figure: the lowest score on any page in any category; met when every page
    reaches every category's bar."""
    if summary is None:
        return {"value": None, "target": _BAR_TEXT, "met": None}
    lowest = summary["lowest"]
    return {
        "value": lowest["score"],
        "target": _BAR_TEXT,
        "met": not summary["misses"],
        "page": "/" + lowest["page"],
        "category": lowest["category"],
        "pages": len(summary["pages"]),
        "below_bar": len(summary["misses"]),
    }


def lines(summary: dict[str, Any] | None) -> list[str]:
    """Scores by page, then what cost points where a category is lowest."""
    if summary is None:
        return ["Lighthouse: not run."]
    pages = summary["pages"]
    width = max(len(page) for page in pages) + 1
    out = [
        f"Lighthouse {summary['version']}, {summary['form_factor']}, "
        f"{summary['throttling']} throttling, median of {summary.get('runs_per_page', 1)} "
        "runs per page (perf / a11y / best practices / SEO):"
    ]
    for page, found in pages.items():
        scores = " ".join(f"{found['scores'][c]:>3}" for c in CATEGORIES)
        out.append(f"  /{page:<{width}} {scores}")
    for category in CATEGORIES:
        low = min(found["scores"][category] for found in pages.values())
        if low >= 100:
            continue
        worst = [page for page, found in pages.items() if found["scores"][category] == low]
        out.append(f"  {category} {low} on /{', /'.join(worst)}; what cost points there:")
        if "error" in pages[worst[0]]:
            out.append(f"    Lighthouse failed: {pages[worst[0]]['error']}")
            continue
        each = ", ".join(str(run[category]) for run in pages[worst[0]].get("runs", []))
        out.append(f"    its runs: {each}; the median run's losses:")
        for loss in pages[worst[0]]["losses"][category]:
            shown = f" ({loss['shown']})" if loss["shown"] else ""
            out.append(f"    -{loss['points']:>5}  {loss['audit']}: {loss['title']}{shown}")
        if category == "performance":
            found = pages[worst[0]]["diagnostics"]
            spent = ", ".join(f"{k} {v}" for k, v in found["main_thread_ms"].items())
            tasks = ", ".join(f"{t['script']} {t['ms']}" for t in found["long_tasks"])
            out += [f"    main thread (ms): {spent}", f"    long tasks (ms): {tasks}"]
    return out
