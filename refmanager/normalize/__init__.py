"""Normalization: names, venues, titles, identifiers, pages, dates and languages
put into one clean form each, as a pipeline of small named steps.

    >>> from refmanager.normalize import normalize, NormalizeConfig
    >>> changes = normalize(document, NormalizeConfig())   # nothing is edited yet
    >>> from refmanager.changes import apply_changes
    >>> apply_changes(document, accepted(changes, 0.9))

Each step is a class named after its rule (`ExpandPageRange`, `FixNameCase`,
`LowercaseFieldNames`); `default_pipeline()` lists them in the order they run,
and a rule is switched off by its name (`NormalizeConfig(disabled={"FixNameCase"})`,
or `disable` in the configuration file). Suggestions a person accepted or
declined in a review file (`read_review`) are made or left unsaid by
`normalize_document(..., decisions=...)`.

The package's front door has the same: `refmanager.normalize_document`,
`refmanager.apply_changes`, and `refmanager.clean_files` for whole files.
"""

from __future__ import annotations

from refmanager.changes import Change
from refmanager.model import Document
from refmanager.normalize.config import NormalizeConfig, find_config, load_config
from refmanager.normalize.keys import RecordKeys, comparison_keys
from refmanager.normalize.review import Decisions, read_review
from refmanager.normalize.pipeline import (
    DocumentStep, Findings, Pipeline, Progress, RecordStep, Step, accepted, run_pipeline, suggested,
)

# The steps' modules load when a pipeline is built: some are heavy (python-stdnum,
# the journal list), and `refman cite` reaches this package for sentence case alone.
_TITLE_FUNCTIONS = {"learn_protected_words", "sentence_case", "title_case"}


def __getattr__(name: str):
    if name not in _TITLE_FUNCTIONS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.titles"), name)
    globals()[name] = value
    return value


__all__ = [
    "Decisions", "DocumentStep", "Findings", "NormalizeConfig", "Pipeline", "RecordKeys", "RecordStep", "Step",
    "accepted", "comparison_keys", "default_pipeline", "find_config", "load_config", "normalize",
    "learn_protected_words", "normalize_document", "read_review", "sentence_case", "suggested", "title_case",
]


def default_pipeline(config: NormalizeConfig | None = None) -> Pipeline:
    """Every built-in step, in the order it runs, with the rules `config` switches off removed."""
    from refmanager.normalize.authority import ApplyNameAuthority
    from refmanager.normalize.dates import MoveMonthOutOfIssue, ParseDateText
    from refmanager.normalize.fields import LowercaseFieldNames
    from refmanager.normalize.identifiers import (
        NormalizeArxivId, NormalizeDOI, NormalizeISBN, NormalizeISSN, NormalizeURL,
    )
    from refmanager.normalize.languages import NormalizeLanguage
    from refmanager.normalize.months import FixMonthSpelling
    from refmanager.normalize.names import (
        CleanNameText, FixNameCase, MarkOrganisation, NormalizeInitials, SplitParticles, SplitSuffix,
    )
    from refmanager.normalize.pages import ExpandPageRange
    from refmanager.normalize.people import AlignNameSplits, ClusterPersonVariants
    from refmanager.normalize.title_text import CleanTitleText
    from refmanager.normalize.titles import FixTitleCase, ProtectTitleWords
    from refmanager.normalize.venues import ClusterVenueVariants, NormalizeJournalTitle

    config = config or NormalizeConfig()
    steps = [
        NormalizeDOI(), NormalizeISBN(), NormalizeISSN(), NormalizeArxivId(), NormalizeURL(),
        ExpandPageRange(), ParseDateText(), FixMonthSpelling(), MoveMonthOutOfIssue(), NormalizeLanguage(),
        LowercaseFieldNames(),
        ApplyNameAuthority(), CleanNameText(), MarkOrganisation(), FixNameCase(), SplitSuffix(), SplitParticles(),
        NormalizeInitials(),
        CleanTitleText(), FixTitleCase(), ProtectTitleWords(), NormalizeJournalTitle(),
        AlignNameSplits(), ClusterPersonVariants(), ClusterVenueVariants(),
    ]
    pipeline = Pipeline(steps)
    off_by_default = {step.name for step in steps if not getattr(step, "on_by_default", True)}
    return pipeline.without((config.disabled | off_by_default) - config.enabled)


def normalize_document(document: Document, config: NormalizeConfig | None = None,
                       pipeline: Pipeline | None = None, progress: Progress | None = None,
                       decisions: Decisions | None = None) -> Findings:
    """The changes the pipeline proposes for a document, and the problems it cannot fix;
    `decisions` (`read_review`) make or silence the suggestions a person decided."""
    config = config or NormalizeConfig()
    return run_pipeline(pipeline or default_pipeline(config), document, config, progress, decisions)


def normalize(document: Document, config: NormalizeConfig | None = None) -> list[Change]:
    """The changes the default pipeline proposes for a document (nothing is edited):
    those at or above `config.threshold` are fixes, the others suggestions."""
    return normalize_document(document, config).changes
