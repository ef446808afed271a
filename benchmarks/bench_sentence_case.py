"""Score APA's sentence case of title-case input on labelled pairs from ../shared/bench/dedupe.

    python benchmarks/bench_sentence_case.py                 # every set, a table
    python benchmarks/bench_sentence_case.py --errors 20     # and the first errors
    python benchmarks/bench_sentence_case.py --shared /work/shared

The labels: in the dedupe sets, two records of one true cluster (one work) whose
titles are the same text but for case, one in title case (DBLP, some databases of
the systematic-review exports) and one in sentence case (the ACM Digital Library,
PubMed). `normalize.titles.sentence_case` of the first should give the second.

* exact: the whole title is the label, character for character;
* subtitle case aside: the same, but the first word after a colon, a dash or end
  punctuation may differ in case. APA capitalises it, the ACM Digital Library does
  not, so `exact` cannot reach 100% on DBLP-ACM whatever we do;
* words: the share of words whose case is the label's.

Protected words are learned from the corpus as `refman cite` learns them, in two
folds (clusters of even and odd place), so that no title teaches its own words.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from refmanager import richtext
from refmanager.normalize.titles import is_sentence_case, sentence_case
from refmanager.render.sentence_case import protected_words_of

REPOSITORY = Path(__file__).resolve().parents[1]
SETS = ("dblp_acm", "cora1879", "sr_diabetes", "sr_stroke", "sr_digital_work", "sr_respiratory",
        "sr_haematology", "sr_cytology_screening")
_FOLD = re.compile(r"[^\w]+")
_SUBTITLE_START = re.compile(r"([:?!.—–-]\s*[\"'“‘(]*)(\w)")


def labelled_pairs(folder: Path) -> list[tuple[int, str, str]]:
    """(cluster place, title-case title, sentence-case title) for each cluster that has both."""
    records = {}
    with open(folder / "records.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records[record["id"]] = record
    pairs = []
    with open(folder / "truth_clusters.jsonl", encoding="utf-8") as lines:
        for place, line in enumerate(lines):
            titles = [records[key].get("title") or "" for key in json.loads(line)["ids"]]
            pair = _pair(titles)
            if pair:
                pairs.append((place, *pair))
    return pairs


def _pair(titles: list[str]) -> tuple[str, str] | None:
    usable = [title for title in titles if len(title.split()) > 3 and not title.isupper()]
    for title_case in (title for title in usable if not is_sentence_case(title)):
        for label in (title for title in usable if is_sentence_case(title)):
            if _FOLD.sub(" ", title_case.casefold()) == _FOLD.sub(" ", label.casefold()):
                return title_case, label
    return None


def _subtitle_case_aside(title: str) -> str:
    return _SUBTITLE_START.sub(lambda match: match.group(1) + match.group(2).lower(), title)


def score(pairs: list[tuple[int, str, str]], all_titles: list[tuple[int, str]]) -> dict:
    """The three scores, and the pairs that are not exact."""
    learned = {fold: protected_words_of(title for place, title in all_titles if place % 2 != fold)
               for fold in (0, 1)}
    exact = aside = words = total_words = 0
    errors = []
    for place, title_case, label in pairs:
        got = richtext.plain(sentence_case(title_case, learned[place % 2]))
        exact += got == label
        aside += _subtitle_case_aside(got) == _subtitle_case_aside(label)
        got_words, label_words = got.split(), label.split()
        total_words += len(label_words)
        words += sum(a == b for a, b in zip(got_words, label_words))
        if got != label:
            errors.append((title_case, got, label))
    count = len(pairs) or 1
    return {"pairs": len(pairs), "exact": exact / count, "aside": aside / count,
            "words": words / (total_words or 1), "errors": errors}


def corpus_titles(folder: Path) -> list[tuple[int, str]]:
    """Every title of the set, with its cluster's place (for the folds)."""
    place_of = {}
    with open(folder / "truth_clusters.jsonl", encoding="utf-8") as lines:
        for place, line in enumerate(lines):
            for key in json.loads(line)["ids"]:
                place_of[key] = place
    with open(folder / "records.jsonl", encoding="utf-8") as lines:
        return [(place_of.get(record["id"], 0), record.get("title") or "")
                for record in map(json.loads, lines)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPOSITORY.parent / "shared")
    parser.add_argument("--sets", nargs="*", default=SETS)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per set")
    options = parser.parse_args()
    print("| set | pairs | exact | subtitle case aside | words |\n| --- | ---: | ---: | ---: | ---: |")
    totals = {"pairs": 0, "exact": 0.0, "aside": 0.0, "words": 0.0}
    found = []
    for name in options.sets:
        folder = options.shared / "bench" / "dedupe" / name
        result = score(labelled_pairs(folder), corpus_titles(folder))
        found.append((name, result))
        print(f"| {name} | {result['pairs']} | {result['exact']:.1%} | {result['aside']:.1%} | {result['words']:.1%} |")
        for key in ("exact", "aside", "words"):
            totals[key] += result[key] * result["pairs"]
        totals["pairs"] += result["pairs"]
    pairs = totals["pairs"] or 1
    print(f"| all | {totals['pairs']} | {totals['exact'] / pairs:.1%} | {totals['aside'] / pairs:.1%} "
          f"| {totals['words'] / pairs:.1%} (pair-weighted) |")
    for name, result in found:
        for title_case, got, label in result["errors"][:options.errors]:
            print(f"\n{name}\n  input: {title_case}\n  ours:  {got}\n  label: {label}")


if __name__ == "__main__":
    main()
