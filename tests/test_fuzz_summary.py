"""The closing line of `make fuzz`: how many cases ran per kind, tracebacks, hangs and peak memory.

Runs last (the Makefile lists it after the fuzz tests). Fails when a case printed a traceback, when one
ran past the hang alarm, or when fewer cases ran than FUZZ_EXAMPLES asked.
"""

from __future__ import annotations

import pytest

from .fuzzing import EXAMPLES, TALLY

pytestmark = pytest.mark.slow


def test_report_fuzz_count() -> None:
    if not TALLY.cases and not TALLY.tracebacks and not TALLY.hangs:
        pytest.skip("no fuzz test ran in this session")
    print(f"\nfuzz: {TALLY.summary()}")
    assert not TALLY.tracebacks, TALLY.tracebacks[:5]
    assert not TALLY.hangs, TALLY.hangs[:5]
    assert sum(TALLY.cases.values()) >= EXAMPLES
