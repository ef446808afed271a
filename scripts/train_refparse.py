"""Train the CRF reference labeller shipped in refmanager/ingest/data/refparse.crfsuite.

    python scripts/train_refparse.py                   # the shipped model
    python scripts/train_refparse.py --output /tmp/m.crfsuite --iterations 50

Training data: the dev files of the refparse bench (../shared/bench/refparse/data)
whose licence allows it: AnyStyle's gold and core sets (BSD-2-Clause) and GROBID's
citation training corpus (Apache-2.0). CORA/ParsCit and UMass come without a licence
that permits it and are not used (they remain test sets). Every reference whose text
also occurs in any set's test file is left out, so no test score is in-sample; and a
text seen twice is trained on once. See refmanager/ingest/data/README.md.

Each reference's labelled spans are aligned with the string, and every token takes
the label of the span it falls in (text between spans is `other`). The result is
reproducible: the files are read in a fixed order and L-BFGS is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from refmanager.ingest.reference_fields import LABELS  # noqa: E402
from refmanager.ingest.reference_tokens import features, tokenize  # noqa: E402

BENCH = REPOSITORY.parent / "shared" / "bench" / "refparse"
MODEL = REPOSITORY / "refmanager" / "ingest" / "data" / "refparse.crfsuite"
#: Sets whose licence permits training (see the bench README, section 1).
TRAINING_SETS = ("anystyle-gold", "anystyle-core", "grobid-train")
#: Bench fields under another name in our label set; the rest not in LABELS are `other`.
LABEL_OF_FIELD = {
    "arxiv": "identifier", "pmid": "identifier", "pmc": "identifier", "issn": "identifier",
    "isbn": "identifier", "pii": "identifier", "arxive": "identifier",
    "notes": "note", "source_note": "note", "medium": "note", "report": "genre",
    "publishe": "publisher", "volumes": "volume", "authors": "author",
}


def text_key(text: str) -> str:
    """A reference text compared case- and punctuation-insensitively."""
    return re.sub(r"[\W_]+", "", text.lower())


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_texts(bench: Path) -> set[str]:
    return {text_key(record["text"]) for path in sorted((bench / "data").glob("*.test.jsonl"))
            for record in read_jsonl(path)}


def training_records(bench: Path, sets: tuple[str, ...] = TRAINING_SETS) -> list[dict]:
    """The dev records of the sets (by default the licensed ones), without test texts and
    without repeats."""
    excluded = test_texts(bench)
    chosen = []
    for name in sets:
        for record in read_jsonl(bench / "data" / f"{name}.dev.jsonl"):
            key = text_key(record["text"])
            if key not in excluded:
                excluded.add(key)
                chosen.append(record)
    return chosen


def training_texts(bench: Path = BENCH) -> set[str]:
    """Keys of every text the model was trained on (for the benchmark's `unseen` column)."""
    return {text_key(record["text"]) for record in training_records(bench)}


#: AnyStyle tags the university of a thesis or the body that issues a report as its
#: publisher, GROBID's corpus (and CORA, UMass) as an institution; the model learns
#: GROBID's convention, and the Record still takes the institution as its publisher.
_REPORT_OR_THESIS = re.compile(
    r"thesis|dissertation|technical report|tech\.\s*rep|working paper|report no", re.I)


def label_of(field: str | None) -> str:
    label = LABEL_OF_FIELD.get(field or "", field or "other")
    return label if label in LABELS else "other"


def token_labels(record: dict) -> tuple[list, list[str]]:
    """The record's tokens and one label each, from its spans aligned with its text."""
    text = " ".join(record["text"].split())
    character_labels = ["other"] * len(text)
    position = 0
    volume_spans = []
    report = record["source"].startswith("anystyle") and _REPORT_OR_THESIS.search(text)
    for _, field, span_text in record["spans"]:
        span_text = " ".join(span_text.split())
        start = text.find(span_text, position) if span_text else -1
        if start < 0:
            continue
        label = "institution" if report and field == "publisher" else label_of(field)
        for index in range(start, start + len(span_text)):
            character_labels[index] = label
        position = start + len(span_text)
        if field == "volume":
            volume_spans.append((start, position))
    _label_inside_volume(record, text, character_labels, volume_spans)
    tokens = tokenize(text)
    labels = [character_labels[token.start] for token in tokens]
    return tokens, punctuation_between_fields(tokens, labels), text


def punctuation_between_fields(tokens: list, labels: list[str]) -> list[str]:
    """Punctuation at the edges of a labelled run becomes `other`.

    AnyStyle's spans include the comma or full stop that ends a field, GROBID's do
    not; one convention (GROBID's) makes the two corpora agree, and the parser puts
    back what belongs to a field (the dot of an initial, a title's question mark).
    """
    labels = list(labels)
    changed = True
    while changed:  # "Title?”." loses its marks one pass at a time
        changed = False
        for index, token in enumerate(tokens):
            if labels[index] == "other" or any(character.isalnum() for character in token.text):
                continue
            previous = labels[index - 1] if index > 0 else "other"
            following = labels[index + 1] if index + 1 < len(labels) else "other"
            if previous != labels[index] or following != labels[index]:
                labels[index] = "other"
                changed = True
    return labels


def _label_inside_volume(record: dict, text: str, character_labels: list[str],
                         volume_spans: list[tuple[int, int]]) -> None:
    """AnyStyle and CORA tag `36(2)` or `2019;14(3):153-60` as one volume span; the bench's
    converter split their fields, so the issue, pages and date it found are labelled
    inside the span, as the GROBID corpus labels them."""
    spanned = {field for _, field, _ in record["spans"]}
    for field in ("issue", "pages", "date"):
        value = str(record["fields"].get(field, "")).strip(" .,;:()")
        if field in spanned or not value:
            continue
        for start, end in volume_spans:
            found = text.find(value, start + 1, end)
            if found > start:
                character_labels[found:found + len(value)] = [field] * len(value)
                break


def train(records: list[dict], output: Path, iterations: int, c1: float, c2: float) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for record in records:
        tokens, labels, text = token_labels(record)
        if tokens:
            trainer.append(features(tokens, text), labels)  # crfsuite takes the dicts as they are
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--output", type=Path, default=MODEL)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.1, help="L1 penalty (prunes features, keeps the model small)")
    parser.add_argument("--c2", type=float, default=0.1,
                        help="L2 penalty (0.1 generalizes better to unseen sets than 0.01: dev files of umass and cora)")
    parser.add_argument("--sets", default=",".join(TRAINING_SETS),
                        help="dev files to train on; only the default ones may be shipped (licences)")
    options = parser.parse_args(argv)
    start = time.perf_counter()
    records = training_records(options.bench, tuple(options.sets.split(",")))
    train(records, options.output, options.iterations, options.c1, options.c2)
    size = options.output.stat().st_size / 1e6
    print(f"trained on {len(records)} references in {time.perf_counter() - start:.0f} s: "
          f"{options.output} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
