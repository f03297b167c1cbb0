"""What the fuzz tests share: the case budget, the tally, and a run that detects hangs and measures memory.

`make fuzz` runs FUZZ_EXAMPLES cases (10,000) split over the fuzz tests by SHARES: read-only commands on
mutated workspaces, the document readers (letters, workbooks...) on mutated documents, and the writers
(`followup set`, `followup import`, `import-lke`, `import-lkjip --merge`, `report`). Each case runs under an alarm: past
CASE_SECONDS it is a hang. The process's peak memory (ru_maxrss) is read around every case, so the
summary can name the case that grew it most. tests/test_fuzz_summary.py prints the tally and fails on a
traceback, a hang, or fewer cases than asked.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
SEED = os.environ.get("FUZZ_SEED")  # another seed explores other cases; unset, every run tries the same ones
SHARES = {"workspace": 0.5, "documents": 0.25, "writers": 0.25}
CASE_SECONDS = int(os.environ.get("FUZZ_CASE_SECONDS", "120"))
PROGRESS = 500
# What no output may hold: C0 controls but the newline, DEL, C1 controls, bidi and invisible format characters.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def examples(kind: str) -> int:
    """This fuzz test's share of the cases (at least one)."""
    return max(1, round(EXAMPLES * SHARES[kind]))


class Hang(BaseException):
    """A case ran past CASE_SECONDS (a BaseException: the CLI's failure handler must not swallow it)."""


@dataclass
class Tally:
    cases: Counter[str] = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    growth: tuple[int, str] = (0, "-")  # the largest rise of peak memory in one case (KiB) and that case

    started: float = field(default_factory=time.monotonic)

    def peak_kib(self) -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def summary(self) -> str:
        """Cases per kind, tracebacks, hangs, peak memory and the time so far: the closing line of `make
        fuzz`, and its progress line every PROGRESS cases (a run stopped early still says what it did)."""
        kinds = ", ".join(f"{name} {number}" for name, number in sorted(self.cases.items()))
        grown, label = self.growth
        minutes = (time.monotonic() - self.started) / 60
        return (f"{sum(self.cases.values())} cases ({kinds}), {len(self.tracebacks)} tracebacks, {len(self.hangs)} "
                f"hangs, peak memory {self.peak_kib() // 1024} MiB (largest rise in one case: {grown // 1024} MiB, "
                f"{label}), {minutes:.1f} min")


TALLY = Tally()


@contextmanager
def guarded(label: str) -> Iterator[None]:
    """Run one case under the hang alarm; record its growth of the peak memory."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(label)

    before = TALLY.peak_kib()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(CASE_SECONDS)
    try:
        yield
    except Hang:
        TALLY.hangs.append(label)
        raise
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        grown = TALLY.peak_kib() - before
        if grown > TALLY.growth[0]:
            TALLY.growth = (grown, label)


def count(kind: str, output: str, label: str, check: Callable[[], None]) -> None:
    """Record a traceback in the output, run the case's assertions, then count the case."""
    if "Traceback" in output:
        TALLY.tracebacks.append(label)
    check()
    TALLY.cases[kind] += 1
    if sum(TALLY.cases.values()) % PROGRESS == 0:
        # to the real stderr: the tests' capsys captures sys.stderr while a case runs
        print(f"\nfuzz so far: {TALLY.summary()}", file=sys.__stderr__, flush=True)
