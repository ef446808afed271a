"""Read and write the largest real BibTeX file; compare with bibtexparser.

    python benchmarks/bench_io.py [--runs 3] [--file PATH] [--output benchmarks/results/X.md]

Each job runs in its own Python process, so its CPU time and peak memory are
its own; the figures are medians over the runs. Jobs:

* bibtexparser: `parse_file` + `write_string` with its defaults (the peer);
* refmanager read+write: `load` + `dumps(..., "bibtex")` of the unchanged
  file (byte-identical output, checked). The reader decodes a record's
  LaTeX and names on first use only (`io/bibtex/pending.py`), and this job
  uses none: it measures scanning and writing;
* refmanager read+csljson: `load` + `dumps(..., "csljson")`: every record
  generated from the model;
* refmanager read+regenerate: every record marked changed, so that every
  entry is generated again (reusing the text of unchanged fields).

Every job runs with Python's defaults, the cycle collector on; refmanager's
reader and writer pause it themselves while they build (`collector.py`), as
library code, so it is paused for them and not for bibtexparser, which does
not do it.

The default input is ../shared/bench/bigbib/acl-anthology-88k.bib (88,536
blocks: 88,133 entries and 403 malformed blocks); blocks per second divide that count by CPU seconds.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import subprocess
import sys
from pathlib import Path


RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_FILE = Path(__file__).resolve().parents[1].parent / "shared/bench/bigbib/acl-anthology-88k.bib"

# A job's last line (from `check =`) checks its result once its time and memory are
# taken: reading the output back is no part of the job.
_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
{job}
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
{check}
print(json.dumps({{"cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
                  "peak_mb": usage.ru_maxrss / 1024, "check": check}}))
"""

JOBS = {
    "bibtexparser parse+write": """
import logging, bibtexparser
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
library = bibtexparser.parse_file(sys.argv[1])
text = bibtexparser.write_string(library)
check = len(library.blocks)
""",
    "refmanager read+write": """
import refmanager
document = refmanager.load(sys.argv[1])
text = refmanager.dumps(document, "bibtex").text
check = text.encode("utf-8") == open(sys.argv[1], "rb").read()
""",
    "refmanager read+csljson": """
import refmanager
document = refmanager.load(sys.argv[1])
text = refmanager.dumps(document, "csljson").text
check = len(document.records)
""",
    "refmanager read+regenerate": """
import dataclasses, refmanager
document = refmanager.load(sys.argv[1])
for record in document.records:  # a fingerprint that cannot match: every record counts as changed
    record.origin = dataclasses.replace(record.origin, fingerprint=0)
text = refmanager.dumps(document, "bibtex").text
check = len(document.records)
""",
}


def run_job(job: str, path: Path) -> dict:
    work, check = job.split("\ncheck =", 1)
    code = _MEASURE.format(job=work, check="check =" + check)
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    from installed import compile_package  # benchmarks/ is the script's folder

    compile_package()  # each job then starts as an installed package does
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--jobs", nargs="*", default=list(JOBS))
    parser.add_argument("--output", type=Path, default=RESULTS / f"bench_io-{datetime.date.today()}.md",
                        help="Where to write the table as well (Markdown)")
    options = parser.parse_args()
    blocks = options.file.read_text(encoding="utf-8").count("\n@") + 1
    lines = [f"{options.file.name}: {blocks} blocks, {options.runs} runs each (medians)\n",
             "| job | CPU s | wall s | blocks/s (CPU) | peak MB | vs bibtexparser (CPU) | check |",
             "|---|---|---|---|---|---|---|"]
    print("\n".join(lines), flush=True)
    baseline = None
    for name in options.jobs:
        runs = [run_job(JOBS[name], options.file) for _ in range(options.runs)]
        cpu = statistics.median(run["cpu"] for run in runs)
        wall = statistics.median(run["wall"] for run in runs)
        peak = statistics.median(run["peak_mb"] for run in runs)
        baseline = baseline or cpu
        lines.append(f"| {name} | {cpu:.1f} | {wall:.1f} | {blocks / cpu:,.0f} | {peak:.0f} | "
                     f"{baseline / cpu:.2f}× | {runs[0]['check']} |")
        print(lines[-1], flush=True)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
