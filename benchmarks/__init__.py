"""The browser benchmark (``make bench``): bench.py runs it; the other modules are its parts."""
