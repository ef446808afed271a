"""Hypothesis profiles for the fuzz tests: `ci` (the default, a few seconds, the
same examples on every run) and `long` (100,000 cases per test, for a night's
run; see README.md here). Choose one with REFMAN_FUZZ_PROFILE; REFMAN_FUZZ_EXAMPLES
sets the long run's number of cases per test."""

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

# derandomize: CI runs the same examples each time, so a red run is a real,
# reproducible finding and not luck; the long run explores new ground.
settings.register_profile("ci", max_examples=15, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("long", max_examples=int(os.environ.get("REFMAN_FUZZ_EXAMPLES", 100_000)),
                          deadline=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("REFMAN_FUZZ_PROFILE", "ci"))
