"""Reading a notes file: decoding, mojibake repair, and dropping lines that are not notes.

Every later step works on `Line`s that keep their 1-based physical line number, so a
section always knows where in the file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy


class NotesError(Exception):
    """A notes file that cannot be imported; the message says why."""


@dataclass(frozen=True, slots=True)
class Line:
    no: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


FENCE = re.compile(r"^\s*+(?:-\s++)?(`{3,}|~{3,})\s*([\w+#.-]*)")


def decode(data: bytes) -> str:
    """Decode a notes file; binary or non-UTF-8 content is refused with the reason."""
    if not data:
        raise NotesError("the file is empty")
    if not data.strip():
        raise NotesError("the file holds only blank space")
    nul = data.find(b"\x00")  # anywhere: PostgreSQL text cannot hold one
    if nul >= 0:
        raise NotesError(f"the file is binary (a NUL byte at offset {nul}), not text notes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotesError(
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair(text: str) -> str:
    """Undo mojibake (UTF-8 read as Mac Roman or Windows-1252) over the whole document.

    ftfy needs the whole text for evidence: line by line it misses short lines, and
    `fix_text` would also "uncurl" genuine quotes, so only `fix_encoding` is used.
    """
    if text.isascii():
        return text
    return ftfy.fix_encoding(text)


# Lines that are residue of where the notes were copied from, not notes. These run on every
# line, however long, so each is linear in it: no regex gives back blanks to a second `\s*`
# (hence `\s*+`) or searches unanchored for a pattern that starts with a run of blanks.
COPY_BUTTON = re.compile(r"^\s*+([\w+#-]*)\s*+Copy code\s*$", re.I)  # ChatGPT's code header
LANGUAGE_LABEL = re.compile(
    r"^\s*+(yaml|yml|json|bash|sh|shell|python|javascript|typescript|java|go|ruby|sql|xml|html)\s*$",
    re.I,
)
ARTIFACT_LINES = [
    re.compile(r"^\s*+<!--.*?-->\s*$"),  # HTML comments (Gemini "end list")
    re.compile(r"^\s*+[-*+]\s*$"),  # empty bullets
    re.compile(r"^\s*+(?:[-*]\s*)?(?:\[(?:Info|Learn more|Pricing)\]\(#\)\s*)+$"),
    re.compile(r"^\s*+(?:[▾▴⚠←→+]\s*)?(?:Results|Add filter|Select window|No preference)\s*$"),
    re.compile(r"^\s*+[▾▴]\s*$"),
    re.compile(r"^\s*+!\[[^\]]*\]\((?:img[\w-]*\.png)\)\s*$"),  # images that never existed
]
ARTIFACT_LINE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in ARTIFACT_LINES))
# A watermark runs to the end of the line: "NOT FOR DISTRIBUTION …", "© Holder www.site.com",
# "All rights reserved." (see `_watermark_start`).
WATERMARK_START = re.compile(
    r"NOT FOR DISTRIBUTION\b|(?P<copyright>©)|All rights reserved\.?\s*$", re.I
)
COPYRIGHT_HOLDER = re.compile(r"\s*+(\w)[\w .-]*+")
FOOTNOTE_MARKS = re.compile(r"(?<=[\w\"”’)])[¹²³⁴⁵⁶⁷⁸⁹]+")
EN_DASH_BULLET = re.compile(r"^(\s*+)[–—]\s+")


def clean_lines(text: str) -> list[Line]:
    """Split into numbered lines and drop or trim what is not notes (outside code).

    A copy-button header ("yaml Copy code") or a bare language label right before a code
    fence is dropped, and its language goes onto the fence.
    """
    raw_lines = text.split("\n")
    lines = []
    in_fence = False
    language = ""
    for index, raw in enumerate(raw_lines):
        number = index + 1
        line = raw.rstrip()
        if not line:  # nothing below applies to a blank line: the quick way, for many of them
            lines.append(Line(number, raw if in_fence else line))
            continue
        fence = FENCE.match(line)
        if fence:
            if not in_fence and language and not fence.group(2):
                line = f"{line[: fence.end(1)]}{language.lower()}"
            in_fence, language = not in_fence, ""
            lines.append(Line(number, line))
            continue
        copy_button = None if in_fence else COPY_BUTTON.match(line)
        label = copy_button or (None if in_fence else LANGUAGE_LABEL.match(line))
        if label and _next_is_fence(raw_lines, index):
            language = label.group(1)
            continue
        if copy_button:
            continue
        if in_fence:
            lines.append(Line(number, raw.rstrip("\n")))
            continue
        if ARTIFACT_LINE.match(line):
            continue
        watermark = _watermark_start(line)
        stripped = line if watermark is None else line[:watermark].rstrip()
        if watermark is not None and not stripped.strip(" -*"):
            continue  # the whole line was a watermark
        line = FOOTNOTE_MARKS.sub("", stripped)
        line = EN_DASH_BULLET.sub(r"\1- ", line)
        lines.append(Line(number, line))
    return lines


def _watermark_start(line: str) -> int | None:
    r"""Where a watermark starts in the line (it always runs to the end), or None.

    What `\s*(?:NOT FOR DISTRIBUTION\b.*|©\s*\w[\w .-]*(?:www\.\S+)?\s*$|All rights
    reserved\.?\s*$)` matched, without its retries: on "© a" and a long run of blanks it
    scanned the run again from every blank in it.
    """
    end = len(line.rstrip())
    last_word = None  # where the line's last word starts: needed after a © only
    for found in WATERMARK_START.finditer(line, 0, end):
        if not found.group("copyright"):
            return found.start()
        if last_word is None:
            last_word = end - len(line[:end].rsplit(None, 1)[-1])
        if _copyright_notice(line, found.end(), end, last_word):
            return found.start()
    return None


def _copyright_notice(line: str, start: int, end: int, last_word: int) -> bool:
    r"""`line[start:end]`, after a ©, is `\s*\w[\w .-]*(?:www\.\S+)?`: a holder's name,
    perhaps ending in a web address. `last_word` is where the line's last word starts."""
    holder = COPYRIGHT_HOLDER.match(line, start, end)
    if holder is None:
        return False
    if holder.end() == end:
        return True
    # Else the address must run, without blanks, to the end. Only the name's last `www.`
    # needs trying: an address that starts at an earlier one contains it.
    site = line.rfind("www.", holder.start(1) + 1, holder.end())
    return site >= 0 and last_word <= site + 4 < end


def _next_is_fence(raw_lines: list[str], index: int) -> bool:
    for following in raw_lines[index + 1 : index + 4]:
        if following.strip():
            return bool(FENCE.match(following))
    return False
