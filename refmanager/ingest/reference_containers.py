"""Which stretch of a reference is its title, which the journal or book that holds it.

The labeller (`reference_labels`) reads `..., in: Essays on Mirror Manifolds, Int.
Press` as a second title, `in Protostars and Planets III, ed. E. H. Levy` as one
editor span, and `Henrard J., 1983, Celestial Mechanics, 30, 197` (no article title,
as astronomy cites) as a title. These repairs take the model's labels, one per
token, and move such stretches to the container from what stands around them.
"""

from __future__ import annotations

import re

_IN = frozenset(("in", "In", "IN"))
_EDITOR_MARKERS = frozenset(("ed", "eds", "edited", "editor", "editors"))
_NAME_JOINERS = frozenset(("and", "und", "et", "y", "&"))
_NAME_MARK = re.compile(r"[A-Z]\.?|[A-Z][a-z]?\.")  # an initial: `J.`, `J`, `Yu.`


def runs(labels: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of one label, `other` runs included."""
    found, start = [], 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            found.append((start, index))
            start = index
    return found


def repair_containers(tokens: list, labels: list[str]) -> list[str]:
    """The labels with the container found where the model saw a title or an editor, and
    the title found where it saw a container."""
    if "container" in labels:
        for repair in (title_cut_before_its_last_word, title_read_as_the_journal, editors_read_as_the_container_end):
            labels = repair(tokens, labels)
        return labels
    for repair in (container_read_as_a_second_title, container_read_as_an_editor, journal_read_as_the_title):
        labels = repair(tokens, labels)
    return labels


_TITLE_CANNOT_END = frozenset("of the and in on for to a an with via from by at or".split())


def title_cut_before_its_last_word(tokens: list, labels: list[str]) -> list[str]:
    """`On model selection consistency of | Lasso. J. Mach. Learn. Res.`: a title cannot end
    in `of`, and a journal does not open with a lower-case word (`metrischen | ebene Acta
    Math.`); the journal right after such a title starts with the title's last words."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "title" or end >= len(labels) or labels[end] != "container":
            continue
        lower = end
        while lower < len(tokens) and labels[lower] == "container" and tokens[lower].text.isalpha() and (
                tokens[lower].text.islower() and tokens[lower].text not in _IN):
            lower += 1  # "... der Bachmannschen metrischen | ebene Acta Math.": no journal opens lower-case
        if lower > end:
            labels[end:lower] = ["title"] * (lower - end)
            continue
        if tokens[end - 1].text.lower() not in _TITLE_CANNOT_END:
            continue
        stop = next((index for index in range(end, min(end + 4, len(tokens))) if tokens[index].text == "."), None)
        if stop is not None and labels[stop - 1] == "container" and stop + 1 < len(labels) and labels[stop + 1] == "container":
            labels[end:stop] = ["title"] * (stop - end)
            labels[stop] = "other"
    return labels


def title_read_as_the_journal(tokens: list, labels: list[str]) -> list[str]:
    """`S. Flach and C. R. Willis. Discrete breathers. Phys. Rep., 295: 182`: with no title
    found, a container that opens with a sentence (a full stop after a lower-case word,
    which no journal abbreviates, or after a long word ending words as titles have:
    `Total domination in Graphs. Networks`) holds the title, then the journal."""
    if "title" in labels:
        return labels
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "container":
            continue
        for index in range(start + 2, end - 1):
            word = tokens[index - 1].text
            if tokens[index].text == "." and tokens[index].start == tokens[index - 1].end and (
                    word.islower() and len(word) > 3 or len(word) >= 6 and word.isalpha()
                    and any(token.text.islower() and len(token.text) >= 4 for token in tokens[start:index])):
                labels[start:index] = ["title"] * (index - start)
                labels[index] = "other"
                return labels
    return labels


def _after_in(tokens: list, labels: list[str], start: int) -> bool:
    """Is the run at `start` right after `In` or `in:` (marks between allowed)?"""
    index = start - 1
    while index >= 0 and labels[index] == "other" and not any(c.isalnum() for c in tokens[index].text):
        index -= 1
    return index >= 0 and tokens[index].text in _IN and labels[index] == "other"


def container_read_as_a_second_title(tokens: list, labels: list[str]) -> list[str]:
    """`Topological mirrors and quantum rings, in: Essays on Mirror Manifolds, Int. Press`
    or `" Discrete mechanics, " in A. Zichichi, ed., How Far Are We from the Gauge Forces`:
    a second title after `In`, or after the editors, is the book that holds the first."""
    labels = list(labels)
    labelled = [run for run in runs(labels) if labels[run[0]] != "other"]
    titles = [number for number, run in enumerate(labelled) if labels[run[0]] == "title"]
    for number in titles[1:]:
        start, end = labelled[number]
        previous = labels[labelled[number - 1][0]]
        if _after_in(tokens, labels, start) or previous == "editor":
            labels[start:end] = ["container"] * (end - start)
            break
    return labels


def _reads_as_a_title(words: list[str], long_is_enough: bool = True) -> bool:
    """`Protostars and Planets III`, not `A. Zichichi`, `John Smith` nor `Hecht and Steere`:
    no initial, and a small word (not `and`), a numeral or (after `in`) more words than
    a name has; `Görner, Rüdiger and Angus Nicholls, eds.` is names, without `in`."""
    if len(words) < 2 or any(_NAME_MARK.fullmatch(word) for word in words):
        return False
    return long_is_enough and len(words) >= 4 or any(word.islower() and word not in _NAME_JOINERS or word.isdigit()
                                  or re.fullmatch(r"[IVX]+", word) for word in words[1:])


def _has_no_initial(words: list[str]) -> bool:
    return len(words) >= 2 and not any(_NAME_MARK.fullmatch(word) for word in words)


def container_read_as_an_editor(tokens: list, labels: list[str]) -> list[str]:
    """`in Protostars and Planets III, ed. E. H. Levy & J. I. Lunine`, `Accretion Disks in
    Compact Stellar Systems, ed. J. C. Wheeler`: an editor span that opens with a title,
    before its first comma or bracket after `in`, or before `ed.` / `eds`, holds the
    book's title, then its editors."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "editor":
            continue
        opening = start + (tokens[start].text in _IN)
        marker = next((index for index in range(opening, end) if tokens[index].text.lower() in _EDITOR_MARKERS), None)
        if opening > start:
            cut = next((index for index in range(opening, end) if tokens[index].text in ",(["), end)
        elif marker is not None and ("title" in labels[:start] or "author" in labels[:start]):  # not a book's editors
            cut = marker - (tokens[marker - 1].text == ",")
        else:
            continue
        words = [token.text for token in tokens[opening:cut] if any(c.isalnum() for c in token.text)]
        marked = opening > start and marker is not None and marker <= cut + 1  # "in X-Ray Binaries, eds W. H. G."
        if _reads_as_a_title(words, long_is_enough=opening > start) or marked and _has_no_initial(words):
            labels[start:cut] = ["container"] * (cut - start)
            if cut < end and tokens[cut].text == ",":
                labels[cut] = "other"
    return labels


def journal_read_as_the_title(tokens: list, labels: list[str]) -> list[str]:
    """`Henrard J., Lemaitre A., 1983, Celestial Mechanics, 30, 197`: astronomy and physics
    cite an article by its journal, volume and page, without its title; a lone title
    followed at once by a bare volume number and then pages, with no publisher, is the
    journal, when it is short as journal names are (six words at most)."""
    if labels.count("title") == 0 or "publisher" in labels or "pages" not in labels:
        return labels
    labelled = [run for run in runs(labels) if labels[run[0]] != "other"]
    titles = [number for number, run in enumerate(labelled) if labels[run[0]] == "title"]
    if len(titles) != 1 or titles[0] + 2 >= len(labelled):
        return labels
    start, end = labelled[titles[0]]
    if sum(any(c.isalnum() for c in token.text) for token in tokens[start:end]) > 6:
        return labels
    volume, following = labelled[titles[0] + 1], labelled[titles[0] + 2]
    if (labels[volume[0]] != "volume" or volume[1] - volume[0] != 1 or not tokens[volume[0]].text.isdigit()
            or labels[following[0]] != "pages"):
        return labels
    return labels[:start] + ["container"] * (end - start) + labels[end:]


def editors_read_as_the_container_end(tokens: list, labels: list[str]) -> list[str]:
    """`in Proof Techniques in Graph Theory, F. Harary, ed., 1969`: the names that end a
    container, right before `ed.` or `(eds)`, are its editors."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "container" or end - start < 4:
            continue
        after = [token.text.lower() for token in tokens[end:end + 3]]
        if not any(word in _EDITOR_MARKERS for word in after):
            continue
        comma = next((index for index in range(end - 1, start, -1) if tokens[index].text == ","), None)
        if comma is None or not _NAME_MARK.fullmatch(tokens[comma + 1].text) or comma + 2 >= end:
            continue
        if all(_NAME_MARK.fullmatch(token.text) or token.text in ". -" or token.text[:1].isupper()
               or token.text in _NAME_JOINERS for token in tokens[comma + 1:end]):
            labels[comma] = "other"
            labels[comma + 1:end] = ["editor"] * (end - comma - 1)
    return labels
