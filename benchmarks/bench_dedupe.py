"""Deduplication quality and speed on the labelled sets of ../shared/bench/dedupe.

    python benchmarks/bench_dedupe.py            # every set: F1 (the scorer's main metric), time
    python benchmarks/bench_dedupe.py dblp_acm   # one set

Each set's BibTeX file is read with refmanager (its `x-record-id` field is
ignored: it exists only for scoring), deduplicated, and the clusters are scored
by the set's own scorer (score.py), which prints the metric the set is known by.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import refmanager
from refmanager.dedupe import find_duplicates

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dedupe"
SETS = ["dblp_acm", "cora1295", "cora1879", "sr_diabetes", "sr_cytology_screening",
        "sr_haematology", "sr_respiratory", "sr_stroke", "sr_digital_work"]


def run(name: str) -> dict:
    folder = BENCH / name
    started = time.process_time()
    records = refmanager.load(str(folder / f"{name}.bib")).records
    read = time.process_time() - started
    result = find_duplicates(records)
    spent = time.process_time() - started
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for number, group in enumerate(result.clusters):
            out.write(json.dumps({"cluster": f"p{number}", "ids": [records[i].key for i in group]}) + "\n")
    scored = subprocess.run([sys.executable, str(BENCH / "score.py"), out.name, str(folder)],
                            capture_output=True, text=True, check=True).stdout
    summary = next(line for line in scored.splitlines() if line.startswith("SUMMARY"))
    removal = next((line for line in scored.splitlines() if "removal" in line.lower()), "")
    return {"set": name, "records": len(records), "summary": summary, "removal": removal.strip(),
            "pairs compared": result.compared, "cpu s": round(spent, 2), "read s": round(read, 2)}


def main(names: list[str]) -> None:
    for name in names or SETS:
        print(json.dumps(run(name)))
    print(f"peak MB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}")


if __name__ == "__main__":
    main(sys.argv[1:])
