"""Rewrite golden_known_differences.txt from what the engine renders now.

    python tests/render/update_known_differences.py [STYLE...] [--candidate OUT.json]

Each difference is listed as `style id field  # reason`, the reason being the
first place where our string and citeproc-js's part. Prints the exact-match
rate per style (the issue's target: 95%, and 99% for APA and Chicago). With
styles named, only their lines are replaced. `--candidate` also writes our
strings in the golden files' shape, for the oracle's compare.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REASON_WIDTH = 60


def _golden_module():
    spec = importlib.util.spec_from_file_location("test_golden", HERE / "test_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reason(expected: str | None, got: str | None) -> str:
    """Where the two strings part: '…expected' / '…got', on one line."""
    expected, got = expected or "", got or ""
    if got.startswith("error: "):
        return got[:REASON_WIDTH * 2]
    start = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b),
                 min(len(expected), len(got)))
    begin = max(0, start - 15)
    cut = lambda text: ("…" if begin else "") + text[begin:begin + REASON_WIDTH]  # noqa: E731
    return f"expected {cut(expected)!r} got {cut(got)!r}" if got else "we render nothing"


def main(styles: list[str], candidate_path: str | None = None) -> None:
    golden = _golden_module()
    candidate: dict[str, dict] = {}
    chosen = styles or golden.STYLES
    kept = {style: entries for style, entries in golden.read_known_differences().items()
            if style not in chosen} if golden.KNOWN_DIFFERENCES.exists() else {}
    lines = []
    print(f"{'style':42s} {'strings':>8s} {'identical':>10s}")
    for style in golden.STYLES:
        if style not in chosen:
            lines += [f"{style} {item_id} {name}  # {why}" for (item_id, name), why in kept.get(style, {}).items()]
            continue
        ours = golden.render(style)
        candidate[style] = ours
        found = golden.differences(style, ours)
        total = sum(len(fields) for fields in golden.golden(style).values())
        print(f"{style:42s} {total:8d} {100 * (total - len(found)) / total:9.1f}%", flush=True)
        lines += [f"{style} {item_id} {name}  # {reason(*pair)}".replace("\n", " ")
                  for (item_id, name), pair in sorted(found.items())]
    header = ("# Strings of tests/render/data/golden/ that our engine does not yet render as\n"
              "# citeproc-js does: style id field  # where the two part. Regenerate with\n"
              "# python tests/render/update_known_differences.py\n")
    golden.KNOWN_DIFFERENCES.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {golden.KNOWN_DIFFERENCES}: {len(lines)} differences")
    if candidate_path:
        Path(candidate_path).write_text(json.dumps(candidate, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    candidate_out = None
    if "--candidate" in arguments:
        at = arguments.index("--candidate")
        candidate_out = arguments[at + 1]
        del arguments[at:at + 2]
    main(arguments, candidate_out)
