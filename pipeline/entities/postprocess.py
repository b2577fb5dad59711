"""The written rules applied to the tagger's spans, whichever tagger made
them (the CRF or the transformer backbone), in this order:

1. AGENCY ends (``agency_bounds``): no verb or office-holder's name inside;
2. TASKs (``task_recall``, ``task_bounds``): the activity sentences of task sections the
   tagger missed (D7.1, D7.3), also of sections a paragraph announces as
   duties, and the training lines of quota lists (D10.5); starts and ends:
   actor phrases, modals, dangling prepositions and trailing notes outside,
   the actor's bodies as AGENCY;
3. no TASK under objective / target-group headings, over a group of
   activity items, at the head of a sub-list, nor over the words left after
   a date cut (``task_places``);
4. agencies vouched for by their context (``context_agencies``) where the
   tagger left a gap, their ends fixed as in 1, and none among a meeting's
   attendees, in a cited regulation's subject or in a target-group field;
   then the activities these agencies are assigned ("đề nghị «các địa
   phương» chủ động ...");
5. nothing in the site chrome around a plan (D1.1).

Each step is a guideline rule (annotations/GUIDELINES.md) that holds in any
plan; cross-validated effects are in the model card.
"""

from __future__ import annotations

from typing import TypeVar

from pipeline.entities.agencies import find_agencies
from pipeline.entities.agency_bounds import complete_from_grammar, take_back_name_words, trim_agencies
from pipeline.entities.context_agencies import (
    add_context_agencies,
    drop_ruled_out_agencies,
    drop_trainee_agencies,
    target_group_fields,
)
from pipeline.entities.patterns import Match, find_all
from pipeline.entities.persons import drop_non_persons, is_byline_bar
from pipeline.entities.task_bounds import (
    cut_at_quotas,
    cut_trailing_phrases,
    join_clauses,
    join_over_percents,
    mend_cut_names,
    refine_tasks,
    take_in_supervised,
)
from pipeline.entities.task_places import (
    actor_fields,
    drop_cut_remnants,
    drop_list_heads,
    drop_tasks_in,
    duty_tables,
    group_rows,
    group_titles,
    no_task_sections,
)
from pipeline.entities.task_recall import (
    linked_activities,
    quota_list_items,
    required_courses,
    section_item_tasks,
    table_cell_tasks,
)
from pipeline.structure.model import Structure

Span4 = tuple[int, int, str, float]


def _agency_candidates(grammar: list[tuple[int, int]], spans: list[Span4]) -> list[tuple[int, int]]:
    """Where an agency may stand: the grammar's extents and the tagger's."""
    return sorted(set(grammar) | {(s, e) for s, e, label, _ in spans if label == "AGENCY"})


SpanT = TypeVar("SpanT", bound=tuple)


def drop_in_site_chrome(text: str, structure: Structure, spans: list[SpanT]) -> list[SpanT]:
    """Menus, counters, sharing and copyright lines of a portal (D1.1) get no
    entity: the tagger, trained on few such lines, cannot be left to learn it."""
    # a byline bar keeps its author and date ("Minh Khôi | 20/11/2025 - 16:05 | Lượt xem: 1.284")
    chrome = [(n.start, n.end, is_byline_bar(text[n.start : n.end])) for n in structure.of_kind("boilerplate")]
    if not chrome:
        return spans
    return [
        x
        for x in spans
        if not any(a <= x[0] and x[1] <= b and not (bar and x[2] in ("DATE", "PERSON")) for a, b, bar in chrome)
    ]


def finish_spans(
    text: str,
    structure: Structure,
    spans: list[Span4],
    agencies: list[tuple[int, int]] | None = None,
    matches: list[Match] | None = None,
) -> list[Span4]:
    agencies = find_agencies(text) if agencies is None else agencies
    matches = find_all(text) if matches is None else matches
    spans = complete_from_grammar(text, trim_agencies(text, spans), agencies)
    spans = mend_cut_names(text, take_back_name_words(text, spans))
    spans = quota_list_items(text, table_cell_tasks(text, structure, section_item_tasks(text, structure, spans)))
    spans = refine_tasks(text, spans, _agency_candidates(agencies, spans), duty_tables(structure))
    spans = cut_trailing_phrases(text, spans, matches)
    # after refining: a dropped requirement leaves its course, a cut actor phrase its activity
    spans = linked_activities(text, required_courses(text, spans))
    spans = drop_tasks_in(
        spans,
        no_task_sections(text, structure)
        + group_titles(text, structure)
        + group_rows(structure)
        + actor_fields(text, structure),
    )
    spans = join_clauses(text, take_in_supervised(text, drop_cut_remnants(text, drop_list_heads(text, spans))))
    spans = add_context_agencies(text, spans, agencies, matches)
    spans = drop_ruled_out_agencies(text, trim_agencies(text, spans))  # the added ones too
    # the activities of the actors the context vouched for ("đề nghị «các địa phương» ..."),
    # then "<course>: <count>" freed in every TASK, the tagger's and the rules' (D10.4)
    spans = drop_tasks_in(linked_activities(text, spans), no_task_sections(text, structure))
    spans = cut_trailing_phrases(text, spans, matches)  # the provider after an activity added here
    spans = join_over_percents(text, cut_at_quotas(text, spans, matches))
    spans = drop_trainee_agencies(text, spans, target_group_fields(text, structure))
    return drop_non_persons(text, drop_in_site_chrome(text, structure, spans))
