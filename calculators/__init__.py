"""Walkaway's calculators: total compensation, the walk decision, and runway.

Pure Python, standard library only. The same code runs under CPython (tests,
command line, the docs build) and under Pyodide in the reader's browser.
The entry point is :func:`calculators.api.run` (and ``respond`` for JSON text);
the calculators are listed in :mod:`calculators.registry`.
"""
