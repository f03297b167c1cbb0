"""Hostile input costs time linear in its size (issue 6). Prints numbers; asserts nothing.

- The reference LHE letter with one very long line of each kind that used to make a pattern backtrack (a 180 KB
  line of `komponen ` took 75 s before the patterns were bounded; a run of spaces after `predikat`
  never finished): seconds to read it at 1 and 4 MiB. Linear means the 4 MiB column is about 4x.
- The YAML limits: how long refusing a file at each limit takes (10 MiB file, 10,001-item list,
  alias bomb, nesting past the depth limit).
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.io.yamlread import MAX_BYTES, MAX_DEPTH, MAX_LIST, load_document
from sakip_eval.letters.reader import parse_letter
from sakip_eval.rulebook.book import load_rulebook

LINES = {
    "komponen ": "komponen ", "<a": "<a", "predikat + spaces": " ", "Nomor : x + spaces": " ",
    "komponen x menunjukkan ": "komponen x menunjukkan ", "*a ": "*a ", "| ": "| ",
}
PREFIX = {"predikat + spaces": "predikat", "Nomor : x + spaces": "Nomor : x"}
LETTER = (Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "lhe-mojosari-2024.txt").read_text(
    encoding="utf-8")


def letter_seconds(kind: str, size: int) -> float:
    unit = LINES[kind]
    line = PREFIX.get(kind, "") + unit * (size // len(unit)) + "y"
    book = load_rulebook()
    start = time.perf_counter()
    parse_letter(LETTER + line + "\n", book)
    return time.perf_counter() - start


def refusal_seconds(text: bytes) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workspace.yaml"
        path.write_bytes(text)
        start = time.perf_counter()
        with contextlib.suppress(InputError):
            load_document(path)
        return time.perf_counter() - start


def main() -> None:
    print("LHE letter, one long line: seconds at 1 MiB / 4 MiB")
    for kind in LINES:
        small, large = letter_seconds(kind, 2**20), letter_seconds(kind, 4 * 2**20)
        print(f"  {kind!r:28} {small:6.2f} / {large:6.2f}")
    bomb = "b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    cases = {
        f"file of {MAX_BYTES // 2**20} MiB + 1 byte": b"#" * (MAX_BYTES + 1),
        f"list of {MAX_LIST + 1} items": ("a: [" + ", ".join(["0"] * (MAX_LIST + 1)) + "]\n").encode(),
        "alias bomb (10^9 nodes)": bomb.encode(),
        f"nesting {MAX_DEPTH + 1} levels": ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)).encode(),
    }
    print("YAML refused: seconds")
    for name, text in cases.items():
        print(f"  {name:28} {refusal_seconds(text):6.3f}")


if __name__ == "__main__":
    main()
