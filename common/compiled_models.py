"""Model queries of a detail page, written in SQL by the ORM once per process (common.db's CompiledOnce, for
instances)."""

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models.query import ModelIterable, get_related_populators, prefetch_related_objects
from django.http import Http404
from django.utils import translation
from django.utils.translation import get_language

from common import prepared
from common.compiled_prefetches import KeptPrefetches
from common.db import BIGINT, CompiledOnce, _converted, forgotten_with_the_time_zone, neighbour
from common.translations import attach_page_translations, is_page_translations

_UNCOMPILED = object()


class CompiledModels:
    """CompiledOnce for model instances: `build(key)` gives a queryset for one key (a commitment's id, say).

    The first call goes through the ORM (and a second with another key, when no neighbouring key could be
    compiled for the first): when both querysets (the first and a neighbouring key's, compiled in another
    language) compile to the same SQL, with parameters differing only where the key stands (once or more), later
    calls send that statement with their key (prepared on the connection, common.prepared) and build the instances
    as the ORM does (fields, `select_related()` objects, annotations). The `prefetch_related()` lookups are built
    again at each call (the translations of the page's language): for one instance, those of its own relations are
    kept as statements too, per language (common.compiled_prefetches); for several, the ORM fetches them. The
    translations into the page's language (page_translations) of the instances themselves are read by a statement
    kept per number of instances (common.translations.attach_page_translations), without building the queryset
    again when they are its only lookup. For a
    detail page's panels, whose small queries cost more to compile than to run. Other querysets (values(), extra(), a
    related manager's) go through the ORM.

    As for CompiledOnce, the other parameters must be constants of the code: never the language, a setting or
    the user (the day and the time are refused: a query of the moment compares with Now(), the database's clock;
    today in the portal's zone is common.db.database_today(), whose zone, TIME_ZONE, is a setting of the process)."""

    def __init__(self, build):
        self.build = build
        self.forget()
        forgotten_with_the_time_zone(self)

    def forget(self) -> None:
        """Back to the first call: nothing compiled, nothing kept."""
        self.first = None  # (key, sql, params) of the first call
        self.compiled = _UNCOMPILED  # a _ModelStatement and the key's places, or None: through the ORM
        self.prefetches = KeptPrefetches()  # one instance's prefetch_related() lookups
        self.lookups = {}  # language -> the lookups, once each is read by a kept statement

    def __call__(self, key) -> list:
        compiled = self.compiled
        if compiled is None or key is None or (type(key) is int and key not in BIGINT):
            return list(self.build(key))  # None: the ORM writes IS NULL, a kept statement = NULL
        if compiled is _UNCOMPILED:
            return self._run_and_record(key)
        statement, places = compiled
        if type(key) is not type(statement.params[places[0]]):  # "5" for 5: the ORM converts it, a statement not
            return list(self.build(key))
        params = list(statement.params)
        for place in places:
            params[place] = key
        objects = statement.run(params, varying=places)
        if statement.prefetches and objects:
            if statement.page_translations_only:  # nothing else to prefetch: no queryset to build again
                attach_page_translations(objects)
                return objects
            if len(objects) == 1:
                lookups = self._lookups(key, objects[0])
                self.prefetches.fetch(objects[0], lookups, _ModelStatement.of, lambda: self._lookups_of_another(key))
                self._keep_lookups(lookups, objects[0])
            else:
                lookups = self.build(key)._prefetch_related_lookups
                rest = [lookup for lookup in lookups if not is_page_translations(lookup)]
                if len(rest) < len(lookups):
                    attach_page_translations(objects)
                prefetch_related_objects(objects, *rest)
        return objects

    def _lookups(self, key, instance) -> tuple:
        """The lookups kept for this language when each is read for `instance` by a kept statement, else built."""
        kept = self.lookups.get(get_language())
        if kept is not None and self.prefetches.all_kept(kept, get_language(), instance):
            return kept
        return self.build(key)._prefetch_related_lookups

    def _keep_lookups(self, lookups, instance) -> None:
        """The lookups, built for this language, used again for any key once every one of them is read by a kept
        statement: each reads by its owner's id alone (common.compiled_prefetches compared it with another's),
        so building the queryset again (a proposal's: 0.7 ms) would only give the same lookups. A lookup through an
        object the instance lacks (a proposal's missing response) fetches nothing: for an instance that has it,
        the lookups are built again until its statement is kept."""
        language = get_language()
        if language not in self.lookups and self.prefetches.all_kept(lookups, language, instance):
            self.lookups[language] = lookups

    def _lookups_of_another(self, key) -> tuple | None:
        """The prefetch lookups built for a neighbouring key (None when the builder refuses it): a lookup whose
        query follows the key is told from one whose query follows its owner."""
        stand_in = neighbour(key)
        if stand_in is None:
            return None
        try:
            return self.build(stand_in)._prefetch_related_lookups
        except (EmptyResultSet, ValueError, TypeError, ValidationError):
            return None

    def one(self, key):
        """The first instance for `key`, or None."""
        objects = self(key)
        return objects[0] if objects else None

    def get_or_404(self, key):
        """The instance for `key`, or Http404 (as get_object_or_404)."""
        instance = self.one(key)
        if instance is None:
            raise Http404(f"No {self.build(key).model._meta.object_name} matches the given query.")
        return instance

    def _run_and_record(self, key) -> list:
        queryset = self.build(key)
        try:
            statement = _ModelStatement.of(queryset)
        except EmptyResultSet:  # a key that finds nothing whatever the rows (an empty list): nothing learnt
            return list(queryset)
        if statement is None:
            self.compiled = None
        elif self.first is None:
            self.first = (key, statement.sql, statement.params)
            self._compare_a_stand_in(key)
        elif self.first[0] != key:
            self._keep((key, statement.sql, statement.params), statement)
        return list(queryset)

    def _keep(self, second: tuple, statement) -> None:
        kept = CompiledOnce._kept(self.first, second, statement)
        self.compiled = None if kept is None else (statement, kept[2])

    def _compare_a_stand_in(self, key) -> None:
        """The first call's query compared with a neighbouring id's (or slug's), compiled (not run) in another
        language: a process that only ever sees one key (a page everyone reads) keeps the statement at once, and a
        query whose SQL follows the language (between these two) is found out from the first call. Any other key,
        a stand-in the builder refuses, or a single language: the statement waits for a second call."""
        stand_in = neighbour(key)
        if stand_in is None:
            return
        current = get_language() or settings.LANGUAGE_CODE
        other = next((code for code, _name in settings.LANGUAGES if code != current), None)
        if other is None:
            return
        try:
            with translation.override(other):
                statement = _ModelStatement.of(self.build(stand_in))
        except (EmptyResultSet, ValueError, TypeError, ValidationError):  # "5-" for an id given as text, say
            return
        if statement is not None:
            self._keep((stand_in, statement.sql, statement.params), statement)


class _ModelStatement:
    """A model queryset's SQL, parameters, and what ModelIterable reads from its compiler to build instances."""

    @classmethod
    def of(cls, queryset, prefetch=False):
        """None for a queryset whose instances ModelIterable would not build from its columns alone; `prefetch`: the
        queryset of a prefetch (common.compiled_prefetches), the column naming each object's instance included."""
        query = queryset.query
        if not issubclass(queryset._iterable_class, ModelIterable) or queryset._known_related_objects:
            return None
        if (queryset._iterable_class is not ModelIterable or query.extra_select) and not prefetch:
            return None
        compiler = query.get_compiler(queryset.db)
        statement = cls()
        sql, params = compiler.as_sql()
        statement.alias, statement.sql, statement.params = queryset.db, sql, list(params)
        select, info = compiler.select, compiler.klass_info
        statement.model, fields = info["model"], info["select_fields"]
        statement.start, statement.end = fields[0], fields[-1] + 1
        statement.names = [column[0].target.attname for column in select[statement.start : statement.end]]
        statement.populators = get_related_populators(info, select, queryset.db)
        statement.annotations = list(compiler.annotation_col_map.items())
        statement.converters = list(compiler.get_converters([column[0] for column in select]).items())
        lookups = queryset._prefetch_related_lookups
        statement.prefetches = bool(lookups)
        statement.page_translations_only = bool(lookups) and all(is_page_translations(lookup) for lookup in lookups)
        statement.texts = {}  # its prepared statement's name and text (common.prepared)
        return statement

    def run(self, params: list, varying=()) -> list:
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            prepared.execute(cursor, connection, self.sql, params, varying, self.texts)
            rows = cursor.fetchall()
        objects = []
        for row in rows:
            row = _converted(list(row), self.converters, connection) if self.converters else row
            instance = self.model.from_db(self.alias, self.names, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            objects.append(instance)
        return objects
