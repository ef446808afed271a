"""Helpers for the render tests: small CSL styles written inline."""

import pytest

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{style_class}" version="1.0" {attrs}>
  <info><title>test</title><id>test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation {citation_attrs}><layout {citation_layout_attrs}>{citation}</layout></citation>
  {bibliography}
</style>"""


def make_style(citation: str = '<text variable="title"/>', bibliography: str | None = None,
               style_class: str = "in-text", attrs: str = "", citation_attrs: str = "",
               citation_layout_attrs: str = 'delimiter="; "', bibliography_attrs: str = "",
               macros: str = "", sort: str = "") -> str:
    """The XML of a style whose citation (and bibliography) layout hold the given CSL."""
    bib = ""
    if bibliography is not None:
        bib = (f"<bibliography {bibliography_attrs}>{sort}<layout>{bibliography}</layout>"
               f"</bibliography>")
    return STYLE.format(style_class=style_class, attrs=attrs, macros=macros,
                        citation_attrs=citation_attrs, citation=citation,
                        citation_layout_attrs=citation_layout_attrs, bibliography=bib)


@pytest.fixture
def style():
    """`style(citation=..., bibliography=..., ...)`: the XML text of a small style."""
    return make_style
