"""Score and time the free-text reference parser on ../shared/bench/refparse.

    python benchmarks/bench_refparse.py              # F1 table, speed, model load time
    python benchmarks/bench_refparse.py --sets cora  # only some sets
    python benchmarks/bench_refparse.py --no-speed

* F1: micro-averaged field F1 from the bench's own `score.py` on every set's
  test file. No test text is trained on (`scripts/train_refparse.py` leaves them
  out), so every figure is out of sample. `micro-F1` scores our structured names;
  `names as spans` gives the scorer the author and editor spans as written, to be
  split by the heuristic that derived the gold names of the span-tagged sets
  (AnyStyle, CORA, GROBID): the difference is what that heuristic costs correct
  names there. UMass's gold names are real, and our names score higher there;
* speed: references per second parsing the largest refparse file on one core (CPU time);
* load: seconds to load the shipped CRF model, in a fresh process.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import subprocess
import sys
import time
from pathlib import Path


REPOSITORY = Path(__file__).resolve().parents[1]
BENCH = REPOSITORY.parent / "shared" / "bench" / "refparse"
SETS = ("anystyle-gold", "anystyle-core", "cora", "parscit-extra", "umass-citation",
        "grobid-eval", "grobid-train")


def load_scorer(bench: Path = BENCH):
    """The bench's score.py as a module."""
    spec = importlib.util.spec_from_file_location("refparse_score", bench / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_fields(record, spans=()) -> dict:
    """A parsed Record in the bench's prediction schema. A publisher the labeller found as
    an institution (the university of a thesis, the body issuing a report) is given as
    the schema's `institution`, as the gold of GROBID, CORA and UMass tags it; the
    Record holds it as its publisher, where CSL wants it."""
    def names(role):
        return [f"{' '.join(p for p in (n.non_dropping_particle, n.family) if p)}, {n.given}".strip(", ")
                or n.literal for n in record.creators.get(role, [])]
    issued = record.issued
    fields = {
        "author": names("author"), "editor": names("editor"), "title": record.title,
        "container": record.container_title, "year": str(issued.year) if issued and issued.year else "",
        "volume": record.volume, "issue": record.issue, "pages": record.page or record.number,
        "publisher": record.publisher, "location": record.publisher_place, "doi": record.doi,
        "url": record.url,
    }
    labels = {label for label, _ in spans}
    if "institution" in labels and "publisher" not in labels:
        fields["institution"] = fields.pop("publisher", "")
    return {field: value for field, value in fields.items() if value}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def span_fields(parsed) -> dict:
    """The prediction with the author and editor spans as written, for the scorer to split
    with the heuristic that made the gold names of the span-tagged sets."""
    fields = bench_fields(parsed.record, parsed.spans)
    for role in ("author", "editor"):
        fields.pop(role, None)
        written = " ".join(text for label, text in parsed.spans if label == role)
        if written:
            fields[role] = written
    return fields


def micro_f1(gold_path: Path, names_as_spans: bool = False) -> float:
    """The scorer's micro-averaged field F1 of the parser on a bench file."""
    from refmanager.ingest.references import parse_lines

    scorer = load_scorer(gold_path.parents[1])
    gold = scorer.load(gold_path)
    predicted = {}
    for rid, record in gold.items():
        [parsed] = parse_lines([record["text"]])
        fields = span_fields(parsed) if names_as_spans else bench_fields(parsed.record, parsed.spans)
        predicted[rid] = {"id": rid, "fields": fields}
    f1, _ = scorer.report(gold, predicted, out=io.StringIO())
    return f1


def references_per_second(path: Path) -> tuple[int, float]:
    from refmanager.ingest.references import parse_reference

    texts = [record["text"] for record in read_jsonl(path)]
    parse_reference(texts[0])  # load the model outside the timing
    start = time.process_time()
    for text in texts:
        parse_reference(text)
    return len(texts), len(texts) / (time.process_time() - start)


def model_load_seconds() -> tuple[float, float]:
    """Seconds to import the parser, then to open the model (python-crfsuite's import included)."""
    code = ("import time; s = time.perf_counter(); from refmanager.ingest import reference_labels; "
            "m = time.perf_counter(); reference_labels.load_model(); "
            "print(m - s, time.perf_counter() - m)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, loaded = done.stdout.split()
    return float(imported), float(loaded)


def main(argv: list[str] | None = None) -> None:
    from installed import compile_package  # benchmarks/ is the script's folder

    compile_package()  # each job then starts as an installed package does
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--no-speed", action="store_true")
    options = parser.parse_args(argv)
    print(f"{'set (test file)':<18}{'refs':>6}{'micro-F1':>10}{'names as spans':>16}")
    for name in options.sets.split(","):
        path = BENCH / "data" / f"{name}.test.jsonl"
        total = len(read_jsonl(path))
        print(f"{name:<18}{total:>6}{micro_f1(path):>10.4f}{micro_f1(path, names_as_spans=True):>16.4f}",
              flush=True)
    if not options.no_speed:
        largest = max((BENCH / "data").glob("*.jsonl"), key=lambda file: file.stat().st_size)
        count, rate = references_per_second(largest)
        print(f"speed: {rate:,.0f} references/s (CPU, one core) on {largest.name} ({count} refs)")
        imported, loaded = model_load_seconds()
        print(f"model load: {loaded:.3f} s (fresh process; importing the parser before it: {imported:.3f} s)")


if __name__ == "__main__":
    main()
