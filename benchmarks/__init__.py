"""Reproducible benchmark scripts and the synthetic corpus generator (``benchmarks.synthetic``)."""
