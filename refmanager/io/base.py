"""What every reader and writer shares: the shape of a writer's result."""

from __future__ import annotations

from dataclasses import dataclass, field

from refmanager.errors import Problem


@dataclass(slots=True)
class Written:
    """A writer's output: the text, and what the target format could not hold."""

    text: str
    problems: list[Problem] = field(default_factory=list)
