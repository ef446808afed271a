"""What an element needs while it renders one item: the item, the cite, the
locale, the options in force, and the bookkeeping CSL's rules depend on.

Two pieces of bookkeeping live here because several elements share them:
which variables a `<group>` has called and found (a group whose variables are
all empty vanishes), and which variables a `<substitute>` has used up (they are
not rendered again in the same cite).
"""

from __future__ import annotations

from refmanager.render.markup import parse_markup

# Short forms of variables: CSL 1.0.2 names and the older CSL-JSON names.
SHORT_FORMS = {
    "title": ("title-short", "shortTitle"),
    "container-title": ("container-title-short", "journalAbbreviation"),
}
# Variables the processor computes rather than reads from the item.
COMPUTED_VARIABLES = frozenset({"locator", "citation-number", "year-suffix", "first-reference-note-number",
                       "page-first"})
# CSL 1.0.2 variables that older CSL-JSON spells otherwise.
OLD_NAMES = {"container-title-short": "journalAbbreviation", "title-short": "shortTitle"}
# Variables whose values are not parsed for markup.
RAW_VARIABLES = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"})


class ItemState:
    """Per-item state that disambiguation and numbering change."""

    __slots__ = ("et_al_extra", "given_levels", "disambiguate", "year_suffix",
                 "citation_number", "given_all", "bibliography_names")

    def __init__(self) -> None:
        self.et_al_extra = 0
        self.bibliography_names = 0  # fewest names the entry's first list shows
        self.given_levels: dict[int, int] = {}
        self.given_all = 0
        self.disambiguate = 0  # how many disambiguate="true" tests hold (conditions.py)
        self.year_suffix = ""
        self.citation_number = 0


class Cite:
    """One cite of an item inside a citation cluster."""

    __slots__ = ("id", "locator", "label", "prefix", "suffix", "suppress_author",
                 "author_only", "position", "near_note", "first_note", "note_number")

    def __init__(self, id, locator="", label="", prefix="", suffix="", suppress_author=False,
                 author_only=False, position=None, near_note=False, first_note=None,
                 note_number=None) -> None:
        self.id = id
        self.locator = locator
        self.label = label
        self.prefix = prefix
        self.suffix = suffix
        self.suppress_author = suppress_author
        self.author_only = author_only
        self.position = position
        self.near_note = near_note
        self.first_note = first_note
        self.note_number = note_number

    def __repr__(self) -> str:
        return f"Cite({self.id!r}, locator={self.locator!r}, position={self.position!r})"


class RenderContext:
    """The state of rendering one item once (one cite, or one bibliography entry)."""

    __slots__ = ("engine", "item", "mode", "cite", "state", "name_options", "counts",
                 "suppressed", "sort_names", "title_case", "substituting", "used",
                 "names_seen", "year_suffix_rendered", "first_names", "suppress_names",
                 "date_seen", "substitute_parent", "sort_et_al", "first_names_node", "ambiguity_key",
                 "first_name_list", "present", "disambiguate_tests", "disambiguate_held")

    def __init__(self, engine, item: dict, mode: str, cite: Cite | None = None,
                 state: ItemState | None = None) -> None:
        self.engine = engine
        self.item = item
        self.mode = mode  # "citation", "bibliography" or "sort"
        self.cite = cite
        self.state = state or ItemState()
        self.name_options = engine.name_options[mode if mode != "sort" else "bibliography"]
        self.counts = [[0, 0]]
        self.suppressed: set[str] = set()
        self.sort_names = False
        language = str(item.get("language", "") or "")
        # Title case is for English: the item's language, else the style's locale.
        self.title_case = (language or engine.locale.language).lower().startswith("en")
        self.substituting = False
        self.used: list[str] = []
        self.names_seen = 0
        self.year_suffix_rendered = False
        self.first_names = None
        self.suppress_names = False
        self.date_seen = False
        self.substitute_parent = None
        self.sort_et_al = None
        self.ambiguity_key = False  # a cite rendered for disambiguation to compare
        self.first_names_node = None
        self.first_name_list = None  # (list node, [one node per name]) of the first names
        self.disambiguate_tests = 0  # disambiguate="true" tests met so far, and those that held
        self.disambiguate_held = 0
        self.present = None  # the item's variables with a value, names and bits, when asked (known_empty.py)

    @property
    def locale(self):
        return self.engine.locale

    def note(self, found: bool) -> None:
        counter = self.counts[-1]
        counter[0] += 1
        if found:
            counter[1] += 1

    def raw(self, name: str, even_suppressed: bool = False):
        """The value of a variable without bookkeeping, None when empty (or
        suppressed by a substitute, unless `even_suppressed`)."""
        if name in self.suppressed and not even_suppressed:
            return None
        if name not in COMPUTED_VARIABLES:  # `_stored`, inline: raw runs for every variable
            value = self.item.get(name)
            if not value and name in OLD_NAMES:
                value = self.item.get(OLD_NAMES[name])
        elif name == "locator":
            value = self.cite.locator if self.cite else None
        elif name == "citation-number":
            value = self.state.citation_number or None
        elif name == "year-suffix":  # never part of a sort key: it follows from the sort
            value = (self.state.year_suffix or None) if self.mode != "sort" else None
        elif name == "first-reference-note-number":
            value = self.cite.first_note if self.cite else None
        elif name == "page-first":
            page = self.item.get("page-first") or self.item.get("page")
            value = str(page).replace("–", "-").split("-")[0].split(",")[0].strip() if page else None
        else:
            value = self._stored(name)
        if value is None or value == "" or value == []:
            return None
        return value

    def _stored(self, name: str):
        """The item's own value of a variable, under its CSL 1.0 name or, where that is
        missing or empty, an older one (as a condition reads it: known_empty.py keys
        an item by the variables present, so both must agree)."""
        value = self.item.get(name)
        if not value and name in OLD_NAMES:  # both short titles: text, never 0
            value = self.item.get(OLD_NAMES[name])
        return value

    def variable(self, name: str, form: str = "long"):
        """The value of a variable, noted for group suppression and substitution."""
        value = None
        if form == "short" and name in SHORT_FORMS:
            for short in SHORT_FORMS[name]:
                value = self.raw(short)
                if value is not None:
                    break
        if value is None:
            value = self.raw(name)
        if name != "year-suffix":  # citeproc-js: an empty year-suffix never hides a group
            counter = self.counts[-1]
            counter[0] += 1
            if value is not None:
                counter[1] += 1
        if value is not None and self.substituting:
            self.used.append(name)
            self.suppressed.add(name)  # used once by a substitute, it is gone for the cite
        return value

    def text_variable(self, name: str, form: str = "long"):
        """A variable's value as a rich-text tree (markup parsed)."""
        value = self.variable(name, form)
        if value is None:
            return None
        text = str(value) if not isinstance(value, str) else value
        if name in RAW_VARIABLES:
            return text
        return parse_markup(text)
