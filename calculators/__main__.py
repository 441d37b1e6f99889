"""``python -m calculators NAME [FILE|-]``: one JSON object in, one JSON answer out.

Exit status 0 with a result, 2 when the inputs (or the command line) are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from calculators.api import run
from calculators.format import CURRENCIES
from calculators.registry import CALCULATORS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Run a Walkaway calculator on a JSON object of inputs.",
    )
    parser.add_argument("name", choices=sorted(CALCULATORS), help="which calculator")
    parser.add_argument(
        "file", nargs="?", default="-", help="JSON file of inputs; '-' or nothing reads stdin"
    )
    parser.add_argument("--html", action="store_true", help="add the rendered HTML fragment")
    parser.add_argument(
        "--currency",
        choices=sorted(CURRENCIES),
        default="USD",
        help="currency every sentence (and the HTML) is written in",
    )
    args = parser.parse_args(argv)

    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        parser.error(f"can't read {args.file}: {exc.strerror}")

    try:
        inputs = json.loads(text)
    except ValueError as exc:
        answer: dict[str, object] = {
            "ok": False,
            "calculator": args.name,
            "errors": [{"field": "", "message": f"The input is not valid JSON: {exc}"}],
        }
    else:
        answer = run(args.name, inputs, html=args.html, currency=args.currency)
    print(json.dumps(answer, indent=2, ensure_ascii=False))
    return 0 if answer["ok"] else 2


if __name__ == "__main__":
    sys.exit(main())
