"""Counts of a row's children as correlated subqueries, cheap to build.

`count_of(queryset)` (common.db) builds a Subquery from a QuerySet with OuterRef: Django resolves and
clones that inner query for every page, which costs more than the page's own query. These counts write the
same COUNT(*) straight from the tables' names, correlated to the outer query's base table (its alias is read
when the SQL is compiled, so they stay right inside another query, relabelled).
"""

from django.db import models


class ChildCount(models.Expression):
    """COUNT(*) of `model` rows reached from the outer row by `path` (foreign keys, outermost last), e.g.
    ChildCount(Milestone, "commitment", "action_plan"): the milestones of the commitments of the plan."""

    output_field = models.IntegerField()
    contains_aggregate = False

    def __init__(self, model, *path: str, status: str | None = None):
        super().__init__()
        self.model, self.path, self.status = model, path, status

    def __repr__(self):
        return f"ChildCount({self.model.__name__}, {', '.join(self.path)})"

    def _joins(self) -> tuple[str, str]:
        """FROM … JOIN …, and the column that holds the outer row's key."""
        model, alias = self.model, "_c0"
        sql = f'"{model._meta.db_table}" {alias}'
        for depth, name in enumerate(self.path[:-1], start=1):
            field = model._meta.get_field(name)
            parent, parent_alias = field.related_model, f"_c{depth}"
            sql += f' JOIN "{parent._meta.db_table}" {parent_alias} ON {parent_alias}."id" = {alias}."{field.column}"'
            model, alias = parent, parent_alias
        return sql, f'{alias}."{model._meta.get_field(self.path[-1]).column}"'

    def as_sql(self, compiler, connection):
        tables, key = self._joins()
        outer = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        # Table and column names come from the models, the status is a parameter.
        sql = f'(SELECT COUNT(*) FROM {tables} WHERE {key} = {outer}."id"'  # noqa: S608  # nosec B608
        if self.status is None:
            return sql + ")", []
        return sql + ' AND _c0."status" = %s)', [self.status]

    def get_group_by_cols(self):
        return [self]
