"""Tests for refmanager/ingest/reference_rules.py: the labeller used without the CRF model.

Cases are an APA and an IEEE reference written here; the rules are a fallback, so
the test asks for the fields they are built to find, not for the model's accuracy.
"""

from __future__ import annotations

from refmanager.ingest.reference_fields import record_from_spans
from refmanager.ingest.reference_rules import label_by_rules


def parsed(text):
    return record_from_spans(label_by_rules(text), text)


def test_an_author_date_reference_gives_authors_year_title_journal_and_numbers():
    text = ("Smith, J. A., & Jones, B. (2020). A study of things. Journal of Things, 12(3), 45-67. "
            "https://doi.org/10.1000/xyz")
    record = parsed(text)
    assert [name.family for name in record.authors] == ["Smith", "Jones"]
    assert (record.issued.year, record.title, record.container_title) == (2020, "A study of things", "Journal of Things")
    assert (record.volume, record.issue, record.page, record.doi) == ("12", "3", "45–67", "10.1000/xyz")


def test_a_numbered_reference_keeps_its_number_apart_from_the_authors():
    record = parsed("[4] L. Lamport. Time, clocks, and the ordering of events. Commun. ACM 21(7):558-565, 1978.")
    assert record.get("citation-number") == "4"
    assert [name.family for name in record.authors] == ["Lamport"]
