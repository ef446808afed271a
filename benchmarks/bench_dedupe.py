"""Deduplication quality and speed on the labelled sets of ../shared/bench/dedupe.

    python benchmarks/bench_dedupe.py            # every set: F1 (the scorer's main metric), time
    python benchmarks/bench_dedupe.py dblp_acm   # one set
    python benchmarks/bench_dedupe.py --scaling  # acl-anthology-88k.bib: 10k, 20k, 44k, 88k records,
                                                 # then `refman dedupe` on the whole file
    python benchmarks/bench_dedupe.py --attach-notices sr_haematology
                                                 # errata, replies and comments merged into their
                                                 # articles (DedupeOptions.attach_notices), as
                                                 # reviewers who count studies label them
    python benchmarks/bench_dedupe.py --misses cora1295
                                                 # the true pairs missed, by cause, largest first
    python benchmarks/bench_dedupe.py --versions cora1295
                                                 # pairs scored as two works though their authors
                                                 # and titles agree and their years are within 2
                                                 # (versions of a paper): which the labels join

Each set's BibTeX file is read with refmanager (its `x-record-id` field is
ignored: it exists only for scoring), deduplicated, and the clusters are scored
by the set's own scorer (score.py), which prints the metric the set is known by.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import refmanager
from refmanager.dedupe import DedupeOptions, find_duplicates
from refmanager.dedupe.columns import work_key
from refmanager.dedupe.scoring import compare


BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "dedupe"
BIGBIB = BENCH.parent / "bigbib" / "acl-anthology-88k.bib"
SIZES = [10_000, 20_000, 44_000, 88_536]
SETS = ["dblp_acm", "cora1295", "cora1879", "sr_diabetes", "sr_cytology_screening",
        "sr_haematology", "sr_respiratory", "sr_stroke", "sr_digital_work"]


def read_decoded(path: Path) -> list:
    """The file's records, decoded. BibTeX records decode on first use, the whole
    file at once: reading is timed with its decoding, not the first step that looks."""
    records = refmanager.load(str(path)).records
    if records:
        records[0].type  # decodes every record of the file
    return records


def run(name: str, options: DedupeOptions = DedupeOptions()) -> dict:
    folder = BENCH / name
    started = time.process_time()
    records = read_decoded(folder / f"{name}.bib")
    read = time.process_time() - started
    result = find_duplicates(records, options)
    spent = time.process_time() - started
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for number, group in enumerate(result.clusters):
            out.write(json.dumps({"cluster": f"p{number}", "ids": [records[i].key for i in group]}) + "\n")
    scored = subprocess.run([sys.executable, str(BENCH / "score.py"), out.name, str(folder)],
                            capture_output=True, text=True, check=True).stdout
    summary = next(line for line in scored.splitlines() if line.startswith("SUMMARY"))
    removal = next((line for line in scored.splitlines() if "removal" in line.lower()), "")
    row = {"set": name, "records": len(records), "summary": summary, "removal": removal.strip(),
           "pairs compared": result.compared, "cpu s": round(spent, 2), "read s": round(read, 2)}
    return row | ({"options": "attach_notices"} if options.attach_notices else {})


def misses(name: str, options: DedupeOptions = DedupeOptions()) -> list[dict]:
    """The true pairs the clusters miss, by cause. A true cluster split into several
    predicted groups misses every pair across two of them; the best comparison
    between the two groups (first 30 records of each) says why they stayed apart."""
    folder = BENCH / name
    records = read_decoded(folder / f"{name}.bib")
    keys = [work_key(record, index) for index, record in enumerate(records)]
    group_of = {index: number for number, group in enumerate(find_duplicates(records, options).clusters)
                for index in group}
    causes: dict[str, dict] = {}
    for true_cluster in _true_clusters(folder, records):
        parts: dict[int, list[int]] = {}
        for index in true_cluster:
            parts.setdefault(group_of.get(index, -1 - index), []).append(index)
        for first, second in itertools.combinations(parts.values(), 2):
            best = max((compare(keys[a], keys[b]) for a in first[:30] for b in second[:30]),
                       key=lambda comparison: comparison.score)
            cause = causes.setdefault(_miss_cause(best, options), {"pairs": 0, "group pairs": 0})
            cause["pairs"] += len(first) * len(second)
            cause["group pairs"] += 1
            cause.setdefault("example", [records[best.first].key, records[best.second].key])
    return sorted(({"set": name, "cause": cause} | counts for cause, counts in causes.items()),
                  key=lambda row: -row["pairs"])


def versions(name: str) -> list[dict]:
    """Candidate pairs scored below a match, and in two groups, whose authors agree, whose
    titles are near the same and whose years are at most 2 apart: a paper's versions
    (report, conference, journal). By what kept them apart and the two kinds: how many
    the labels join, how many they split. Merging versions gains the first and costs the
    second (directly: each merge also joins the two groups' other records)."""
    from refmanager.dedupe.blocking import candidate_pairs
    from refmanager.dedupe.scoring import Thresholds, _author_similarity, _title_similarity

    folder = BENCH / name
    records = read_decoded(folder / f"{name}.bib")
    keys = [work_key(record, index) for index, record in enumerate(records)]
    cluster_of = {index: number for number, members in enumerate(_true_clusters(folder, records))
                  for index in members}
    grouped = {index: number for number, group in enumerate(find_duplicates(records).clusters)
               for index in group}
    counts: dict[tuple[str, str], dict] = {}
    for first, second in candidate_pairs(keys):
        a, b = keys[first], keys[second]
        if a.year and b.year and abs(a.year - b.year) > 2 or _title_similarity(a.title, b.title) < 0.92:
            continue
        if not (a.families and b.families) or _author_similarity(a.families, b.families) < 0.9:
            continue
        comparison = compare(a, b)
        if comparison.score >= Thresholds().match:
            continue
        against = ", ".join(what.split(" (")[0] for what in comparison.disagreed) or "nothing"
        if grouped.get(first, -1) == grouped.get(second, -2):
            continue  # joined through other records all the same: merging them changes nothing
        row = counts.setdefault((against, "/".join(sorted({a.kind, b.kind}))),
                                {"labels join": 0, "labels split": 0})
        row["labels join" if cluster_of[first] == cluster_of[second] else "labels split"] += 1
    return sorted(({"set": name, "against": against, "kinds": kinds} | row
                   for (against, kinds), row in counts.items()),
                  key=lambda row: -row["labels join"] - row["labels split"])


def _true_clusters(folder: Path, records: list) -> list[list[int]]:
    position = {record.key: index for index, record in enumerate(records)}
    with open(folder / "records.jsonl", encoding="utf-8") as lines:
        bibkey = {row["id"]: row["bibkey"] for row in map(json.loads, lines)}
    with open(folder / "truth_clusters.jsonl", encoding="utf-8") as lines:
        return [[position[bibkey[record_id]] for record_id in row["ids"]] for row in map(json.loads, lines)]


def _miss_cause(best, options: DedupeOptions) -> str:
    if best.related:
        return f"related ({best.related}), not merged"
    if best.score >= options.thresholds.match:
        return "matched, but kept apart: the groups hold records compared as two works"
    if best.score >= options.thresholds.review:
        return "for review"
    if "title" in best.disagreed:
        return "titles differ"
    return "scored as two works: " + ", ".join(best.disagreed)


def run_big(size: int) -> dict:
    """Read the big file, then deduplicate its first `size` records (in this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    records = read_decoded(BIGBIB)[:size]  # so that the dedupe time is that of `size` records
    read_wall = time.perf_counter() - wall
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    result = find_duplicates(records)
    return {"records": len(records), "read wall s": round(read_wall, 1),
            "dedupe wall s": round(time.perf_counter() - started_wall, 1),
            "dedupe cpu s": round(time.process_time() - started_cpu, 1),
            "end to end wall s": round(time.perf_counter() - wall, 1),
            "records/s (dedupe)": round(len(records) / (time.process_time() - started_cpu)),
            "pairs compared": result.compared, "clusters": len(result.clusters),
            "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "load average": round(os.getloadavg()[0], 1)}  # a shared machine: wall time needs it


def run_command() -> dict:
    """The user's own path: `refman dedupe FILE --json` on the whole file, as a process
    (the front door, the report and the JSON included, which find_duplicates alone is not)."""
    command = [sys.executable, "-m", "refmanager", "dedupe", str(BIGBIB), "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # the --big runs are children too
    wall = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    return {"command": "refman dedupe acl-anthology-88k.bib --json", "exit": finished.returncode,
            "wall s": round(time.perf_counter() - wall, 1), "cpu s": round(cpu, 1),
            "peak MB": usage.ru_maxrss // 1024, "output MB": round(len(finished.stdout) / 1e6, 1),
            "load average": round(os.getloadavg()[0], 1)}


def main(arguments: list[str]) -> None:
    from installed import compile_package  # benchmarks/ is the script's folder

    compile_package()  # each job then starts as an installed package does
    if arguments == ["--scaling"]:
        for size in SIZES:  # each size in a process of its own, for its own peak memory
            print(subprocess.run([sys.executable, __file__, "--big", str(size)], capture_output=True,
                                 text=True, check=True).stdout.strip())
        print(json.dumps(run_command()))
        return
    if arguments[:1] == ["--big"]:
        print(json.dumps(run_big(int(arguments[1]))))
        return
    options = DedupeOptions(attach_notices="--attach-notices" in arguments)
    if arguments[:1] == ["--misses"]:
        for row in misses(arguments[1], options):
            print(json.dumps(row))
        return
    if arguments[:1] == ["--versions"]:
        rows = versions(arguments[1])
        for row in rows:
            print(json.dumps(row))
        print(json.dumps({"set": arguments[1], "against": "all", "kinds": "all",
                          "labels join": sum(row["labels join"] for row in rows),
                          "labels split": sum(row["labels split"] for row in rows)}))
        return
    for name in [argument for argument in arguments if not argument.startswith("--")] or SETS:
        print(json.dumps(run(name, options)))
    print(json.dumps({"peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


if __name__ == "__main__":
    main(sys.argv[1:])
