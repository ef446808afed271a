"""Score and time the free-text reference parser on ../shared/bench/refparse.

    python benchmarks/bench_refparse.py              # F1 table, speed, model load time
    python benchmarks/bench_refparse.py --sets cora  # only some sets
    python benchmarks/bench_refparse.py --no-speed

* F1: micro-averaged field F1 from the bench's own `score.py` on every set's
  test file (and on the references of that file not seen in training, see
  `scripts/train_refparse.py`: `unseen` drops gold records whose text is in a training file);
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
from contextlib import redirect_stdout
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


def bench_fields(record) -> dict:
    """A parsed Record in the bench's prediction schema."""
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
    return {field: value for field, value in fields.items() if value}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def micro_f1(gold_path: Path, limit: int | None = None, exclude_ids: set[str] = frozenset()) -> float:
    """The scorer's micro-averaged field F1 of the parser on a bench file."""
    from refmanager.ingest.references import parse_reference

    scorer = load_scorer(gold_path.parents[1])
    gold = {rid: record for rid, record in scorer.load(gold_path).items() if rid not in exclude_ids}
    if limit:
        gold = dict(list(gold.items())[:limit])
    predicted = {rid: {"id": rid, "fields": bench_fields(parse_reference(record["text"]))}
                 for rid, record in gold.items()}
    with redirect_stdout(io.StringIO()):
        f1, _ = scorer.report(gold, predicted)
    return f1


def seen_in_training(gold_path: Path) -> set[str]:
    """Ids of gold records whose text is also in a file the model was trained on."""
    sys.path.insert(0, str(REPOSITORY / "scripts"))
    import train_refparse

    trained = train_refparse.training_texts(gold_path.parents[1])
    return {record["id"] for record in read_jsonl(gold_path)
            if train_refparse.text_key(record["text"]) in trained}


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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--no-speed", action="store_true")
    options = parser.parse_args(argv)
    print(f"{'set (test file)':<18}{'refs':>6}{'micro-F1':>10}{'unseen':>8}{'F1 unseen':>11}")
    for name in options.sets.split(","):
        path = BENCH / "data" / f"{name}.test.jsonl"
        seen = seen_in_training(path)
        total = len(read_jsonl(path))
        unseen_f1 = micro_f1(path, exclude_ids=seen) if len(seen) < total else float("nan")
        print(f"{name:<18}{total:>6}{micro_f1(path):>10.4f}{total - len(seen):>8}{unseen_f1:>11.4f}", flush=True)
    if not options.no_speed:
        largest = max((BENCH / "data").glob("*.jsonl"), key=lambda file: file.stat().st_size)
        count, rate = references_per_second(largest)
        print(f"speed: {rate:,.0f} references/s (CPU, one core) on {largest.name} ({count} refs)")
        imported, loaded = model_load_seconds()
        print(f"model load: {loaded:.3f} s (fresh process; importing the parser before it: {imported:.3f} s)")


if __name__ == "__main__":
    main()
