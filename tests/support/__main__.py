"""Regenerate the expected answers from today's code (then read the diff: it is the change
in behaviour): ``python -m tests.support --update``. What is stored where:
:mod:`tests.support.answers`."""

from __future__ import annotations

import argparse

from tests.support import ROOT
from tests.support.answers import update


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.support", description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the expected answers")
    if parser.parse_args().update:
        changed = [path.relative_to(ROOT).as_posix() for path in update()]
        print("\n".join(changed) if changed else "The expected answers are unchanged.")
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
