"""The benchmark suite: python scripts/bench/run.py --help."""
