"""CSL-JSON for Zotero's CSL JSON import: valid against the official schema, with
what that import drops worked around where it can be.

Zotero reads CSL-JSON through its CSL mapping (research file, section 4.3):
it drops the name parts `non-dropping-particle`, `dropping-particle` and
`suffix` (so they are folded into `family` and `given`, which it keeps as
written), it ignores `container-title-short` (it reads `journalAbbreviation`),
it keeps `note` as Extra (where fields the Zotero type lacks go, as `name: value`
lines), and it rejects the whole file for one item of a type it does not know
(`software`). It drops every keyword: nothing can carry them, so the export
says so. Items are built by the CSL-JSON writer's `item_of`.
"""

from __future__ import annotations

from refmanager.errors import Problem
from refmanager.io.csljson.read import FOREIGN_MEMBER
from refmanager.io.csljson.schema import schema_errors
from refmanager.io.csljson.write import _item_text, item_of  # the CSL-JSON writer's layout
from refmanager.model import SOURCE_TYPE, Document, Record
from refmanager.zotero.fidelity import IN_EXTRA, LOST, ZoteroExport
from refmanager.zotero.prepare import Progress, loss, prepare
from refmanager.zotero.schema import zotero_type

FORMAT = "csljson"

#: Zotero types whose CSL type the import rejects a file for (section 7) -> the type written.
REJECTED_TYPES = {"software": "book"}
KEYWORDS_DROPPED = ("Zotero's CSL-JSON import drops every keyword (tag); export RIS "
                    "(refman export FILE --for zotero) to keep them")
_PARTICLES = ("non-dropping-particle", "dropping-particle", "suffix")


def export_csljson(document: Document, progress: Progress | None = None) -> ZoteroExport:
    """The document as CSL-JSON for Zotero, with what will not survive the import."""
    prepared, losses, problems = prepare(document, csljson_typing, IN_EXTRA, progress=progress)
    items = []
    for record in prepared.records:
        item = item_of(record, document.path, problems)
        _for_zotero(item, record)
        for name in _custom_fields(item.get("custom", {})):
            losses.append(loss(record, name, LOST, "Zotero ignores 'custom'"))
        if record.keywords:
            losses.append(loss(record, "keyword", LOST, "Zotero's CSL-JSON import drops keywords"))
        problems.extend(Problem(document.path, record.origin.line if record.origin else 0,
                                f"item {record.key!r} does not fit the CSL schema: {error}")
                        for error in schema_errors(item))
        items.append(item)
    warnings = [KEYWORDS_DROPPED] if any(record.keywords for record in prepared.records) else []
    return ZoteroExport(document.path, FORMAT, _json_text(items), len(items), losses, warnings,
                        problems)


def _custom_fields(custom: dict) -> list[str]:
    """What `custom` holds, other formats' fields named as "bibtex:file"."""
    names = [name for name in custom if name != FOREIGN_MEMBER]
    for source, values in custom.get(FOREIGN_MEMBER, {}).items():
        # The source's own type: what Zotero makes of the type is a loss of its own.
        names += [f"{source}:{name}" for name in values if name != SOURCE_TYPE]
    return names


def csljson_typing(record: Record) -> tuple[str, str]:
    zotero = zotero_type(record.type)
    written = REJECTED_TYPES.get(zotero, zotero)
    return written, written


def _for_zotero(item: dict, record: Record) -> None:
    """Change an item in place into the shape Zotero's import keeps."""
    for role, names in item.items():
        if isinstance(names, list) and names and isinstance(names[0], dict):
            item[role] = [folded_name(name) for name in names]
    if "container-title-short" in item:  # kept too: other CSL readers use it
        item["journalAbbreviation"] = item["container-title-short"]
    item.setdefault("citation-key", record.key)  # Zotero 7 keeps it as the citation key


def folded_name(name: dict) -> dict:
    """A CSL name with its particles and suffix in `family` and `given`, where Zotero
    keeps them: "van der Berg", "Ludwig van", "John, Jr."."""
    if not any(part in name for part in _PARTICLES):
        return name
    folded = {key: value for key, value in name.items() if key not in _PARTICLES}
    family = " ".join(filter(None, (name.get("non-dropping-particle"), name.get("family"))))
    given = " ".join(filter(None, (name.get("given"), name.get("dropping-particle"))))
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else name["suffix"]
    folded["family"], folded["given"] = family, given
    return {key: value for key, value in folded.items() if value != ""}


def _json_text(items: list[dict]) -> str:
    return "[\n" + ",\n".join(map(_item_text, items)) + "\n]\n" if items else "[]\n"
