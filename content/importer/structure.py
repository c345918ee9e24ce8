"""What every format adapter shares: the parsed document, raw sections, heading shapes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from content.importer.text import FENCE, Line

ATX_OPENING = re.compile(r" {0,3}(#{1,6})[ \t]+")  # the rest: see `atx_heading`
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
BULLET = re.compile(r"^(\s*+)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
FRONT_MATTER_KEY = re.compile(r"^(\w[\w-]*):\s*(.*)$")


@dataclass
class RawSection:
    """A fragment of a file, before classification: its title, body lines and context."""

    title: str
    lines: list[Line]
    heading_line: int | None = None
    context: list[str] = field(default_factory=list)  # headings above it, outermost first
    topic_title: str | None = None  # subject it belongs to, when not its own title
    context_service_title: str | None = None  # the heading that names its likely service
    strong_context: bool = False  # the heading is a real parent, not a guess
    follows_previous: bool = False  # a lost sub-heading: likely the same subject as before
    original_lines: list[Line] | None = None  # as written, when `lines` were re-indented
    mergeable: bool = False  # an untitled piece: joins the one before when on the same service

    @property
    def line_start(self) -> int:
        return min(self._line_numbers())

    @property
    def line_end(self) -> int:
        return max(self._line_numbers())

    def _line_numbers(self) -> list[int]:
        numbers = [line.no for line in self.lines if not line.blank]
        if self.heading_line is not None:
            numbers.append(self.heading_line)
        return numbers

    @property
    def has_content(self) -> bool:
        return any(not line.blank for line in self.lines)


@dataclass
class Heading:
    index: int  # position in Document.lines
    level: int
    title: str


@dataclass
class Document:
    """A cleaned notes file: numbered lines plus what adapters need to know about them."""

    lines: list[Line]
    front_matter: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, lines: list[Line]) -> Document:
        front_matter, lines = split_front_matter(lines)
        return cls(lines=lines, front_matter=front_matter)

    @cached_property
    def in_fence(self) -> list[bool]:
        """For each line: is it inside a code fence (fence lines count as inside)?"""
        flags, inside, marker = [], False, ""
        for line in self.lines:
            fence = FENCE.match(line.text)
            if fence and (not inside or fence.group(1)[0] == marker):
                flags.append(True)
                inside = not inside
                marker = fence.group(1)[0] if inside else ""
                continue
            flags.append(inside)
        return flags

    @cached_property
    def headings(self) -> list[Heading]:
        """ATX and setext headings outside code fences."""
        found = []
        for index, line in enumerate(self.lines):
            if self.in_fence[index]:
                continue
            atx = atx_heading(line.text)
            if atx:
                found.append(Heading(index, atx[0], clean_title(atx[1])))
                continue
            underline = SETEXT_UNDERLINE.match(line.text)
            if underline and index > 0 and self._is_setext_text(index - 1):
                level = 1 if underline.group(1)[0] == "=" else 2
                found.append(Heading(index - 1, level, clean_title(self.lines[index - 1].text)))
        return found

    def _is_setext_text(self, index: int) -> bool:
        text = self.lines[index].text
        previous_blank = index == 0 or self.lines[index - 1].blank
        return (
            bool(text.strip())
            and previous_blank
            and not self.in_fence[index]
            and not BULLET.match(text)
            and not atx_heading(text)
            and not text.lstrip().startswith(("|", ">"))
            and len(text) <= 120
        )

    @cached_property
    def heading_levels(self) -> Counter:
        return Counter(heading.level for heading in self.headings)

    @cached_property
    def content_lines(self) -> list[Line]:
        return [line for line in self.lines if not line.blank]

    def body_lines(self, start: int, end: int) -> list[Line]:
        """Lines start..end (indexes), without heading lines and setext underlines."""
        skip = self.heading_line_indexes
        return [
            line for index, line in enumerate(self.lines[start:end], start) if index not in skip
        ]

    @cached_property
    def heading_line_indexes(self) -> frozenset[int]:
        """Indexes of lines that are headings or setext underlines."""
        indexes = set()
        for heading in self.headings:
            indexes.add(heading.index)
            following = heading.index + 1
            if following < len(self.lines) and SETEXT_UNDERLINE.match(self.lines[following].text):
                indexes.add(following)
        return frozenset(indexes)


def atx_heading(text: str) -> tuple[int, str] | None:
    r"""(level, title) of an ATX heading line (`## Title ##`), else None.

    What `^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$` matched, without its retries: the
    lazy title tried the closing `[ \t]+#+` and `[ \t]*$` at every position, scanning each run
    of blanks again from every blank in it.
    """
    opening = ATX_OPENING.match(text)
    if opening is None:
        return None
    level, start = len(opening.group(1)), opening.end()
    if start == len(text):  # only blanks after the hashes: the title is the last of them
        return (level, text[-1]) if start - opening.end(1) >= 2 else None
    end = len(text.rstrip(" \t"))
    hashes = len(text[:end].rstrip("#"))  # where a closing run of hashes starts, if any
    if start + 1 < hashes < end and text[hashes - 1] in " \t":
        end = len(text[:hashes].rstrip(" \t"))  # `## Title ##`: the closing run is not title
    return level, text[start:end]


def split_front_matter(lines: list[Line]) -> tuple[dict[str, str], list[Line]]:
    """Strip a YAML front-matter block (`---` … `---` at the top) and return its keys."""
    content = [line for line in lines if not line.blank]
    if not content or content[0].text.strip() != "---":
        return {}, lines
    start = lines.index(content[0])
    for end in range(start + 1, min(len(lines), start + 40)):
        if lines[end].text.strip() in ("---", "..."):
            keys = {}
            for line in lines[start + 1 : end]:
                match = FRONT_MATTER_KEY.match(line.text.strip())
                if not match:
                    return {}, lines  # not front matter after all
                keys[match.group(1).lower()] = match.group(2).strip().strip("\"'")
            return keys, lines[end + 1 :]
    return {}, lines


EMPHASIS_OPENER = re.compile(r"[*_](?=\S)")


def clean_title(text: str) -> str:
    """A heading's text without Markdown emphasis, escapes or trailing colon."""
    text = "\n".join(_without_emphasis(line) for line in text.strip().split("\n"))
    text = text.replace("**", "").replace("\\", "").strip()
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(":").strip()


def _without_emphasis(line: str) -> str:
    r"""`**bold**`, `*em*`, `__em__` → their text: what `(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1`
    replaced with its second group. By hand, because from every opening run that is never
    closed the regex searched to the end of the line (quadratic on `*a *a *a …`); here a
    delimiter found unclosed once is not searched for again."""
    out: list[str] = []
    copied = position = 0
    unclosed: dict[str, int] = {}  # delimiter -> no closing one at or after this index
    while opener := EMPHASIS_OPENER.search(line, position):
        start, char = opener.start(), opener.group()
        run = line[start : start + 3]
        for length in range(len(run) - len(run.lstrip(char)), 0, -1):  # longest first
            inner = start + length
            if inner == len(line) or line[inner].isspace():
                continue
            delimiter = char * length
            # `(?:.*?\S)?` is greedy: a one-character inner text is the last resort.
            close = _closing(line, delimiter, inner + 2, unclosed)
            if close is None and line.startswith(delimiter, inner + 1):
                close = inner + 1
            if close is not None:
                out += [line[copied:start], line[inner:close]]
                copied = position = close + length
                break
        else:
            position = start + 1
    out.append(line[copied:])
    return "".join(out)


def _closing(line: str, delimiter: str, start: int, unclosed: dict[str, int]) -> int | None:
    """The first `delimiter` at or after `start` that follows a non-blank, or None."""
    if unclosed.get(delimiter, len(line) + 1) <= start:
        return None
    found = line.find(delimiter, start)
    while found >= 0 and line[found - 1].isspace():
        found = line.find(delimiter, found + 1)
    if found < 0:
        unclosed[delimiter] = start
        return None
    return found


SENTENCE_END = re.compile(r"[.,;!]$|\.\)$")
STUDY_PROMPT = re.compile(r"^(?:describe|discuss|explain|compare|outline|list)\b", re.I)
LEAD_IN = re.compile(
    r"^(?:the|here|where|this|these|that|for example|e\.g|note|output|result)\b", re.I
)
SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "vs",
    "with",
}


def looks_like_title(text: str, *, max_words: int = 12) -> bool:
    """A short standalone line that reads as a title rather than a sentence or list item."""
    stripped = text.strip()
    if not stripped or BULLET.match(text) or stripped.startswith(("|", ">", "```", "<", "!", "$")):
        return False
    if text.startswith(("    ", "\t")):
        return False
    if stripped.endswith("?"):
        return len(stripped) <= 300
    if STUDY_PROMPT.match(stripped) and "?" in stripped:
        return len(stripped) <= 500
    if SENTENCE_END.search(stripped) or "=" in stripped:
        return False
    words = stripped.rstrip(":").split()
    if stripped.endswith(":") and not _title_case(words):
        return False  # a sentence lead-in ("The formula is:"), not a sub-heading
    if len(words) > max_words or len(stripped) > 90:
        return False
    first = stripped.lstrip("*_`\"'(")[:1]
    return first.isupper() or first.isdigit()


def _title_case(words: list[str]) -> bool:
    """Short and capitalized like a heading: "Key Concepts", "Read Capacity Units (RCU)"."""
    if not words or len(words) > 7 or LEAD_IN.match(" ".join(words)):
        return False
    content = [word.strip("*_(`") for word in words if word.lower() not in SMALL_WORDS]
    capitalized = [word for word in content if word[:1].isupper() or word[:1].isdigit()]
    return len(capitalized) >= max(1, 0.6 * len(content))


def title_text(text: str) -> str:
    """A title line as a title: a long study prompt is cut to its first sentence."""
    text = text.strip().strip("*_").rstrip(":").strip()
    if len(text) > 120:
        first = re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]
        text = first.rstrip(".")
    return text


def is_standalone(lines: list[Line], index: int) -> bool:
    """The line has a blank line (or the edge of the block) on both sides."""
    before = index == 0 or lines[index - 1].blank
    after = index + 1 >= len(lines) or lines[index + 1].blank
    return before and after
