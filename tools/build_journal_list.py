"""Build refmanager/normalize/data/journals.tsv.gz from the consolidated journal list.

    python tools/build_journal_list.py ../shared/bench/venues/journal_abbreviations_consolidated.csv

Keeps, per title: the full title, its dotted (ISO 4) abbreviation, the other
abbreviations that stand for it (MEDLINE's dotless forms, other lists' dotted
forms), the list the ISO 4 form came from, and the lookup keys of the title and
of each abbreviation (as refmanager.normalize.journals computes them). Left out: IEEE's BibTeX macro
names (`#IEEE_J_PROC#`, not abbreviations) and the one-word house codes of the
Année philologique and DAI lists (`ArtAs`), which would match ordinary words.
See refmanager/normalize/data/README.md for provenance and licence.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

from refmanager.normalize.journals import COLUMNS, abbreviation_key, title_key

TARGET = Path(__file__).resolve().parents[1] / "refmanager" / "normalize" / "data" / "journals.tsv.gz"
HOUSE_CODE_LISTS = {"annee-philologique", "dainst"}


def kept_abbreviations(row: dict) -> list[str]:
    house_codes = bool(HOUSE_CODE_LISTS & set(row["source_lists"].split("|")))
    kept = []
    for abbreviation in filter(None, row["other_abbreviations"].split("|")):
        if abbreviation.startswith("#") or "\t" in abbreviation:
            continue
        if house_codes and " " not in abbreviation and "." not in abbreviation:
            continue
        kept.append(abbreviation)
    return kept


def main(source: str) -> None:
    lines = []
    with open(source, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            others = kept_abbreviations(row)
            if not row["iso4_abbreviation"] and not others:
                continue
            abbreviations = list(filter(None, [row["iso4_abbreviation"], *others]))
            # The lookup keys are stored too, so that loading the list is only splitting lines.
            fields = [row["full_title"], row["iso4_abbreviation"], "|".join(others), row["iso4_source_list"],
                      title_key(row["full_title"]), "|".join(abbreviation_key(each) for each in abbreviations)]
            lines.append("\t".join(field.replace("\t", " ") for field in fields))
    with gzip.open(TARGET, "wt", encoding="utf-8", compresslevel=9) as stream:
        stream.write("\t".join(COLUMNS) + "\n")
        stream.write("\n".join(lines) + "\n")
    print(f"{len(lines)} titles -> {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
