"""biblatex's further editors, `editora` to `editorc`, whose role `editoratype` (and b, c) names.

biblatex's own role names (its manual, on `editortype`) are editor, compiler,
founder, continuator, redactor, reviser, collaborator and organizer, and styles
add others (director). Reading, an editor whose type is a CSL role of the same
name (editor, compiler, organizer, director, and translator, which files use
there too) is read into that role, its type field then said by the role; one
of any other type (founder, reviser...) is kept verbatim with its type, as the
model has no role for it. Writing biblatex, a compiler, organizer or director,
CSL roles that biblatex has no field of its own for, goes into the first free
of editora to editorc with its type, and reads back as it was; classic BibTeX,
which has no such fields, names them after CSL (`compiler = {...}`).

    >>> editor_roles([("editora", "Doe, Jane"), ("editoratype", "compiler")])
    {'editora': 'compiler'}
    >>> editor_roles([("editora", "Doe, Jane"), ("editoratype", "editor")], held=frozenset({"editor"}))
    {}
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from refmanager.latex.decode import decode

EDITOR_FIELDS = ("editora", "editorb", "editorc")
_TYPE_FIELDS = {name + "type": name for name in EDITOR_FIELDS}
# editortype value -> the CSL role of that name.
ROLE_OF_EDITOR_TYPE = {role: role for role in ("editor", "compiler", "organizer", "director", "translator")}
# CSL roles biblatex has no name field for, that it says as an editor type.
WRITTEN_AS_EDITOR_TYPE = frozenset({"compiler", "organizer", "director"})


@lru_cache(maxsize=10_000)
def names_an_editor_type(field_names: tuple[str, ...]) -> bool:
    """Whether an entry with these fields has a type for an editor (cached: a file's
    entries share a few layouts)."""
    return any(name.lower() in _TYPE_FIELDS for name in field_names)


def editor_roles(fields: Iterable[tuple[str, str]], held: frozenset[str] = frozenset()) -> dict[str, str]:
    """For the entry's fields (name, LaTeX text): the CSL role of each of editora to
    editorc whose type is one, by the editor field's lowercased name. Not a role that a
    field of its own holds (`held`: `translator = {...}`): that field is written back
    under its name, the editor then kept verbatim beside it."""
    types = {_TYPE_FIELDS[name.lower()]: decode(text).strip().lower()
             for name, text in fields if name.lower() in _TYPE_FIELDS}
    return {editor: ROLE_OF_EDITOR_TYPE[kind] for editor, kind in types.items()
            if kind in ROLE_OF_EDITOR_TYPE and ROLE_OF_EDITOR_TYPE[kind] not in held}


def drop_types_read(roles: dict[str, str], foreign: dict[str, str]) -> None:
    """Take out of the verbatim fields the type of each editor read into its role (an
    editor kept verbatim, its role taken by another field, keeps its type too)."""
    kept = {name.lower() for name in foreign}
    for name in [name for name in foreign if name.lower() in _TYPE_FIELDS]:
        editor = _TYPE_FIELDS[name.lower()]
        if editor in roles and editor not in kept:
            del foreign[name]


def free_editor_field(taken: set[str], written: list[tuple[str, str]]) -> str | None:
    """The first of editora to editorc that neither the verbatim fields (`taken`, lowercased)
    nor the fields written so far use, with its type field; None if all are used."""
    used = taken | {name.lower() for name, _value in written}
    return next((name for name in EDITOR_FIELDS if name not in used and name + "type" not in used), None)
