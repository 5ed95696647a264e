"""What a page's own row says of its panels: whether each panel has rows, read by the row's statement (an EXISTS
per panel), so that a panel known to be empty sends no query of its own.

A commitment's page shows panels from seven apps, a follow box and lists of its own (organisations, progress
updates, translations); most commitments have nothing in most of them, and each query, however small, cost a round
trip to the database (0.2 ms and more here) to find nothing. The page's app
annotates its row with the hints of the panels it shows (`annotate()`); each panel asks `known_empty()` before
its query; common.compiled_prefetches skips a kept prefetch whose hint is named after the lookup. An instance read
without the hint (any other page, the API) makes every panel ask the database."""

from django.db.models import Exists, OuterRef


class RowHint:
    """Whether `rows(OuterRef(field))` finds anything for an instance: `rows` gives the panel's rows (or a superset
    of them) for the instance's `field` (its primary key, or a foreign key such as its plan's)."""

    def __init__(self, name: str, rows, field: str = "pk"):
        self.name, self.attribute = name, _attribute(name)
        self.rows, self.field = rows, field

    def annotation(self) -> dict:
        """For QuerySet.annotate(): the hint's EXISTS, named after the hint."""
        return {self.attribute: Exists(self.rows(OuterRef(self.field)))}

    def known(self, instance) -> bool | None:
        """True or False when `instance` was read with this hint, None when it was not (then ask the database)."""
        return known(instance, self.name)

    def known_empty(self, instance) -> bool:
        return self.known(instance) is False


def known(instance, name: str) -> bool | None:
    """What `instance`'s row says of the hint `name`: True, False, or None when it was read without it."""
    return getattr(instance, _attribute(name), None)


def _attribute(name: str) -> str:
    return f"hint_{name}"


def hinted(build, hints):
    """build(key) (a page's queryset for its key) with these hints annotated, under build's name."""

    def page(key):
        return annotate(build(key), hints)

    page.__name__ = page.__qualname__ = build.__name__
    return page


def annotate(queryset, hints):
    """The queryset with these hints annotated. Two hints of one name, here or among the queryset's annotations (an
    app's page adds its panels' hints to the row another app's selector annotated), would answer for each other: a
    ValueError."""
    names = [hint.attribute for hint in hints]
    if len(set(names)) < len(names) or set(names) & set(queryset.query.annotations):
        raise ValueError(f"Hints of the same name: {sorted(names)}, {sorted(queryset.query.annotations)}")
    return queryset.annotate(**{name: value for hint in hints for name, value in hint.annotation().items()})
