"""Token labels written as runs, for the tests of the reference-labelling rules:
`label_runs(("author", 3), ("title", 5))` is three author labels then five title labels."""


def label_runs(*runs: tuple[str, int]) -> list[str]:
    return [label for label, count in runs for _ in range(count)]
