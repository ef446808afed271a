"""Repairs of the model's labels around names: where the authors or editors end.

The CRF (`reference_labels`) ends names written initials first one word early when
no comma follows them (`E. Doron and U. | Smilansky Nonlinearity`), gives a journal
the last initial of the names before it (`Watson, K. | M. Phys. Fluids`), leaves out
`et. al`, and reads a second list of names after the title as authors where they are
the editors of the book. These repairs take its labels, one per token, in string
order; they work on the same tokens as the model (`reference_tokens`).
"""

from __future__ import annotations

import re

from refmanager.ingest.reference_containers import runs


def repair_names(tokens: list, labels: list[str]) -> list[str]:
    """The labels with the names' ends and roles set right."""
    for repair in (names_after_the_authors_are_editors, family_names_after_the_initials,
                   last_initial_read_as_the_journal, et_al_with_the_names):
        labels = repair(tokens, labels)
    return labels


def names_after_the_authors_are_editors(tokens: list, labels: list[str]) -> list[str]:
    """`ed. M. M. Shapiro, R. Silberberg`, `In N. V. Pogorelov, ..., editors`: names that
    the model reads as authors after the title, where they continue an editor span or
    follow `In`, are the editors; the author list is the first one."""
    labels = list(labels)
    labelled = [run for run in runs(labels) if labels[run[0]] != "other"]
    authors_seen = False
    for number, (start, end) in enumerate(labelled):
        if labels[start] != "author":
            continue
        previous = labels[labelled[number - 1][0]] if number > 0 else None
        gap = start - labelled[number - 1][1] if number > 0 else 0
        if authors_seen and previous == "editor" and gap <= 2:  # one editor list, marks between
            labels[labelled[number - 1][1]:end] = ["editor"] * (end - labelled[number - 1][1])
        elif authors_seen and tokens[start].text in ("In", "in"):
            labels[start:end] = ["editor"] * (end - start)
        authors_seen = True
    return labels


# `J`, and the two-letter initials of transliterated names (`D. Yu. Pogosyan`); not `Li`
_INITIAL_WORD = re.compile(r"[A-Z]|Yu|Ya|Ch|Sh|Zh|Kh|Ts|Th|Ph")
_PARTICLE_WORDS = frozenset("van von der den de del della da di du le la ten ter".split())


def family_names_after_the_initials(tokens: list, labels: list[str]) -> list[str]:
    """`E. Doron and U. Smilansky Nonlinearity v.5`, `B. L. van der Waerden, A history`:
    with no comma after the names the model may end them at the last initial; in names
    written in reading order, the capitalised word after it (with its particles) is
    the family name. Inverted names (`Watson, K. M. Phys. Fluids`) end at the initials."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] not in ("author", "editor") or not _ends_with_initials_in_reading_order(tokens, start, end):
            continue
        follow = end + (end < len(tokens) and tokens[end].text == "." and labels[end] == "other")
        while follow < len(tokens) and tokens[follow].text in _PARTICLE_WORDS:
            follow += 1
        word = tokens[follow] if follow < len(tokens) else None
        glued = follow + 1 < len(tokens) and tokens[follow + 1].start == word.end and tokens[follow + 1].text == "."
        if word is not None and word.text[:1].isupper() and word.text[1:].islower() and len(word.text) > 2 and not glued:
            labels[end:follow + 1] = [labels[start]] * (follow + 1 - end)
    return labels


def et_al_with_the_names(tokens: list, labels: list[str]) -> list[str]:
    """`Jahoda, K., et. al., 1996`, `H. L. Harney et. al Ann.Phys.`: `et al.` written with a
    stray dot, which the model seldom saw, belongs to the names before it."""
    labels = list(labels)
    for index in range(1, len(tokens) - 2):
        if tokens[index].text != "et" or tokens[index + 1].text != "." or tokens[index + 2].text != "al":
            continue
        names = index - 1
        while names > 0 and not any(character.isalnum() for character in tokens[names].text):
            names -= 1  # back over "K., " to the last name's word
        if labels[names] in ("author", "editor"):
            end = index + 3 + (index + 3 < len(tokens) and tokens[index + 3].text == ".")
            labels[names + 1:end] = [labels[names]] * (end - names - 1)
    return labels


def last_initial_read_as_the_journal(tokens: list, labels: list[str]) -> list[str]:
    """`Kraus, L. and Watson, K. | M. Phys. Fluids 1, 480`: a journal does not open with an
    initial; one right after names that end in an initial is theirs."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "container" or end - start < 3 or start < 2:
            continue
        if not (re.fullmatch(r"[A-Z]", tokens[start].text) and tokens[start + 1].text == "."):
            continue
        dot = start - 1  # the dot of the initial before, the names' or between fields
        if tokens[dot].text == "." and labels[dot - 1] in ("author", "editor") and re.fullmatch(
                r"[A-Z]", tokens[dot - 1].text):
            labels[dot:start + 2] = [labels[dot - 1]] * (start + 2 - dot)
    return labels


def _ends_with_initials_in_reading_order(tokens: list, start: int, end: int) -> bool:
    """Does the run end with initials (`U.`, `D. Yu.`) that open a name, not close one?
    They do after `and`, at the start, or after a comma that ends a name itself written
    initials first (`E. Doron, U.`); after `Watson,` they close an inverted name."""
    last = end - 2 if tokens[end - 1].text == "." else end - 1
    first = _initials_before(tokens, start, last)
    if first is None:
        return False
    before = tokens[first - 1].text if first > start else ""
    if before in ("", "and", "&", "und"):
        return True
    family = first - 2  # "Doron" in "E. Doron, U."
    return (before == "," and family >= start and tokens[family].text[:1].isupper()
            and _initials_before(tokens, start, family - 2) is not None and tokens[family - 1].text == ".")


def _initials_before(tokens: list, start: int, last: int) -> int | None:
    """Where the initials ending at `last` (`E. H` of `E. H.`) start, or None."""
    if last < start or not _INITIAL_WORD.fullmatch(tokens[last].text):
        return None
    first = last
    while first - 2 >= start and tokens[first - 1].text == "." and _INITIAL_WORD.fullmatch(tokens[first - 2].text):
        first -= 2
    return first
