"""Loading a CSL style: its XML parsed once, checked, and its options collected.

The options that CSL lets `<style>`, `<citation>` and `<bibliography>` set for
every `<name>` and `<names>` below them ("inheritable name options") are
gathered here, so the name renderer sees one merged dict per context.
"""

from __future__ import annotations

from pathlib import Path

from refmanager.errors import StyleError
from refmanager.render.xmltree import Element, XMLSyntaxError, parse_xml

KNOWN_ELEMENTS = {
    "style", "info", "citation", "bibliography", "macro", "locale", "layout", "sort", "key",
    "text", "date", "date-part", "number", "names", "name", "name-part", "et-al", "label",
    "substitute", "group", "choose", "if", "else-if", "else", "terms", "term", "single",
    "multiple", "style-options", "title", "title-short", "id", "link", "author", "contributor",
    "name", "email", "uri", "category", "issn", "eissn", "issnl", "summary", "updated",
    "rights", "published", "translator", "documentation", "institution", "conditions",
    "condition", "intext",
}
INFO_ELEMENTS = {"info"}

INHERITABLE_NAME_OPTIONS = (
    "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
    "et-al-use-first", "et-al-use-last", "et-al-subsequent-min", "et-al-subsequent-use-first",
    "initialize", "initialize-with", "name-as-sort-order", "sort-separator", "name-form",
    "name-delimiter", "names-delimiter",
)


def _read_text(source: str | Path) -> tuple[str, str | bytes]:
    """The name to show in messages and the XML text of `source`."""
    if isinstance(source, Path):
        return str(source), source.read_bytes()
    text = source.lstrip()
    if text.startswith("<"):
        return "<style>", source
    path = Path(source)
    if not path.is_file():
        raise StyleError(f"no such style file: {source}", str(source), 0)
    return str(path), path.read_bytes()


def _check_elements(element: Element, path: str) -> None:
    if element.name not in KNOWN_ELEMENTS:
        raise StyleError(f"unknown CSL element <{element.name}>", path, element.line)
    if element.name in INFO_ELEMENTS:
        return
    for child in element.children:
        _check_elements(child, path)


class Style:
    """A parsed CSL style: macros, citation and bibliography, options, locales."""

    def __init__(self, source: str | Path) -> None:
        self.path, text = _read_text(source)
        try:
            root = parse_xml(text)
        except XMLSyntaxError as error:
            raise StyleError(f"the style is not well-formed XML: {error}", self.path,
                             error.line) from None
        if root.name != "style":
            raise StyleError(f"the root element is <{root.name}>, not <style>", self.path,
                             root.line)
        _check_elements(root, self.path)
        self.root = root
        self.attrs = root.attrs
        self.is_note = root.get("class") == "note"
        self.default_locale = root.get("default-locale", "")
        self.demote_particle = root.get("demote-non-dropping-particle", "display-and-sort")
        self.initialize_with_hyphen = root.get("initialize-with-hyphen", "true") == "true"
        self.page_range_format = root.get("page-range-format")
        self.macros = {m.get("name"): m for m in root.find_all("macro")}
        self.locales = root.find_all("locale")
        self.citation = root.find("citation")
        self.bibliography = root.find("bibliography")
        self._check_macros(root)

    def _check_macros(self, element: Element) -> None:
        for child in element.children:
            macro = child.get("macro")
            if macro is not None and child.name in ("text", "key") and macro not in self.macros:
                raise StyleError(f'macro "{macro}" is not defined', self.path, child.line)
            self._check_macros(child)

    def name_options(self, context: Element | None) -> dict:
        """The inheritable name options in force inside `context`."""
        options = {k: v for k, v in self.attrs.items() if k in INHERITABLE_NAME_OPTIONS}
        if context is not None:
            options.update({k: v for k, v in context.attrs.items()
                            if k in INHERITABLE_NAME_OPTIONS})
        return options
