"""What the tests share, in three rooms, imported one way (the benchmark may use the
rig; nothing here imports the benchmark):

- :mod:`tests.support.answers`: the stored cases, their expected answers and the
  calculator blocks of each built page; ``python -m tests.support --update``
  rewrites them from today's code (then read the diff: it is the change in behaviour);
- :mod:`tests.support.rig`: the built site, how it is served, and the Chromium
  the browser tests and the benchmark drive;
- :mod:`tests.support.calls`: the calculators called directly, for the unit tests.
"""

from __future__ import annotations

from pathlib import Path

# The project's root.
ROOT = Path(__file__).parents[2]
