"""A CSL 1.0.2 processor: citations and bibliographies from CSL styles.

The modules follow the specification, one job each:

    style.py            load a style (XML -> elements), check it, inheritable name options
    xmltree.py          the element tree with line numbers
    locale.py           locale files, terms and their fallback chain
    engine.py           style + locale + registered items and their state
    note_fields.py      variables written in an item's note field ("original-date: 1850")
    context.py          what one rendering of one item sees (variables, bookkeeping)
    interpreter.py      layout, text, group (suppression), choose, label, number
    conditions.py       the tests of if / else-if
    names.py            names: lists, et-al, labels, substitute
    name_format.py      one name: forms, order, name-part formatting
    name_parts.py       parsing names: particles, suffixes, initials
    dates.py            date rendering, localized forms, ranges
    date_values.py      reading date input (date-parts, raw strings, seasons, literals)
    numbers.py          numeric tests, number forms, page ranges, plurals
    textcase.py         text-case transforms that respect nocase
    formatting.py       affixes, formatting, quotes, display, text-case on an element
    markup.py           CSL's HTML-like markup inside field values
    sorting.py          sort keys and sorting
    disambiguation.py   add names, add given names, disambiguate condition, year suffixes
    citations.py        a citation cluster: sorting, grouping, collapsing
    positions.py        first / subsequent / ibid / near-note
    bibliography.py     entries, subsequent-author-substitute, second-field-align
    richtext.py         the rich-text tree every element returns
    output.py           tree -> event stream (quotes, flip-flop, punctuation rules)
    backends.py         event stream -> html, text, markdown, latex, terminal
    processor.py        the front door: CitationProcessor, Cite

Use:

    from refmanager.render.processor import CitationProcessor, Cite
    proc = CitationProcessor("apa.csl", items)         # items: CSL-JSON dicts
    proc.bibliography(format="html")                  # [(id, entry), ...]
    proc.citation([Cite(id="doe2000", locator="12")]) # "(Doe, 2000, p. 12)"

The conformance suite (tests/render/test_csl_suite.py) runs the official CSL
test fixtures against citeproc-js's expected output.
"""
