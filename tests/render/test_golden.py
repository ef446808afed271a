"""Our rendering of items.json against citeproc-js's, style by style.

The golden files (tests/render/data/golden/, see the README there) hold what
citeproc-js makes of the 162 items of tests/render/data/items.json in 17
official styles. Each style here is rendered through refmanager.render.api
with the whole set registered and the en-US locale, which the oracle forces on
every style (render-set.js builds each engine with lang "en-US", forced: MHRA and
Nature, whose default locale is en-GB, are in en-US there too), each bibliography
entry asked for alone (as render-set.js asks citeproc-js, so no entry follows another
and subsequent-author-substitute never applies), and every string is compared after the
normalisation the oracle's compare.py applies: HTML entities unescaped,
whitespace runs (no-break and thin spaces too) made one space, the ends
stripped, and citeproc-js's outer `<div class="csl-entry">` removed.

A string that differs must be listed in golden_known_differences.txt
(`style id field  # reason`); a listed one that now matches fails too, so
the list shrinks as the engine grows. Regenerate it with
`python tests/render/update_known_differences.py`.

Each built-in named style that runs a CSL style (styles/apa.toml...) is
rendered the way `refman cite --style NAME` renders it and held to the golden
file, and the known differences, of the CSL style it runs.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ITEMS = HERE / "data" / "items.json"
GOLDEN = HERE / "data" / "golden"
KNOWN_DIFFERENCES = HERE / "golden_known_differences.txt"
STYLES = sorted(path.stem for path in GOLDEN.glob("*.json"))

_WHITESPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ENTRY_DIV = re.compile(r'^<div class="csl-entry">(.*)</div>$', re.S)
# Field of the golden files -> (format, key of a cite_report row).
FIELDS = {"bib_text": ("text", "bibliography"), "bib_html": ("html", "bibliography"),
          "cite_text": ("text", "citation"), "cite_html": ("html", "citation"),
          "note_short_text": ("text", "short_note"), "note_short_html": ("html", "short_note")}


def normalise(text: str | None) -> str | None:
    """compare.py's normalisation: entities, whitespace, the entry's div."""
    if text is None:
        return None
    text = _WHITESPACE.sub(" ", html.unescape(str(text))).strip()
    wrapped = _ENTRY_DIV.match(text)
    return wrapped.group(1).strip() if wrapped else text


def golden(style: str) -> dict[str, dict[str, str]]:
    return json.loads((GOLDEN / f"{style}.json").read_text(encoding="utf-8"))[style]


def items() -> list[dict]:
    return json.loads(ITEMS.read_text(encoding="utf-8"))


def render(style: str, make_formatter=None) -> dict[str, dict[str, str]]:
    """Our strings for every item and golden field; an error becomes the string
    "error: ..." so that it counts as a difference for that string only.
    `make_formatter`: how a style name becomes an engine (default: api.formatter)."""
    from refmanager.render.api import formatter

    rendered: dict[str, dict[str, str]] = {}
    for format in ("text", "html"):
        try:
            engine = (make_formatter or formatter)(items(), style, locale="en-US")
        except Exception as error:  # noqa: BLE001 - the engine is young; a crash is a difference
            _fill(rendered, [item["id"] for item in items()], format, f"error: {error!r}")
            continue
        for item_id, row in _rows(engine, format).items():
            for key, value in row.items():
                rendered.setdefault(item_id, {})[_field(key, format)] = value
    return rendered


def _rows(engine, format: str) -> dict[str, dict[str, str]]:
    from refmanager.render.processor import Cite

    processor = engine.processor
    entries = {}
    for item_id in engine.ids:  # one entry at a time, as render-set.js asks citeproc-js
        try:
            entries.update(processor.bibliography(format=format, select=[item_id]))
        except Exception as error:  # noqa: BLE001
            entries[item_id] = f"error: {error!r}"
    positions = {"citation": "first", "short_note": "subsequent"} if engine.is_note_style \
        else {"citation": None}
    rows = {}
    for item_id in engine.ids:
        row = {"bibliography": entries.get(item_id, "")}
        for key, position in positions.items():
            try:
                row[key] = processor.citation([Cite(id=item_id)], format=format, position=position)
            except Exception as error:  # noqa: BLE001
                row[key] = f"error: {error!r}"
        rows[item_id] = row
    return rows


def _field(key: str, format: str) -> str:
    return next(name for name, spec in FIELDS.items() if spec == (format, key))


def _fill(rendered: dict, ids: list[str], format: str, text: str) -> None:
    for item_id in ids:
        for name, (field_format, _key) in FIELDS.items():
            if field_format == format:
                rendered.setdefault(item_id, {})[name] = text


def differences(style: str, ours: dict | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """(id, field) -> (expected, got) for every golden string we do not match
    (`ours`: what `render(style)` gave, when already rendered)."""
    ours = render(style) if ours is None else ours
    found = {}
    for item_id, fields in golden(style).items():
        for name, expected in fields.items():
            got = ours.get(item_id, {}).get(name)
            if normalise(expected) != normalise(got):
                found[(item_id, name)] = (normalise(expected), normalise(got))
    return found


def read_known_differences() -> dict[str, dict[tuple[str, str], str]]:
    """style -> (id, field) -> reason, from golden_known_differences.txt."""
    listed: dict[str, dict[tuple[str, str], str]] = {}
    for line in KNOWN_DIFFERENCES.read_text(encoding="utf-8").splitlines():
        entry, _, reason = line.partition("#")
        if not entry.strip():
            continue
        style, item_id, name = entry.split()
        listed.setdefault(style, {})[(item_id, name)] = reason.strip()
    return listed


def test_the_item_set_is_large_and_varied():
    # The issue asks for at least 150 items covering every item type the styles handle.
    set_ = items()
    assert len(set_) >= 150
    assert len({item["type"] for item in set_}) >= 40
    assert len({item["id"] for item in set_}) == len(set_)


def test_every_golden_file_covers_every_item():
    ids = {item["id"] for item in items()}
    for style in STYLES:
        assert set(golden(style)) == ids, style


def test_known_differences_name_golden_styles_ids_and_fields():
    ids = {item["id"] for item in items()}
    for style, entries in read_known_differences().items():
        assert style in STYLES
        for item_id, name in entries:
            assert item_id in ids and name in FIELDS, (style, item_id, name)


@pytest.mark.parametrize("style", STYLES, ids=[f"{style} renders as citeproc-js does" for style in STYLES])
def test_style_matches_the_golden_file_except_known_differences(style):
    assert_only_known_differences(style, differences(style))


def named_csl_styles() -> dict[str, str]:
    """Each built-in named style that runs a CSL style with a golden file: name -> CSL id."""
    from refmanager.render.named_styles import built_in_folder, load_named_style

    styles = [load_named_style(path, built_in=True) for path in sorted(built_in_folder().glob("*.toml"))]
    return {style.name: style.csl for style in styles if style.csl in STYLES}


@pytest.mark.parametrize("name, csl", named_csl_styles().items(),
                         ids=[f"named style {name} renders as the golden {csl}"
                              for name, csl in named_csl_styles().items()])
def test_named_style_matches_the_golden_file_of_the_csl_style_it_runs(name, csl, monkeypatch, tmp_path):
    # Through the path `refman cite --style NAME` takes: its locale and options
    # (apa's sentence case is for BibTeX and RIS records; these items are CSL-JSON).
    from refmanager.render.style_choice import formatter_for

    monkeypatch.delenv("REFMAN_STYLES", raising=False)  # the built-in style, not a user's own
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))

    assert_only_known_differences(csl, differences(csl, render(name, formatter_for)))


def test_every_built_in_csl_named_style_has_a_golden_file():
    assert set(named_csl_styles()) >= {"apa", "chicago-author-date", "chicago-notes",
                                       "chicago-author-date-17", "chicago-notes-17"}


def assert_only_known_differences(style: str, found: dict) -> None:
    """Every difference is listed for `style`, and every listed one still differs."""
    listed = read_known_differences().get(style, {})
    new = sorted(set(found) - set(listed))
    fixed = sorted(set(listed) - set(found))
    message = [f"{style} {item_id} {name}: expected {found[(item_id, name)][0]!r}, "
               f"got {found[(item_id, name)][1]!r}" for item_id, name in new[:20]]
    message += [f"{style} {item_id} {name} now matches: remove it from "
                f"{KNOWN_DIFFERENCES.name}" for item_id, name in fixed[:20]]
    assert not new and not fixed, "\n".join(message)
