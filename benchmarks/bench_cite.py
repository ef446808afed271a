"""Format the largest real BibTeX file in APA; compare with citeproc-js and pybtex.

    python benchmarks/bench_cite.py [--runs 1] [--file PATH] [--oracle PATH] [--out DIR]
                                    [--only TEXT,...] [--stem NAME]

Each job runs in its own process, so its CPU time and peak memory are its
own; the figures are medians over the runs. Jobs:

* refmanager APA, end to end: `load` the file, turn the records into CSL
  items, register them with the APA processor (sorting, disambiguation),
  render the whole bibliography as text and write it to a file; on the whole
  file, and on its first 10k, 20k and 44k entries (scaling should be near
  linear);
* refmanager APA on the first 5,000 entries, and citeproc-js (the
  csl-oracle's `render.js --bench 1`, APA) on the same 5,000 entries written
  as CSL-JSON: the processor Zotero uses, on the same data;
* `refman cite FILE --style apa --no-dedupe -o OUT`, the command itself (the
  named style apa: the official style, and sentence case for BibTeX titles);
* pybtex `plain` (its BibTeX-style formatter, text backend) on the whole file.

The default input is ../shared/bench/bigbib/acl-anthology-88k.bib (88,536
blocks: 88,132 entries and 404 malformed blocks); entries per second divide
the entries rendered by CPU seconds. Results go to benchmarks/results/.
citeproc-js needs the oracle's vendor folder (its setup.sh; set
CSL_ORACLE_VENDOR where the README says).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT.parent / "shared/bench/bigbib/acl-anthology-88k.bib"
DEFAULT_ORACLE = ROOT.parent / "shared/tools/csl-oracle"
SCALING = (10_000, 20_000, 44_000)
ORACLE_SUBSET = 5_000

_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
{job}
usage = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
# Linux keeps in ru_maxrss the peak of the process this one was forked from (the
# benchmark, which holds the file's text): the job's own peak is VmHWM.
try:
    with open("/proc/self/status") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    own = usage.ru_maxrss
print(json.dumps({{"cpu": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
                  "wall": time.perf_counter() - start,
                  "peak_mb": max(own, children.ru_maxrss) / 1024, "check": check}}))
"""

REFMANAGER_APA = """
import refmanager
from refmanager.render.api import formatter
document = refmanager.load(sys.argv[1])
engine = formatter(document.records, "apa")
entries = engine.processor.bibliography(format="text")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\\n".join(entry for _id, entry in entries) + "\\n")
check = len(entries)
"""

# The user's path: the command, with the named style apa (sentence case for BibTeX
# titles included); --no-dedupe, as the peers render every entry as given.
REFMAN_CITE = """
import subprocess
result = subprocess.run([sys.executable, "-m", "refmanager", "cite", sys.argv[1], "--style", "apa",
                         "--no-dedupe", "-o", sys.argv[2]], capture_output=True, text=True)
if result.returncode not in (0, 1):  # 1: the file's malformed blocks were reported
    sys.exit("refman cite: " + (result.stderr.strip().splitlines() or ["failed"])[-1])
with open(sys.argv[2], encoding="utf-8") as written:
    check = sum(1 for line in written if line.strip())
"""

PYBTEX_PLAIN = """
import pybtex.errors
from pybtex.database import parse_file
from pybtex.plugin import find_plugin
from pybtex.style.template import FieldIsMissing
pybtex.errors.set_strict_mode(False)  # the file has malformed blocks; report, go on
data = parse_file(sys.argv[1], "bibtex")
style = find_plugin("pybtex.style.formatting", "plain")()
backend = find_plugin("pybtex.backends", "text")()
# format_bibliography stops at the first entry it cannot format (a missing
# required field, the file's one @tt): format entry by entry and count those left out.
entries = style.sort(data.entries.values())
check = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for label, entry in zip(style.format_labels(entries), entries):
        try:
            out.write(style.format_entry(label, entry).text.render(backend) + "\\n")
            check += 1
        except (FieldIsMissing, AttributeError):
            pass
"""

CITEPROC_JS = """
import subprocess
result = subprocess.run(["node", sys.argv[3] + "/render.js", "--items", sys.argv[1], "--bench", "1",
                         "--styles", "apa"], capture_output=True, text=True)
if result.returncode:  # most often: no vendor folder (setup.sh, CSL_ORACLE_VENDOR)
    sys.exit("citeproc-js: " + next((line for line in result.stderr.splitlines() if "Error" in line), "failed"))
check = json.loads(result.stdout)["styles"]["apa"]
"""


def run_job(job: str, *arguments: str) -> dict:
    code = _MEASURE.format(job=job)
    result = subprocess.run([sys.executable, "-c", code, *map(str, arguments)],
                            capture_output=True, text=True)
    if result.returncode:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        return {"failed": last[:200]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def first_entries(source: Path, count: int, folder: Path) -> Path:
    """A file of the source's first `count` blocks, cut at block starts."""
    text = source.read_text(encoding="utf-8")
    starts = [match.start() + 1 for match in re.finditer(r"\n@", text)]
    cut = starts[count - 1] if count <= len(starts) else len(text)
    target = folder / f"first-{count}.bib"
    target.write_text(text[:cut], encoding="utf-8")
    return target


def as_csljson(source: Path, folder: Path) -> Path:
    import refmanager

    target = folder / f"{source.stem}.json"
    target.write_text(refmanager.dumps(refmanager.load(str(source)), "csljson").text, encoding="utf-8")
    return target


def median_row(name: str, runs: list[dict]) -> dict:
    failed = [run["failed"] for run in runs if "failed" in run]
    if failed:
        return {"job": name, "failed": failed[0]}
    row = {"job": name}
    for figure in ("cpu", "wall", "peak_mb"):
        row[figure] = statistics.median(run[figure] for run in runs)
    row["check"] = _median_check([run["check"] for run in runs])
    return row


def _median_check(checks: list):
    """A job's check; for citeproc-js, whose check is its own timing report, the
    median of each figure over the runs (the ratio is taken against it)."""
    if not isinstance(checks[0], dict):
        return checks[0]
    figures = {key: statistics.median(check[key] for check in checks) for key in checks[0]}
    return figures | {"bibliography_all_items_per_s_by_run": [check["bibliography_all_items_per_s"]
                                                              for check in checks]}


def table(rows: list[dict]) -> str:
    lines = ["| job | entries | CPU s | wall s | entries/s (CPU) | peak MB |", "|---|---|---|---|---|---|"]
    for row in rows:
        if "failed" in row:
            lines.append(f"| {row['job']} | failed: {row['failed']} | | | | |")
            continue
        entries = row["entries"]
        lines.append(f"| {row['job']} | {entries:,} | {row['cpu']:.1f} | {row['wall']:.1f} | "
                     f"{entries / row['cpu']:,.0f} | {row['peak_mb']:.0f} |")
    return "\n".join(lines)


def jobs(options, folder: Path) -> list[tuple[str, str, tuple, int | None]]:
    """(name, code, arguments, entries) for every job; entries None: the job counts them."""
    subset = first_entries(options.file, ORACLE_SUBSET, folder)
    subset_json = as_csljson(subset, folder)
    out = folder / "out.txt"
    found = [(f"refmanager APA, first {count:,}", REFMANAGER_APA,
              (first_entries(options.file, count, folder), out), None) for count in SCALING]
    found.append(("refmanager APA, whole file", REFMANAGER_APA, (options.file, out), None))
    found.append(("refman cite --style apa --no-dedupe (the command), whole file", REFMAN_CITE,
                  (options.file, out), None))
    found.append((f"refmanager APA, first {ORACLE_SUBSET:,}", REFMANAGER_APA, (subset, out), None))
    found.append((f"citeproc-js APA, first {ORACLE_SUBSET:,} (CSL-JSON)", CITEPROC_JS,
                  (subset_json, out, options.oracle), None))
    found.append(("pybtex plain, whole file", PYBTEX_PLAIN, (options.file, out), None))
    return found


def main() -> None:
    from installed import compile_package  # benchmarks/ is the script's folder

    compile_package()  # each job then starts as an installed package does
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--oracle", type=Path, default=DEFAULT_ORACLE)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--only", help="run only the jobs whose name holds one of these texts (separated by commas; a comma before a space or a digit belongs to the text, as in job names: \"refmanager APA, whole file\")")
    parser.add_argument("--stem", help="name of the result files, without .md/.json "
                                       "(default bench_cite-DATE; a second run that day: bench_cite-DATEb)")
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for name, code, arguments, _entries in jobs(options, Path(temporary)):
            # A comma before a digit is a thousands separator ("first 5,000"), not a list's.
            if options.only and not any(text in name for text in re.split(r",(?![\d ])", options.only)):
                continue
            row = median_row(name, [run_job(code, *arguments) for _ in range(options.runs)])
            row |= _entries_of(row)
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
    write_results(options, rows)


def _entries_of(row: dict) -> dict:
    """Entries rendered, and for citeproc-js its own timing of the rendering alone."""
    check = row.get("check")
    if isinstance(check, dict):  # citeproc-js's report on its own bibliography run
        return {"entries": ORACLE_SUBSET, "citeproc_js": check}
    return {"entries": check} if isinstance(check, int) else {}


def write_results(options, rows: list[dict]) -> None:
    options.out.mkdir(parents=True, exist_ok=True)
    stem = options.out / (options.stem or f"bench_cite-{datetime.date.today().isoformat()}")
    oracle = next((row["citeproc_js"] for row in rows if "citeproc_js" in row), None)
    note = (f"\n\nciteproc-js's own timing of the rendering alone (engine built, items converted): "
            f"{oracle['bibliography_all_items_per_s']:,.0f} entries/s for the whole list "
            f"(median; runs: {', '.join(map(str, oracle['bibliography_all_items_per_s_by_run']))}), "
            f"{oracle['engine_build_ms']} ms to build the engine." if oracle else "")
    text = (f"{options.file.name}, APA unless named, {options.runs} run(s) each (medians); "
            f"entries/s divide the entries rendered by CPU seconds of the whole job "
            f"(reading and writing included).\n\n{table(rows)}{note}\n")
    stem.with_suffix(".md").write_text(text, encoding="utf-8")
    stem.with_suffix(".json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {stem}.md and .json")


if __name__ == "__main__":
    main()
