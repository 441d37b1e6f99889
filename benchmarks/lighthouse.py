"""Lighthouse (pinned in package.json) on the served build, mobile preset, all four
categories, one page at a time: the scores of every page, and the audits that cost points."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.support import CHROMIUM_ARGS, ROOT, chromium_path

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The bar for each category's score, on every page.
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
BAR_TEXT = "100 for accessibility, best practices and SEO; >= 95 for performance"
# Debian's Chromium, headless, reaching no host but the bench server.
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]


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


def run_page(url: str, report: Path) -> dict[str, Any]:
    """Lighthouse's report on one page (its default form factor is mobile)."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
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


def diagnostics(lhr: dict[str, Any]) -> dict[str, Any]:
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


def page_summary(lhr: dict[str, Any]) -> dict[str, Any]:
    scores = {}
    for category in CATEGORIES:
        score = lhr["categories"][category]["score"]
        scores[category] = 0 if score is None else round(100 * score)
    return {
        "scores": scores,
        "losses": {category: losses(lhr, category) for category in CATEGORIES},
        "diagnostics": diagnostics(lhr),
        "warnings": lhr.get("runWarnings", []),
    }


def run_all(base_url: str, pages: list[str]) -> dict[str, Any] | None:
    """Every page in turn; None when there are none to run."""
    if not pages:
        return None
    found: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    version = ""
    with tempfile.TemporaryDirectory(prefix="walkaway-lighthouse-") as tmp:
        for index, page in enumerate(pages):
            print(f"Lighthouse {index + 1} of {len(pages)}: /{page}", flush=True)
            try:
                lhr = run_page(base_url + page, Path(tmp) / "report.json")
            except (subprocess.SubprocessError, ValueError) as error:
                # A page Lighthouse can't finish scores nothing, and says why.
                found[page] = {"scores": dict.fromkeys(CATEGORIES, 0), "error": str(error)}
                continue
            settings = lhr["configSettings"]
            version = lhr["lighthouseVersion"]
            found[page] = page_summary(lhr)
    lowest = min(
        ((summary["scores"][c], page, c) for page, summary in found.items() for c in CATEGORIES),
        key=lambda entry: entry[0],
    )
    return {
        "version": version,
        "form_factor": settings.get("formFactor"),
        "throttling": settings.get("throttlingMethod"),
        "categories": list(CATEGORIES),
        "pages": found,
        "lowest": {"score": lowest[0], "page": lowest[1], "category": lowest[2]},
        "misses": [
            {"page": page, "category": c, "score": summary["scores"][c], "bar": BARS[c]}
            for page, summary in found.items()
            for c in CATEGORIES
            if summary["scores"][c] < BARS[c]
        ],
    }


def target(summary: dict[str, Any] | None) -> dict[str, Any]:
    """The figure: the lowest score on any page in any category; met when every page
    reaches every category's bar."""
    if summary is None:
        return {"value": None, "target": BAR_TEXT, "met": None}
    lowest = summary["lowest"]
    return {
        "value": lowest["score"],
        "target": BAR_TEXT,
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
        f"{summary['throttling']} throttling (perf / a11y / best practices / SEO):"
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
        for loss in pages[worst[0]]["losses"][category]:
            shown = f" ({loss['shown']})" if loss["shown"] else ""
            out.append(f"    -{loss['points']:>5}  {loss['audit']}: {loss['title']}{shown}")
        if category == "performance":
            found = pages[worst[0]]["diagnostics"]
            spent = ", ".join(f"{k} {v}" for k, v in found["main_thread_ms"].items())
            tasks = ", ".join(f"{t['script']} {t['ms']}" for t in found["long_tasks"])
            out += [f"    main thread (ms): {spent}", f"    long tasks (ms): {tasks}"]
    return out
