"""The one output sanitiser: text from users' files never reaches a terminal, a document or a spreadsheet
as control characters.

Workspace files, letters, workbooks, folder names and history rows are written by others. A string in
them can hold an escape sequence (ESC ] 0 ; sets the terminal title, ESC [ 2 J clears the screen, OSC 8
hides a link), a bare CR or a newline that forges an output line, or a bidi override (U+202E) that shows
text reversed. Every renderer passes user text through :func:`visible`: message parameters (in
:func:`sakip_eval.i18n.t`), error messages, terminal tables (:mod:`sakip_eval.render.console`), Markdown
and HTML reports, CSV and the LKE workbook:

- line breaks and tabs (LF, CR, TAB, VT, FF, NEL, U+2028, U+2029) become one space: a text stays on its
  line and in its cell (`keep_lines=True` keeps LF, for spreadsheet cells that hold several lines);
- other C0 controls, DEL and C1 controls are shown as `\\x1b`, `\\x7f`, `\\x9b`;
- bidi controls and the invisible characters that reorder, join or hide text are shown as `<U+202E>`;
  noncharacters U+FFFE and U+FFFF, which XML refuses, likewise.

JSON keeps the data exactly and escapes as JSON does (:func:`json_escape`): the same characters become
`\\u001b`, `\\u202e`, so the parsed value is unchanged and the bytes hold no control character.
"""

from __future__ import annotations

import re

# Characters that end a line (or a cell), and the invisible format characters that reorder or hide text.
_BREAKS = "\t\n\v\f\r\x85\u2028\u2029"
_FORMAT = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff"
UNSAFE = re.compile(f"[{_BREAKS}]+|[\x00-\x1f\x7f-\x9f{_FORMAT}]")
_UNSAFE_IN_LINES = re.compile(f"\r\n?|[{_BREAKS.replace(chr(10), '')}]+|[\x00-\x09\x0b-\x1f\x7f-\x9f{_FORMAT}]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{_FORMAT}]")


def _show(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] == "\r" and found in ("\r", "\r\n") and match.re is _UNSAFE_IN_LINES:
        return "\n"
    if found[0] in _BREAKS:
        return " "
    code = ord(found)
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"


def visible(text: str, keep_lines: bool = False) -> str:
    """`text` as plain characters: breaks become a space (LF stays with `keep_lines`, CR and CRLF become LF),
    other control and format characters a visible escape."""
    return (_UNSAFE_IN_LINES if keep_lines else UNSAFE).sub(_show, text)


def json_escape(document: str) -> str:
    """JSON text with DEL, C1 controls, line separators and bidi controls written as `\\uXXXX` escapes (JSON
    itself escapes C0 controls). These characters only occur inside strings of a JSON document, where the
    escape reads back as the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
