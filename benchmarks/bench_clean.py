"""`refman clean` end to end on the largest real BibTeX file, against its peers.

    python benchmarks/bench_clean.py [--runs 3] [--file PATH] [--tidy PATH/TO/bibtex-tidy]

Each job runs in its own Python process, so its CPU time and peak memory are
its own; the figures are medians over the runs. Jobs:

* bibtexparser: `parse_file` + `write_string` with its defaults (the peer the
  target is set against: `refman clean` should take no more wall time);
* refman clean --jobs 1: the command itself (`clean FILE --apply -o OUT --report R`):
  read, every rule of the default pipeline plus ProtectTitleWords, write the
  file and the report, in one process;
* refman clean --jobs 2: the same in two processes (`refmanager.clean_parts`);
* refman clean (plan): the same without --apply: read, every rule, the report;
* bibtex-tidy (npm package), when its script is found (`--tidy`, or
  node_modules/.bin/bibtex-tidy in /tmp/bt): run on a copy of the file, since
  it rewrites its input; its figures are those of the node process.

The default input is ../shared/bench/bigbib/acl-anthology-88k.bib; entries per
second divide its number of `@` blocks by wall seconds.

`--phases` instead runs the clean job once in one process, stage by stage as
`refmanager.clean` does them with `--jobs 1`, and prints the CPU seconds of each
(CPU moves less with the load on a shared machine) and their wall seconds: where
the time of a clean goes. (`refmanager.clean_parts` shares decoding, the record
steps and writing among the processes of `--jobs N`.)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from bench_io import JOBS as IO_JOBS  # benchmarks/ is the script's folder

DEFAULT_FILE = Path(__file__).resolve().parents[1].parent / "shared/bench/bigbib/acl-anthology-88k.bib"
DEFAULT_TIDY = Path("/tmp/bt/node_modules/.bin/bibtex-tidy")

_MEASURE = """
import json, resource, sys, tempfile, time
from pathlib import Path
work = Path(tempfile.mkdtemp())
start = time.perf_counter()
{job}
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
# refman's forked workers (refmanager.parallel) share most pages with this process: it
# adds what each had of its own; RUSAGE_CHILDREN's peak is only the largest child's.
parallel = sys.modules.get("refmanager.parallel")
workers_kb = sum(parallel.worker_private_kb) if parallel else 0
peak = (usage.ru_maxrss + workers_kb if workers_kb else max(usage.ru_maxrss, children.ru_maxrss)) / 1024
{check}
print(json.dumps({{"cpu": cpu, "wall": wall, "peak_mb": peak, "check": check}}))
"""

_CLEAN_APPLY = """
from refmanager.cli import app
(work / "refman.toml").write_text('enable = ["ProtectTitleWords"]\\n')
import os; os.chdir(work)
try:
    app(["clean", sys.argv[1], "--apply", "-o", str(work / "out.bib"), "--report", str(work / "r.json"){options}],
        standalone_mode=False)
except SystemExit:
    pass
check = (lambda files: f"{{len(files[0]['applied'])}} fixes, {{len(files[0]['suggested'])}} suggestions")(
    json.loads((work / "r.json").read_text())["files"])
"""

JOBS = {
    "bibtexparser parse+write": IO_JOBS["bibtexparser parse+write"],  # the same peer job
    "refman clean --apply -o OUT --report R --jobs 1": _CLEAN_APPLY.format(options=', "--jobs", "1"'),
    "refman clean --apply -o OUT --report R --jobs 2": _CLEAN_APPLY.format(options=', "--jobs", "2"'),
    "refman clean (plan) --report R": """
from refmanager.cli import app
(work / "refman.toml").write_text('enable = ["ProtectTitleWords"]\\n')
import os; os.chdir(work)
try:
    app(["clean", sys.argv[1], "--report", str(work / "r.json")], standalone_mode=False)
except SystemExit:
    pass
check = (work / "r.json").stat().st_size > 0
""",
    "bibtex-tidy (node)": """
import shutil, subprocess
copy = work / "copy.bib"
shutil.copy(sys.argv[1], copy)
start = time.perf_counter()  # the copy is not part of the job
subprocess.run([sys.argv[2], str(copy), "--output", str(work / "tidy.bib")], check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
check = (work / "tidy.bib").stat().st_size
""",
}


# The clean job's stages, timed one by one (the three parts of `run_pipeline`).
_PHASES = """
import gc, json, sys, tempfile, time
from pathlib import Path
from refmanager import api, clean as cleaning
from refmanager.changes import apply_changes
from refmanager.normalize import NormalizeConfig, default_pipeline
from refmanager.normalize import pipeline as steps
gc.disable()  # as the command does
work, config = Path(tempfile.mkdtemp()), NormalizeConfig(enabled={"ProtectTitleWords"})
phases = {}
def clock():
    return time.process_time(), time.perf_counter()
def timed(name, started):
    now = clock()
    phases[name] = [round(now[0] - started[0], 2), round(now[1] - started[1], 2)]
    return clock()
started = clock()
document = api.load(sys.argv[1]); started = timed("read (scan the entries)", started)
records = document.records
records[0].origin; started = timed("decode (build every record)", started)
pipeline = default_pipeline(config)
plan = steps.prepare_record_steps(pipeline, records, config)
started = timed("prepare the steps (learn from the file)", started)
findings = steps.Findings()
identified = steps.run_record_steps(plan, document.path, records, config, findings)
started = timed("record steps", started)
steps.run_document_steps(pipeline, identified, records, config, findings)
started = timed("document steps (people, venues)", started)
fixes = findings.fixes(config.threshold)
report = cleaning.FileReport(sys.argv[1], document.format, len(records), fixes,
                             findings.suggestions(config.threshold), document.all_problems() + findings.problems)
report.problems += apply_changes(document, fixes); started = timed("apply the fixes", started)
api.save(document, str(work / "out.bib")); started = timed("write the file", started)
cleaning.write_report(cleaning.CleanReport([report], True, config.threshold), str(work / "r.json"))
timed("write the report", started)
phases["fixes"] = len(fixes)  # the same as the clean job's check
print(json.dumps(phases))
"""


def run_phases(path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _PHASES, str(path)], capture_output=True, text=True,
                            check=True)
    phases = json.loads(result.stdout.strip().splitlines()[-1])
    fixes = phases.pop("fixes")
    print(f"{path.name}: seconds of each stage of `refman clean --apply --jobs 1` (one run, {fixes} fixes)\n")
    print("| stage | CPU s | wall s |\n|---|---|---|")
    for name, (cpu, wall) in phases.items():
        print(f"| {name} | {cpu:.2f} | {wall:.2f} |")
    print(f"| total | {sum(cpu for cpu, _ in phases.values()):.2f} | {sum(wall for _, wall in phases.values()):.2f} |")


def run_job(job: str, path: Path, tidy: Path) -> dict:
    # A job's last lines (from `check =`) check its result once its time and memory
    # are taken: reading a 63 MB report back is no part of a clean.
    work, check = job.split("\ncheck =", 1)
    code = _MEASURE.format(job=work, check="check =" + check)
    result = subprocess.run([sys.executable, "-c", code, str(path), str(tidy)], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    from installed import compile_package  # benchmarks/ is the script's folder

    compile_package()  # each job then starts as an installed package does
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--tidy", type=Path, default=DEFAULT_TIDY)
    parser.add_argument("--jobs", nargs="*", default=list(JOBS))
    parser.add_argument("--phases", action="store_true", help="CPU and wall time of each stage of the clean job")
    options = parser.parse_args()
    if options.phases:
        run_phases(options.file)
        return
    jobs = [name for name in options.jobs if "tidy" not in name or options.tidy.exists()]
    blocks = options.file.read_text(encoding="utf-8").count("\n@") + 1
    print(f"{options.file.name}: {blocks} blocks, {options.runs} runs each (medians)\n")
    print("| job | wall s | CPU s | entries/s (wall) | peak MB | wall vs bibtexparser | check |")
    print("|---|---|---|---|---|---|---|")
    baseline, walls = None, {}
    for name in jobs:
        runs = [run_job(JOBS[name], options.file, options.tidy) for _ in range(options.runs)]
        cpu = statistics.median(run["cpu"] for run in runs)
        wall = walls[name] = statistics.median(run["wall"] for run in runs)
        peak = statistics.median(run["peak_mb"] for run in runs)
        baseline = baseline or wall
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {blocks / wall:,.0f} | {peak:.0f} | "
              f"{wall / baseline:.2f}× | {runs[0]['check']} |", flush=True)
    tidy = next((wall for name, wall in walls.items() if "tidy" in name), None)
    if tidy:
        print("\nbibtex-tidy's wall time / each job's: " + ", ".join(
            f"{name} {tidy / wall:.2f}×" for name, wall in walls.items() if "tidy" not in name))


if __name__ == "__main__":
    main()
