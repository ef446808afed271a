"""Title text without the debris of exports: stray whitespace (inside brackets too),
the invisible characters of a web page, doubled punctuation, HTML entities and
tags, LaTeX left undecoded, a colon with nothing after it, curly quotation marks
that open with a closing mark, literal braces that a converter escaped
(`\\{CRF\\}`) where they protected a word's case.

Crossref and the databases that copy it write JATS tags into titles
(`<scp>UK</scp>`, `<italic>E. coli</italic>`); they become the model's rich text.

biblatex's subtitles and title addenda (`subtitle`, `booksubtitle`, `titleaddon`...)
have no place in the model and are kept verbatim; they are cleaned as titles
are, as changes of their source text (`bibtex:subtitle`), where it is one brace
group that the cleaned text can replace (not a macro or a `#` concatenation).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from refmanager import richtext
from refmanager.changes import Change, verbatim_field
from refmanager.io.bibtex.verbatim import title_group, title_group_text, verbatim_titles
from refmanager.latex.decode import decode
from refmanager.model import Record, RecordId
from refmanager.normalize.identifiers import INVISIBLE
from refmanager.normalize.pipeline import RecordStep

_HTML_TAGS = {"<em>": richtext.ITALIC_OPEN, "</em>": richtext.ITALIC_CLOSE,
              "<strong>": richtext.BOLD_OPEN, "</strong>": richtext.BOLD_CLOSE,
              # JATS, as Crossref gives titles
              "<italic>": richtext.ITALIC_OPEN, "</italic>": richtext.ITALIC_CLOSE,
              "<bold>": richtext.BOLD_OPEN, "</bold>": richtext.BOLD_CLOSE,
              "<scp>": richtext.SMALL_CAPS_OPEN, "</scp>": richtext.SPAN_CLOSE}
# A title cut after its colon or semicolon ("...and development: "): the mark goes.
_DANGLING_MARK = re.compile(r"\s*[:;,]\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Only before a comma or full stop: French puts a space before : ; ! and ? on purpose.
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.])(?=\s|$)")
_SPACE_ON_THE_WRONG_SIDE = re.compile(r"\s+([,;])(?=\w)")  # `word ,next`: `word, next`
# `( Short Paper )`, and the ACL Anthology's translated titles `(Dialogue with Molière )`
_SPACE_INSIDE_BRACKETS = re.compile(r"(?<=[(\[])\s+|\s+(?=[)\]])")
# Doubled commas, semicolons, colons and full stops are slips; "!!!" and "?!" are a
# title's own ("Arrrgghh!!!"), and so is ".." before them ("Did You Know..?").
_DOUBLED_PUNCTUATION = re.compile(r"([,;:])\1+|(?<!\.)\.\.(?![.?!])")
# Copied titles often open a quotation with a closing mark (`”Fruity” Smells`), which
# every style then prints as it stands (citeproc-js too: `“”Fruity” Smells.”`).
_CLOSING_MARK_THAT_OPENS = re.compile(r"(^|[\s(\[—–-])”(?=\S)")
_DOUBLE_QUOTE = re.compile(r"\s*([“”])\s*")
# Other conventions close with “ (German „…“) or use guillemets: left as written.
_OTHER_QUOTATION_STYLES = ("„", "«", "»", "‚")


# `\{CRF\}` in a BibTeX title reads as the literal text `{CRF}`: a converter escaped the
# braces that protected the word's case (the ACL Anthology file has 35,000 of them).
_ESCAPED_PROTECTION = re.compile(r"\{([\w][\w\-.'’&+ ]*)\}")


def _braces_as_protection(text: str) -> str:
    """Literal braces around a word (outside any markup) as the case protection they
    were written for: `Using {CRF}` → `Using <span class="nocase">CRF</span>`."""
    pieces, depth = richtext.split(text), 0
    for index, piece in enumerate(pieces):
        if index % 2:
            depth += -1 if piece.startswith("</") else 1
        elif depth == 0 and "{" in piece:
            pieces[index] = _ESCAPED_PROTECTION.sub(lambda match: richtext.protect(match.group(1)), piece)
    return "".join(pieces)


# The break and layout hints of the web page a title was copied from ("Crackdown\u200b").
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def clean_title_text(title: str) -> str:
    """The title without stray whitespace, doubled punctuation, HTML entities, HTML
    and JATS tags outside the rich-text vocabulary, LaTeX left undecoded, or a colon,
    semicolon or comma at its end."""
    text = title if title.isascii() else _INVISIBLE.sub("", title)
    if "\\" in text and "<" not in text:  # LaTeX never decoded (a decoded title has tags, not braces)
        text = decode(text, protect=True)
    if "&" in text and ";" in text:
        text = html.unescape(text)
    for tag, rich in _HTML_TAGS.items():
        text = text.replace(tag, rich)
    text = _BREAK.sub(" ", text)
    if "{" in text:
        text = _braces_as_protection(text)
    text = _DOUBLED_PUNCTUATION.sub(lambda match: match.group()[0], text)
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _SPACE_ON_THE_WRONG_SIDE.sub(r"\1 ", text)
    text = _SPACE_INSIDE_BRACKETS.sub("", text)
    text = _DANGLING_MARK.sub("", text)
    if "”" in text:
        text = _repair_double_quotes(text)
    return " ".join(text.split())


def _repair_double_quotes(text: str) -> str:
    """Quotation marks paired as English pairs them, “ then ”, with no space inside
    a pair (`“ Alone Together ?”` → `“Alone Together ?”`); a title whose marks would
    not pair so is left as written."""
    if any(mark in text for mark in _OTHER_QUOTATION_STYLES):
        return text
    repaired = _CLOSING_MARK_THAT_OPENS.sub(r"\1“", text)
    marks = [mark for mark in repaired if mark in "“”"]
    if marks != ["“", "”"] * (len(marks) // 2):
        return text
    return _DOUBLE_QUOTE.sub(_spaced_outside, repaired)


def _spaced_outside(match: re.Match) -> str:
    """An opening mark keeps the space before it and a closing one the space after it."""
    whole, mark = match.group(), match.group(1)
    before = " " if mark == "“" and whole[0].isspace() else ""
    after = " " if mark == "”" and whole[-1].isspace() else ""
    return before + mark + after


class CleanTitleText(RecordStep):
    """Titles without stray whitespace, doubled punctuation, HTML or leftover LaTeX."""

    def candidates(self, records: list[Record]) -> set[int]:
        # container titles repeat (every paper of a proceedings names it): tested once each
        containers: dict[str, bool] = {}
        return {position for position, record in enumerate(records)
                if (record.title and _might_need_cleaning(record.title)) or (
                    (container := record.container_title) and (containers[container] if container in containers
                    else containers.setdefault(container, _might_need_cleaning(container))))
                or record.foreign and any(_might_need_cleaning(_inside(raw)) for _name, raw in verbatim_titles(record))}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        for name, value in (("title", record.title), ("container-title", record.container_title)):
            if value and _might_need_cleaning(value):
                new = _cleaned_title_text(value)
                if new != value:
                    yield self.change(record_id, record, name, new, f"{name} as written: {value!r}")
        if record.foreign:
            yield from self._check_verbatim_titles(record_id, record)

    def _check_verbatim_titles(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        """Subtitles and title addenda, kept verbatim: cleaned where their text can be
        written back as it reads (in ASCII if the entry is, as the writer would)."""
        origin = record.origin
        ascii = origin is not None and origin.format == "bibtex" and bool(origin.raw) and origin.raw.isascii()
        for name, raw in verbatim_titles(record):
            value = title_group_text(raw) if _might_need_cleaning(_inside(raw)) else None
            if value and _might_need_cleaning(value):
                new = title_group(_cleaned_title_text(value), ascii)
                if new is not None and new != raw and title_group_text(new) != value:
                    yield self.change(record_id, record, verbatim_field(name), new, f"{name} as written: {value!r}")


def _inside(raw: str) -> str:
    """A verbatim field's source text inside its braces (for a cheap first test)."""
    return raw.strip()[1:-1]


# A file's container titles repeat (every paper of a proceedings volume names it), and a
# title with rich-text tags, as most with a braced word are, always goes through cleaning.
_cleaned_title_text = lru_cache(maxsize=20_000)(clean_title_text)


def _might_need_cleaning(text: str) -> bool:
    return ("  " in text or text != text.strip() or text[-1:] in ":;," or "\\" in text or "&" in text or "<" in text
            or ".." in text or " ," in text or " ." in text or ",," in text or "::" in text
            or ";;" in text or "??" in text or "!!" in text or "\n" in text or "\t" in text or "”" in text
            or "( " in text or " )" in text or "[ " in text or " ]" in text or "{" in text
            or not text.isascii() and _INVISIBLE.search(text) is not None)
