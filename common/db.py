from django.db import models


class SubqueryCount(models.Subquery):
    """COUNT(*) of a correlated subquery: one SQL statement per page, no join multiplication."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()


def count_of(queryset) -> SubqueryCount:
    return SubqueryCount(queryset.order_by().values("pk"))
