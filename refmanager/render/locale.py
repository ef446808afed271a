"""Locales: terms, date formats and options, with the fallback the spec sets.

The official locale files come from the `citeproc-py` package's data folder
(only its XML files are used). Each file is parsed once and cached. A
`LocaleChain` answers term look-ups in the order of CSL 1.0.2 "Locale
Fallback": the style's own `<locale>` elements (exact language, then the base
language, then the one without a language), then the locale file of the
language, of its primary dialect, and finally en-US.
"""

from __future__ import annotations

import json
from functools import lru_cache

from refmanager.render.packages import package_folder
from refmanager.render.xmltree import Element, parse_xml

# When a form is missing a term falls back to the next one (spec, "Terms").
_FORM_FALLBACK = {"verb-short": ("verb-short", "verb", "long"),
                  "symbol": ("symbol", "short", "long"),
                  "short": ("short", "long"), "verb": ("verb", "long"),
                  "long": ("long",)}


def _locale_folder():
    return package_folder("citeproc") / "data" / "locales"


@lru_cache(maxsize=1)
def primary_dialects() -> dict[str, str]:
    with (_locale_folder() / "locales.json").open(encoding="utf-8") as handle:
        return json.load(handle)["primary-dialects"]


class LocaleData:
    """The content of one `<locale>`: terms, date formats, style options."""

    def __init__(self, element: Element | None = None) -> None:
        self.terms: dict[tuple, object] = {}
        self.genders: dict[str, str] = {}
        self.dates: dict[str, Element] = {}
        self.options: dict[str, str] = {}
        if element is not None:
            self._read(element)

    def _read(self, element: Element) -> None:
        for child in element.children:
            if child.name == "terms":
                for term in child.find_all("term"):
                    self._read_term(term)
            elif child.name == "date":
                self.dates[child.get("form", "text")] = child
            elif child.name == "style-options":
                self.options.update(child.attrs)

    def _read_term(self, term: Element) -> None:
        name = term.get("name")
        form = term.get("form", "long")
        gender_form = term.get("gender-form", "")
        if term.get("gender"):
            self.genders[name] = term.get("gender")
        single, multiple = term.find("single"), term.find("multiple")
        if single is not None or multiple is not None:
            value = (_term_text(single.text) if single is not None else "",
                     _term_text(multiple.text) if multiple is not None else "")
        else:
            value = _term_text(term.text)
        self.terms[(name, form, gender_form)] = value
        if "match" in term.attrs:
            self.terms[(name, form, gender_form, "match")] = term.get("match")


def _term_text(text: str) -> str:
    """A term's text; layout whitespace around it (a line break) is not part of it."""
    if "\n" in text:
        return text.strip(" \t\r\n")
    return text


@lru_cache(maxsize=None)
def locale_file(language: str) -> LocaleData | None:
    """The official locale file for `language` (e.g. "de-DE"), or None."""
    path = _locale_folder() / f"locales-{language}.xml"
    if not path.is_file():
        return None
    return LocaleData(parse_xml(path.read_bytes()))


def _file_chain(language: str) -> list[str]:
    names = []
    if language:
        names.append(language)
        base = language.split("-")[0]
        dialect = primary_dialects().get(base)
        if dialect:
            names.append(dialect)
    names.append("en-US")
    seen = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


class LocaleChain:
    """Term, date-format and option look-ups through the fallback chain."""

    def __init__(self, language: str, style_locales: list[Element]) -> None:
        self.language = language or "en-US"
        base = self.language.split("-")[0]
        by_lang = {}
        for element in style_locales:
            by_lang.setdefault(element.get("xml:lang", ""), []).append(LocaleData(element))
        layers: list[LocaleData] = []
        for key in (self.language, base, ""):
            layers.extend(by_lang.get(key, []))
        self.style_layers = layers
        self.file_layers = [data for data in map(locale_file, _file_chain(self.language)) if data]
        self.layers = layers + self.file_layers
        self._cache: dict[tuple, object] = {}
        self.options = {}
        for layer in reversed(self.layers):
            self.options.update(layer.options)
        self.punctuation_in_quote = self.options.get("punctuation-in-quote") == "true"
        self.limit_ordinals = self.options.get("limit-day-ordinals-to-day-1") == "true"

    def term(self, name: str, form: str = "long", plural: bool = False,
             gender_form: str = "") -> str | None:
        """The text of a term, or None when no locale defines it."""
        key = (name, form, plural, gender_form)
        if key in self._cache:
            return self._cache[key]
        value = self._find(name, form, gender_form)
        if isinstance(value, tuple):
            value = value[1] if plural else value[0]
        self._cache[key] = value
        return value

    def _find(self, name: str, form: str, gender_form: str):
        for each_form in _FORM_FALLBACK.get(form, (form, "long")):
            for layer in self.layers:
                value = layer.terms.get((name, each_form, gender_form))
                if value is not None:
                    return value
        return None

    def has_term(self, name: str, form: str = "long") -> bool:
        return self._find(name, form, "") is not None

    def gender(self, name: str) -> str:
        for layer in self.layers:
            if name in layer.genders:
                return layer.genders[name]
        return ""

    def date_format(self, form: str) -> Element | None:
        for layer in self.layers:
            if form in layer.dates:
                return layer.dates[form]
        return None

    def ordinal(self, number: int, gender: str = "", long: bool = False) -> str:
        """The ordinal suffix (or long ordinal word) for `number`."""
        if long and 1 <= number <= 10:
            word = self._gendered(f"long-ordinal-{number:02d}", gender)
            if word is not None:
                return word
        return str(number) + (self._ordinal_suffix(number, gender) or "")

    def _gendered(self, name: str, gender: str):
        if gender:
            value = self._find(name, "long", gender)
            if value is not None:
                return value[0] if isinstance(value, tuple) else value
        value = self._find(name, "long", "")
        return value[0] if isinstance(value, tuple) else value

    def _ordinal_layer(self) -> LocaleData | None:
        """The first locale that defines ordinal terms: its set is used whole."""
        for layer in self.layers:
            if any(key[0] == "ordinal" or key[0].startswith("ordinal-") for key in layer.terms):
                return layer
        return None

    def _ordinal_suffix(self, number: int, gender: str) -> str | None:
        layer = self._ordinal_layer()
        if layer is None:
            return None
        for name in self._ordinal_candidates(number):
            for key in ((name, "long", gender), (name, "long", "")):
                if key in layer.terms and _ordinal_applies(name, number,
                                                           layer.terms.get(key + ("match",))):
                    value = layer.terms[key]
                    return value[0] if isinstance(value, tuple) else value
        for key in (("ordinal", "long", gender), ("ordinal", "long", "")):
            if key in layer.terms:
                value = layer.terms[key]
                return value[0] if isinstance(value, tuple) else value
        return None

    @staticmethod
    def _ordinal_candidates(number: int) -> list[str]:
        return [f"ordinal-{number % 100:02d}", f"ordinal-{number % 10:02d}"]


def _ordinal_applies(name: str, number: int, match: str | None) -> bool:
    """CSL 1.0.1 ordinal matching: last-digit, last-two-digits or whole-number."""
    wanted = int(name.split("-")[1])
    if wanted >= 10:
        match = match or "last-two-digits"
        if match == "whole-number":
            return number == wanted
        return number % 100 == wanted
    match = match or "last-digit"
    if match == "whole-number":
        return number == wanted
    if match == "last-two-digits":
        return number % 100 == wanted
    return number % 10 == wanted
