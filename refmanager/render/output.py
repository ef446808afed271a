"""From a finished tree to a stream of events the backends write out.

Flattening is where the rules that look across node borders apply: quotes
take the locale's outer or inner marks by depth, italic inside italic flips to
normal (likewise bold and small caps), punctuation moves inside a closing
quote when the locale says so, and doubled punctuation or spaces at the
joins of affixes and delimiters collapse.

Events: ("text", s), ("open", (attribute, value)), ("close", (attribute, value)),
("quote-open", mark), ("quote-close", mark), ("hold", "") (punctuation stays outside).
"""

from __future__ import annotations


_FLIPS = {"font-style": ("italic", "normal"), "font-weight": ("bold", "normal"),
          "font-variant": ("small-caps", "normal")}
# Within the quotation, punctuation that moves in; and pairs that collapse.
_MOVABLE = ".,!?"
_ENDING = ".!?"


class QuoteMarks:
    __slots__ = ("outer_open", "outer_close", "inner_open", "inner_close", "inside")

    def __init__(self, locale) -> None:
        self.outer_open = locale.term("open-quote") or "“"
        self.outer_close = locale.term("close-quote") or "”"
        self.inner_open = locale.term("open-inner-quote") or "‘"
        self.inner_close = locale.term("close-inner-quote") or "’"
        self.inside = locale.punctuation_in_quote


def _quote_level(kind, depth: int) -> int:
    """How deep a quotation sits, its marks outer at even levels, inner at odd.

    The style's own quotes (quotes="true") are always outer, inside one another too,
    and field markup's quotes flip inside them (citeproc-js: ““Diary”” and ““‘Diary’””
    for an ASA manuscript). A quotation the field opens with ‘ keeps its single
    marks at the top: "A critical commentary on ‘rapid-onset gender dysphoria.’"."""
    if kind == "style":
        return 0
    if kind in ("single", "single-kept"):
        return max(depth, 1)
    return depth


def _walk(node, events: list, active: dict, depth: list, marks: QuoteMarks) -> None:
    if node.__class__ is str:
        if node:
            events.append(("text", node))
        return
    opened = []
    if node.display:
        events.append(("open", ("display", node.display)))
        opened.append(("display", node.display))
    style = node.style
    if style and style[0][0] == "nodecor":  # <span class="nodecor">: undo what is active
        style = tuple((attribute, "normal") for attribute in ("font-style", "font-variant",
                                                              "font-weight")
                      if active.get(attribute, "normal") != "normal")
    for attribute, value in style:
        flip = _FLIPS.get(attribute)
        if flip and value == flip[0] and active.get(attribute) == flip[0]:
            value = flip[1]
        elif flip and value == flip[1] and active.get(attribute, flip[1]) == flip[1]:
            continue  # normal inside normal adds nothing
        events.append(("open", (attribute, value)))
        opened.append((attribute, value, active.get(attribute)))
        active[attribute] = value
    outer_depth = depth[0]
    level = _quote_level(node.quotes, outer_depth) if node.quotes else None
    if level is not None:
        inner = level % 2 == 1
        events.append(("quote-open", marks.inner_open if inner else marks.outer_open))
        depth[0] = level + 1
        depth[1] = True  # the tree holds a quotation
    for child in node.children:
        if child.__class__ is str:  # most children: spared a call
            if child:
                events.append(("text", child))
        else:
            _walk(child, events, active, depth, marks)
    if level is not None:
        depth[0] = outer_depth
        events.append(("quote-close", marks.inner_close if inner else marks.outer_close))
        if node.quotes in ("kept", "single-kept"):
            events.append(("hold", ""))  # punctuation after these quotes does not move in
    for entry in reversed(opened):
        if entry[0] == "display":
            events.append(("close", entry))
            continue
        attribute, value, previous = entry
        events.append(("close", (attribute, value)))
        if previous is None:
            active.pop(attribute, None)
        else:
            active[attribute] = previous


def _next_text(events: list, index: int) -> int | None:
    for position in range(index + 1, len(events)):
        kind = events[position][0]
        if kind == "text" and events[position][1]:
            return position
        if kind in ("quote-open", "quote-close", "hold"):
            return None
    return None


def _move_punctuation_in(events: list) -> None:
    """Punctuation after a closing quote goes inside it, merged with what is there."""
    for index in range(len(events) - 1, -1, -1):  # outer quotes first, then inner ones
        if events[index][0] != "quote-close":
            continue
        following = _next_text(events, index)
        if following is None:
            continue
        text = events[following][1]
        if not text or text[0] not in _MOVABLE:
            continue
        mark = text[0]
        events[following] = ("text", text[1:])
        before = _previous_text(events, index)
        pair = (events[before][1][-1] if before is not None else "", mark)
        if pair in _DROP_NEXT:
            continue
        if pair in _REPLACE_PREVIOUS:
            events[before] = ("text", events[before][1][:-1] + mark)
            continue
        events.insert(index, ("text", mark))


def _previous_text(events: list, index: int) -> int | None:
    for position in range(index - 1, -1, -1):
        kind, value = events[position]
        if kind == "text" and value:
            return position
        if kind == "quote-open":
            return None
    return None


def _previous_char(events: list, index: int) -> str:
    for position in range(index - 1, -1, -1):
        kind, value = events[position]
        if kind in ("text", "quote-close", "quote-open") and value:
            return value[-1]
    return ""


# Where two marks of punctuation meet at a join (suffix, delimiter, prefix), one
# goes: the table citeproc-js applies (tests punctuation_FullMonty*).
_DROP_NEXT = {(";", ":"), ("!", ":"), ("?", ":"), (":", ":"), (":", "."), (";", "."),
              ("!", "."), ("?", "."), (".", "."), (";", ";"), ("!", "!"), ("?", "?"),
              (",", ",")}
_REPLACE_PREVIOUS = {(":", "!"), (";", "!"), (":", "?"), (";", "?")}
# The first characters of a text that can merge with what precedes it: a text
# starting otherwise (most, with a letter) is passed over without a look back.
_MERGING = frozenset(second for _first, second in _DROP_NEXT | _REPLACE_PREVIOUS) | {" "}


def _collapse_joins(events: list) -> list:
    """Merge punctuation that meets across a join, and a space after a space."""
    return _collapsed(events)[0]


def _collapsed(events: list) -> tuple[list, bool]:
    """The events with punctuation and spaces merged, and whether a second pass could
    merge more: only where a merge made a join this pass did not look at (a text
    that lost its first character to one that can merge again, a previous text
    that lost its last); elsewhere it would meet the same pairs and change nothing.
    (A text that was empty to begin with is left out, which changes nothing.)"""
    out = []
    unsettled = False
    last_char, last_text, behind_quote = "", None, False
    for kind, value in events:
        if kind == "text":
            if last_text is not None and value and value[0] in _MERGING:
                first = value[0]
                pair = (last_char, first)
                if pair in _DROP_NEXT and not value.startswith(".."):
                    value = value[1:]
                    unsettled = unsettled or value[:1] in _MERGING
                elif pair in _REPLACE_PREVIOUS and not behind_quote:
                    previous = out[last_text][1]
                    out[last_text], unsettled = ("text", previous[:-1]), True
                elif first == " " and last_char in " \u00a0" and not behind_quote:
                    value = value[1:]
                    unsettled = unsettled or value[:1] in _MERGING
            if not value:
                continue
            last_char, behind_quote = value[-1], False
            last_text = len(out)
        elif kind == "quote-close":
            behind_quote = True  # the mark inside the quote still counts
        elif kind == "hold":
            last_char, last_text = "", None  # the field's own text follows: nothing merges
        elif kind == "quote-open":
            last_char, last_text = value[-1:], None
        out.append((kind, value))
    return out, unsettled


def flatten(node, locale) -> list:
    """The event stream of a tree, with the cross-node rules applied."""
    marks = locale.quote_marks if hasattr(locale, "quote_marks") else QuoteMarks(locale)
    events: list = []
    depth = [0, False]  # the depth of quotation, and whether there is one
    _walk(node, events, {}, depth, marks)
    if not marks.inside:
        return _collapse_joins(events)
    if not depth[1]:
        # No quotation for punctuation to move into: the passes below come down to
        # merging twice, and a second merge changes nothing where the first left no
        # join it did not look at.
        events, unsettled = _collapsed(events)
        return _collapse_joins(events) if unsettled else events
    _move_punctuation_in(events)
    # A mark that a join leaves after the quote moves in too: “colon” + ":" + "! x"
    # is “colon!” x, and “comma,” + ". x" is “comma,.” x (punctuation_FullMontyQuotesIn).
    events = _collapse_joins(events)
    _move_punctuation_in(events)
    return _collapse_joins(events)
