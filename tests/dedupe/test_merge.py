"""Tests for merging (refmanager/dedupe/merge.py) and `refman dedupe` on the sample library."""

from __future__ import annotations

import json
import subprocess
import sys

import refmanager
from refmanager.dedupe import find_duplicates
from refmanager.dedupe.merge import merge_clusters

TWO_EXPORTS = """@article{nye1990a, author = {Nye, Joseph S.}, title = {Soft Power}, journal = {Foreign Policy},
  year = 1990, volume = 80}
@article{nye1990b, author = {Nye, J. S.}, title = {Soft power}, year = 1990, pages = {153--171},
  doi = {10.2307/1148580}}
@book{lukes2005, author = {Lukes, Steven}, title = {Power: A Radical View}, year = 2005}
"""


def test_a_merged_record_loses_no_field_and_keeps_every_key():
    records = refmanager.loads(TWO_EXPORTS, "bibtex").records
    result = find_duplicates(records)
    document, merges = merge_clusters(records, result, "out.bib", "merged")
    merged, untouched = document.records
    assert untouched.key == "lukes2005"
    assert (merged.volume, merged.page, merged.doi) == ("80", "153–171", "10.2307/1148580")
    assert merged.foreign["bibtex"]["ids"] in ("{nye1990b}", "{nye1990a}")
    assert merges[0].conflicts == ["title"] or "title" in merges[0].conflicts
    written = refmanager.dumps(document, "biblatex").text
    assert written.count("@") == 2 and "ids = {" in written


def test_refman_dedupe_finds_the_sample_library_works_in_every_export(library):
    result = subprocess.run([sys.executable, "-m", "refmanager", "dedupe", str(library), "--json"],
                            capture_output=True, text=True, check=True)
    clusters = json.loads(result.stdout)["clusters"]
    # The library holds each of its 28 works three times: as BibTeX, RIS and CSL-JSON.
    assert len(clusters) == 28 and all(len(set(keys)) == 1 and len(keys) == 3 for keys in clusters)


def test_a_merge_report_undoes_the_merge(tmp_path):
    source, merged, report_path = tmp_path / "in.bib", tmp_path / "out.bib", tmp_path / "merges.json"
    source.write_text(TWO_EXPORTS, encoding="utf-8")
    report = refmanager.deduplicate([str(source)])
    refmanager.api.merge_duplicates(report, str(merged), report_path=str(report_path))
    assert len(refmanager.load(str(merged)).records) == 2
    assert refmanager.api.unmerge(str(report_path)) == (str(merged), 1)
    restored = refmanager.load(str(merged)).records
    assert sorted(r.key for r in restored) == ["lukes2005", "nye1990a", "nye1990b"]
    by_key = {r.key: r for r in restored}
    assert by_key["nye1990b"].doi == "10.2307/1148580" and not by_key["nye1990a"].doi


def test_refman_revert_undoes_a_dedupe_merge(tmp_path, library):
    merged, report = tmp_path / "merged.json", tmp_path / "merges.json"
    run = [sys.executable, "-m", "refmanager"]
    subprocess.run(run + ["dedupe", str(library), "--merge", "-o", str(merged), "--report", str(report)],
                   check=True, capture_output=True)
    works = len(refmanager.load(str(merged)).records)
    result = subprocess.run(run + ["revert", str(report)], capture_output=True, text=True, check=True)
    assert "28 merges undone" in result.stderr
    assert len(refmanager.load(str(merged)).records) == works + 56


def test_refman_revert_of_a_merge_undone_already_changes_nothing(tmp_path, library):
    # The sample library's works share one key in all three exports: a second revert used
    # to take each restored record for its merge, and write it three times over.
    merged, report = tmp_path / "merged.bib", tmp_path / "merges.json"
    run = [sys.executable, "-m", "refmanager"]
    subprocess.run(run + ["dedupe", str(library), "--merge", "-o", str(merged), "--report", str(report)],
                   check=True, capture_output=True)
    subprocess.run(run + ["revert", str(report)], check=True, capture_output=True)
    reverted = merged.read_bytes()
    result = subprocess.run(run + ["revert", str(report)], capture_output=True, text=True, check=True)
    assert merged.read_bytes() == reverted
    assert result.stderr.strip().splitlines() == [
        f"{merged}: nothing to undo: its merges are undone already; file left as it is"]


ARTICLE_AND_ERRATUM = """@article{philipp2009, author = {N{\\"u}rnberger, Jens and Philipp, Thomas},
  title = {Eculizumab for atypical hemolytic uremic syndrome}, journal = {N Engl J Med},
  year = 2009, volume = 360, pages = {542--544}}
@article{philipp2009e, author = {Philipp, Thomas},
  title = {Eculizumab for atypical hemolytic uremic syndrome (vol 360, pg 542, 2009)},
  journal = {N Engl J Med}, year = 2009, volume = 360, pages = {2487}}
"""


def test_refman_dedupe_attaches_an_erratum_to_its_article_only_when_asked(tmp_path):
    source = tmp_path / "haematology.bib"
    source.write_text(ARTICLE_AND_ERRATUM, encoding="utf-8")
    run = [sys.executable, "-m", "refmanager", "dedupe", str(source), "--json"]
    apart = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    attached = json.loads(subprocess.run(run + ["--attach-notices"], capture_output=True, text=True,
                                         check=True).stdout)
    assert apart["clusters"] == []
    assert [sorted(keys) for keys in attached["clusters"]] == [["philipp2009", "philipp2009e"]]
