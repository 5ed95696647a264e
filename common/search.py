"""Free-text search, one way for every list and for the site search.

On PostgreSQL: full-text search in English, French and Spanish at once (each word stemmed by the three
dictionaries, the query matching when one of the three readings matches), ranked by `ts_rank`, with
excerpts from `ts_headline`. Big tables keep their document in a stored, GIN-indexed `search_vector`
column written by database triggers (see the migrations named `*_search_vector`, which build it with the
SQL function `ogp_tsvector`); small ones build it per query from their fields.

Elsewhere (the embedded SQLite): every word must appear, case-insensitive, in one of the same fields.
"""

import re
from collections.abc import Sequence

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CONFIGS = ("english", "french", "spanish")
LANGUAGE_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
MAX_WORDS = 8
RANK_WINDOW = 500
# Marks that ts_headline puts around a match: private-use characters, never in the text shown, turned
# into <mark> only after the text was escaped.
START, STOP = "\ue000", "\ue001"
MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


def is_fulltext() -> bool:
    return connection.vendor == "postgresql"


def search_words(text: str) -> list[str]:
    return (text or "").split()[:MAX_WORDS]


def search_query(text: str):
    """The query in the three languages (web-search syntax: words, "a phrase", -excluded, or)."""
    text = " ".join(search_words(text))
    query = SearchQuery(text, config=CONFIGS[0], search_type="websearch")
    for config in CONFIGS[1:]:
        query |= SearchQuery(text, config=config, search_type="websearch")
    return query


def document(*weighted: tuple[str, str]):
    """A document built per query from (field, weight) pairs, in the three languages (small tables)."""
    vector = None
    for field, weight in weighted:
        for config in CONFIGS:
            part = SearchVector(field, config=config, weight=weight)
            vector = part if vector is None else vector + part
    return vector


def search_filter(queryset: QuerySet, text: str, *, vector, fields: Sequence[str], also=None) -> QuerySet:
    """The rows matching `text`: on PostgreSQL through `vector` (a stored column's name, or a document()),
    or `also` (a condition, e.g. on a related row's own search); elsewhere every word in one of `fields`
    (which may cross relations: rows are never repeated)."""
    words = search_words(text)
    if not words:
        return queryset
    if is_fulltext():
        if not isinstance(vector, str):
            queryset, vector = queryset.alias(search_document=vector), "search_document"
        matches = Q(**{vector: search_query(text)})
        return queryset.filter(matches | also if also is not None else matches)
    condition = every_word(fields, words)
    if any("__" in field for field in fields):
        return queryset.filter(pk__in=queryset.model._base_manager.filter(condition).values("pk"))
    return queryset.filter(condition)


def every_word(fields: Sequence[str], words: list[str]) -> Q:
    """Each word in one of `fields` (case-insensitive)."""
    condition = Q()
    for word in words:
        condition &= _any_field(fields, word)
    return condition


def _any_field(fields: Sequence[str], word: str) -> Q:
    either = Q()
    for field in fields:
        either |= Q(**{f"{field}__icontains": word})
    return either


def ranked(queryset: QuerySet, text: str, *, vector, title: str) -> QuerySet:
    """The matches best first: by `ts_rank` on PostgreSQL; elsewhere by how many words the title holds.

    Ranking reads every row it ranks: only the first RANK_WINDOW matches the index yields are ranked (all
    of them for most searches; a sample for a word found in thousands of rows), so the cost is bounded.
    """
    queryset = queryset.filter(pk__in=queryset.order_by().values("pk")[:RANK_WINDOW])
    if is_fulltext():
        vector = F(vector) if isinstance(vector, str) else vector
        rank = SearchRank(vector, search_query(text))
    else:
        rank = sum(
            (Case(When(**{f"{title}__icontains": w}, then=1), default=0) for w in search_words(text)),
            Value(0, output_field=IntegerField()),
        )
    return queryset.annotate(search_rank=rank).order_by("-search_rank", "-pk")


def with_excerpts(queryset: QuerySet, text: str, fields: dict[str, str], *, whole: dict[str, str] = None) -> QuerySet:
    """Annotates each `name: field` with its excerpt (each of `whole` with its whole text), HTML-escaped by the
    database before ts_headline reads it (which would drop what looks like a tag), its matches between marks
    (PostgreSQL; SQLite: the whole text, escaped). Show it with `highlight(value, text, escaped=True)`."""
    whole = whole or {}
    escaped = {name: _escaped(field) for name, field in {**fields, **whole}.items()}
    if not is_fulltext():
        return queryset.annotate(**escaped)
    config = LANGUAGE_CONFIGS.get((get_language() or "en")[:2], "english")
    query = search_query(text)
    marks = {"start_sel": START, "stop_sel": STOP, "config": config}
    excerpt = {"max_words": 30, "min_words": 12, "max_fragments": 2}
    return queryset.annotate(
        **{
            name: SearchHeadline(value, query, **marks, **({"highlight_all": True} if name in whole else excerpt))
            for name, value in escaped.items()
        }
    )


def _escaped(field: str):
    value = Coalesce(F(field), Value(""), output_field=TextField())
    for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        value = Replace(value, Value(character), Value(entity), output_field=TextField())
    return value


def highlight(value: str, text: str, *, escaped: bool = False, limit: int = 300) -> SafeString:
    """`value` as safe HTML, its matches in <mark>: those ts_headline marked, or (SQLite, or a text the database
    did not excerpt) each word's occurrences. `escaped`: the value comes from with_excerpts()."""
    value = value or ""
    if escaped:  # only the database's escaping and our marks: nothing else may become markup
        value = value.replace("<", "&lt;").replace(">", "&gt;")
        if START not in value and len(value) > limit:  # the whole text (SQLite): its start, no cut entity
            value = re.sub(r"&[#a-z0-9]*$", "", value[:limit]) + "…"
    else:
        value = escape(value[:limit])
    if START not in value:
        value = _marked_words(value, search_words(text))
    html = MARKED.sub(r"<mark>\1</mark>", value).replace(START, "").replace(STOP, "")
    return mark_safe(html)  # noqa: S308 (escaped above, only our own <mark> added)  # nosec B308 B703


def _marked_words(value: str, words: list[str]) -> str:
    for word in sorted({w.strip('"-') for w in words} - {""}, key=len, reverse=True):
        pattern = re.compile(f"(&[#a-z0-9]+;)|({re.escape(escape(word))})", re.IGNORECASE)
        value = pattern.sub(lambda m: m.group(1) or f"{START}{m.group(2)}{STOP}", value)
    return value
