"""Fuzzing the commands that write: `followup set`, `followup import`, `import-lke`, `import-lkjip --merge`
and `report -o`.

The file a writer edits is first restyled the ways people write YAML (CRLF or CR-less line ends, a BOM,
`%YAML` and `---`, comments between lines and after values, flow or block records, four-space or
unindented lists, quoted and wrapped texts, aliases, no final newline) and may carry odd values; the
writer gets odd arguments (unknown ids, hostile notes, bad statuses) or a mutated letter, workbook or LKjIP.
Every case ends with exit 0 or 2, no traceback, no control character in the output, within the hang
alarm. A refused case changes no byte of the workspace. A case that wrote leaves a workspace every
command reads, only the file the command owns changed (or the report), no line of it deleted, and no
temporary file anywhere.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from sakip_eval.io.workspace import STATE_DIR, load_workspace

from .conftest import EVIDENCE, Result
from .fuzzing import CONTROL, SEED, count, examples, guarded
from .test_fuzz_documents import ODD_TEXT, letters, lkjips, workbooks

pytestmark = pytest.mark.slow

WORKSPACE = EVIDENCE / "mojosari-2025"
IDS = ["a", "b", "c", "d", "e", "f", "z", "A", "a.1", ""]
EVIDENCE_IDS = ["renja-2024", "pk-2024", "lkjip-2024", "tidak-ada", "../x", "a,b", ""]
STATUSES = ["belum", "proses", "selesai", "tidak-dapat", "sudah", "", "SELESAI"]
# The file each writer edits (`report` edits none: its restyled followup.yaml is read).
EDITS = {"set": "followup.yaml", "import": "followup.yaml", "import-lke": "assessment.yaml",
         "import-lkjip": "lkjip.yaml", "report": "followup.yaml"}


@st.composite
def restyled(draw: st.DrawFn, text: str) -> str:
    """`text` (a bundled YAML file) written another way that YAML reads the same, or nearly."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        style = draw(st.sampled_from(["comment", "eol_comment", "blank", "indent_list", "quote", "wrap", "alias"]))
        line = lines[at]
        if style == "comment":
            lines.insert(at, " " * (len(line) - len(line.lstrip())) + "# catatan tim: " + draw(ODD_TEXT)[:40])
        elif style == "eol_comment" and ":" in line and "#" not in line and not line.rstrip().endswith(":"):
            lines[at] = line + "  # dicek"
        elif style == "blank":
            lines.insert(at, "")
        elif style == "indent_list" and line.lstrip().startswith("- "):
            lines[at] = "  " + line
        elif style == "quote" and "text: " in line and '"' not in line:
            head, _, value = line.partition("text: ")
            lines[at] = f'{head}text: "{value}"'
        elif style == "wrap" and "text: " in line and len(line) > 60 and '"' not in line:
            cut = line.rfind(" ", 0, 60)
            indent = " " * (len(line) - len(line.lstrip()) + 2)
            lines[at] = line[:cut] + "\n" + indent + line[cut + 1:]
        elif style == "alias" and "evidence: [" in line:
            lines[at] = line.replace("evidence: [", f"evidence: &e{at} [", 1)
    result = "\n".join(lines)
    if draw(st.booleans()):
        result = "%YAML 1.2\n---\n" + result
    if draw(st.booleans()):
        result = result.rstrip("\n")
    if draw(st.booleans()):
        result = result.replace("\n", "\r\n")
    if draw(st.booleans()):
        result = "\ufeff" + result
    return result


@st.composite
def writer_cases(draw: st.DrawFn) -> tuple[str, str, list[str], bytes | None]:
    """(command, file it edits, its new text, the document it reads)."""
    command = draw(st.sampled_from(["set", "set", "import", "import-lke", "import-lkjip", "report"]))
    text = draw(restyled((WORKSPACE / EDITS[command]).read_text(encoding="utf-8")))
    if command == "set":
        args = ["followup", "{ws}", "set", draw(st.sampled_from(IDS)), "--status", draw(st.sampled_from(STATUSES))]
        for _ in range(draw(st.integers(0, 2))):
            args += ["--evidence", draw(st.sampled_from(EVIDENCE_IDS))]
        if draw(st.booleans()):
            args += ["--note", draw(st.one_of(ODD_TEXT, st.text(max_size=30)))]
        if draw(st.booleans()):
            args += ["--by", draw(st.one_of(ODD_TEXT, st.text(max_size=10)))]
        return "set", text, args, None
    if command == "import":
        if draw(st.booleans()):
            text = draw(st.sampled_from(["", "# kosong\n", "source:\n  number: x\n", "recommendations: []\n", text]))
        document = draw(st.one_of(st.just((Path(__file__).parent / "fixtures" / "lhe-mojosari-2024.txt").read_bytes()),
                                  letters()))
        return "import", text, ["followup", "{ws}", "import", "{doc}"], document
    if command == "import-lke":
        return "import-lke", text, ["import-lke", "{doc}", "{ws}"], draw(workbooks())
    if command == "import-lkjip":
        return "import-lkjip", text, ["import-lkjip", "{doc}", "{ws}", "--merge"], draw(lkjips("txt"))
    target = draw(st.sampled_from(["{tmp}/r.md", "{tmp}/r.html", "{tmp}/link.md", "{tmp}/folder", "{ws}/r.md"]))
    fmt = {"md": "md", "html": "html"}.get(target.rsplit(".", 1)[-1], "md")
    return "report", text, ["report", "{ws}", "--format", fmt, "-o", target], None


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and STATE_DIR not in p.parts}


@settings(max_examples=examples("writers"), deadline=None, derandomize=SEED is None, database=None,
          suppress_health_check=list(HealthCheck))
@seed(int(SEED or 0))
@given(case=writer_cases())
def test_a_write_leaves_a_workspace_the_tool_reads_or_nothing(run: Callable[..., Result],
                                                              case: tuple[str, str, list[str], bytes | None]) -> None:
    kind, text, args, document = case
    edited = EDITS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        ws, doc = Path(tmp) / "ws", Path(tmp) / ("document.xlsx" if kind == "import-lke" else "document.txt")
        shutil.copytree(WORKSPACE, ws, ignore=shutil.ignore_patterns(STATE_DIR))
        (ws / edited).write_bytes(text.encode("utf-8"))
        (Path(tmp) / "folder").mkdir()
        (Path(tmp) / "link.md").symlink_to(Path(tmp) / "real.md")
        (Path(tmp) / "real.md").write_text("lama", encoding="utf-8")
        if document is not None:
            doc.write_bytes(document)
        before = _files(ws)
        # the placeholders only: a drawn note may hold braces of its own
        argv = [a.replace("{ws}", str(ws)).replace("{doc}", str(doc)).replace("{tmp}", tmp) for a in args]
        with guarded(" ".join(args)):
            result = run(*argv)

        def check() -> None:
            assert result.code in (0, 2), (args, result.code, result.err[-2000:])
            assert "Traceback" not in result.out + result.err
            assert not CONTROL.search(result.out + result.err), result.err[-500:]
            after = _files(ws)
            assert not [p for p in Path(tmp).rglob("*.tmp")], "no temporary file left behind"
            if result.code == 2 or kind == "report":
                assert result.code == 0 or result.err.strip()
                assert {k: v for k, v in after.items() if k != "r.md"} == before
                return
            load_workspace(ws)  # what was written reads back
            # an import also records the letter's years in workspace.yaml's history
            written = {edited, "workspace.yaml"} if kind == "import" else {edited}
            assert {k: v for k, v in after.items() if k not in written} == {
                k: v for k, v in before.items() if k not in written}
            for name in written:
                old, new = before[name].decode("utf-8").splitlines(), after[name].decode("utf-8").splitlines()
                deleted = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
                           if op[0] == "delete"]
                assert not deleted, (name, deleted)

        count(f"write {kind}", result.out + result.err, " ".join(args), check)
