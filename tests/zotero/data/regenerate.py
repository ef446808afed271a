"""Write the golden files of the Zotero exports anew, after a change to them that is meant:

    python tests/zotero/data/regenerate.py

Then read the diff (`git diff tests/zotero/data`) before committing it: the golden
files are the exact bytes `refman export tests/zotero/data/varied.json --for zotero
--to FORMAT` writes.
"""

from __future__ import annotations

from pathlib import Path

import refmanager
from refmanager.zotero import FORMATS, export

DATA = Path(__file__).resolve().parent
SOURCE = DATA / "varied.json"
#: Format -> the golden file of the varied set's export in it.
GOLDEN = {"ris": DATA / "varied.zotero.ris", "bibtex": DATA / "varied.zotero.bib",
          "csljson": DATA / "varied.zotero.json"}


def exported_bytes(format: str) -> bytes:
    """The export of the varied set, as `refman export` writes it (UTF-8)."""
    return export(refmanager.load(str(SOURCE)), format).text.encode("utf-8")


def main() -> None:
    for format in FORMATS:
        GOLDEN[format].write_bytes(exported_bytes(format))
        print(f"wrote {GOLDEN[format].relative_to(DATA.parents[2])}")


if __name__ == "__main__":
    main()
