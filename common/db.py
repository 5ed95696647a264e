from django.db import models


class SubqueryCount(models.Subquery):
    """COUNT(*) of a correlated subquery: one SQL statement per page, no join multiplication."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()


def count_of(queryset) -> SubqueryCount:
    return SubqueryCount(queryset.order_by().values("pk"))


class _Unchanged:
    def __repr__(self):
        return "UNCHANGED"


# The default of an update service's keyword parameters: a field not given keeps its value.
UNCHANGED = _Unchanged()


def set_fields(instance: models.Model, **values) -> list[str]:
    """Set the values a service was given on its model instance, and return their names.

    The service's signature is the list of fields it writes; values left UNCHANGED are skipped, and text
    is stripped so that blanks count as empty.
    """
    given = {name: value for name, value in values.items() if value is not UNCHANGED}
    for name, value in given.items():
        setattr(instance, name, value.strip() if isinstance(value, str) else value)
    return list(given)
