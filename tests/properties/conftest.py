"""Hypothesis profiles: `default` keeps `make test` quick; `fuzz` (make fuzz) runs far more
examples and remembers failures in .pytest_cache/hypothesis.

Choose with HYPOTHESIS_PROFILE=fuzz; FUZZ_EXAMPLES overrides the fuzz example count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("default", max_examples=50, deadline=None, database=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
    deadline=None,
    database=DirectoryBasedExampleDatabase(".pytest_cache/hypothesis"),
    suppress_health_check=_SLOW_OK,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
