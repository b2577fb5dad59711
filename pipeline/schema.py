"""Labels of ANNOTATION_SCHEMA.md v1, in one place.

Every stage (gold checks, recognisers, relation classifier, scorer, Label Studio
config) imports these names so that a label cannot drift between them.
"""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = (
    "AGENCY",
    "LEGAL_REF",
    "DATE",
    "PERCENT",
    "QUOTA",
    "MONEY",
    "PERSON",
    "TASK",
)

#: relation label -> (head label, tail label)
RELATION_ARGS: dict[str, tuple[str, str]] = {
    "CHAIRS": ("AGENCY", "TASK"),
    "COORDINATES": ("AGENCY", "TASK"),
    "DIRECTS": ("AGENCY", "TASK"),
    "PROVIDES": ("AGENCY", "TASK"),
    "DEADLINE": ("TASK", "DATE"),
    "QUOTA_OF": ("TASK", "QUOTA"),
    "ISSUED_BY": ("LEGAL_REF", "AGENCY"),
}

RELATION_LABELS: tuple[str, ...] = tuple(RELATION_ARGS)
