"""Label a reference string: the shipped CRF model, or the rules when it cannot be used.

The model (`data/refparse.crfsuite`, trained by `scripts/train_refparse.py`) labels
each token; consecutive tokens with one label become a span with the exact text
they cover. Without `python-crfsuite` or the model file, `reference_rules` labels the
string instead, less well.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from refmanager.ingest.reference_rules import label_by_rules
from refmanager.ingest.reference_tokens import features, tokenize

MODEL_FILE = "refparse.crfsuite"


@lru_cache(maxsize=1)
def load_model():
    """The CRF tagger, opened once; None when the model or python-crfsuite is missing."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    model = resources.files("refmanager.ingest") / "data" / MODEL_FILE
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def label(text: str) -> list[tuple[str, str]]:
    """(label, text) spans for a whitespace-normalised reference string."""
    tagger = load_model()
    if tagger is None:
        return label_by_rules(text)
    return label_with_model(tagger, text)


def label_with_model(tagger, text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    if not tokens:
        return []
    labels = tagger.tag(features(tokens, text))
    spans: list[tuple[str, str]] = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or labels[index] != labels[start]:
            spans.append((labels[start], text[tokens[start].start:tokens[index - 1].end]))
            start = index
    return [span for span in spans if span[0] != "other"]
