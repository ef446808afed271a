"""Deduplication: find the records that describe one work, explain it, merge them.

The stage is a chain of steps over plain columns, so that each can later run as
SQL on an embedded analytical engine, or on a cluster engine for catalogues of
tens of millions of records:

1. `columns`: one row of comparison columns per record (folded title, family
   names, year, venue, volume, issue, first page, DOI, kind of item).
2. `blocking`: blocking keys per row (DOI, rarest title words, first author and
   year, title start); pairs are enumerated block by block, each pair once, in
   the smallest key it shares: a self-join on the key column. No step holds all
   pairs.
3. `scoring`: each candidate pair is scored on its own (rapidfuzz), with what
   agreed and disagreed: a map over the pair stream.
4. `clustering`: matching pairs joined with union-find, strongest first, never
   putting in one group two records whose own comparison found two works (a
   paper's conference and journal versions, chained by a bare citation that
   matches both): memory in the number of records, matches and such pairs.
5. `merge`: one record per cluster, the best value per field, the merged keys
   kept (biblatex `ids`), every decision reported.
"""

from refmanager.dedupe.find import DedupeOptions, DedupeResult, find_duplicates

__all__ = ["DedupeOptions", "DedupeResult", "find_duplicates"]
