"""Walkaway's calculators: total compensation, the walk decision, and runway.

Pure Python, standard library only. The same code runs under CPython (tests,
command line, the docs build) and under Pyodide in the reader's browser.
"""

from calculators.api import CALCULATORS, run

__all__ = ["CALCULATORS", "run"]
