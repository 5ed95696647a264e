"""The prefetch_related() lookups of a detail page's one instance, each read through a statement kept per language
(for common.compiled_models.CompiledModels).

The ORM builds and compiles a prefetch's query again at every call: for one commitment's page, its milestones,
progress updates, policy areas, supporting organisations and translations cost more to compile than to run. A
lookup of a reverse foreign key or of a many-to-many relation, named on the instance itself (not through another
relation), is run by the ORM for a first instance, then for a second; when both compile to the same SQL, with
parameters differing only where the instance's id stands, later calls send that statement with their instance's
id and store its objects as prefetch_related_objects() does (the list of `to_attr`, or the related manager's
cached queryset; the reverse foreign key set on each object). The lookups nested in a lookup's queryset (a
milestone's translations) and any other lookup go through the ORM.

Statements are kept per language: a lookup's queryset may read the page's language (its translations), never
the user, a setting or the time.
"""

import copy

from django.db.models.fields.related_descriptors import ManyToManyDescriptor, ReverseManyToOneDescriptor
from django.db.models.query import ModelIterable, normalize_prefetch_lookups, prefetch_related_objects
from django.utils.translation import get_language

from common.db import CompiledOnce

_KINDS = (ReverseManyToOneDescriptor, ManyToManyDescriptor)
_NEVER = object()  # a lookup whose statement cannot be kept: the ORM's


class KeptPrefetches:
    def __init__(self):
        # (lookup's place, language) -> (id, sql, params) of the first instance | (statement, id's place) | _NEVER
        self.state = {}

    def fetch(self, instance, lookups, of) -> None:
        """prefetch_related_objects([instance], *lookups); `of` makes a queryset's statement (_ModelStatement.of)."""
        language = get_language()
        kept, record, orm = [], [], []
        for place, lookup in enumerate(normalize_prefetch_lookups(lookups)):
            state = self.state.get((place, language))
            descriptor = getattr(type(instance), lookup.prefetch_through, None)
            if state is _NEVER or "__" in lookup.prefetch_through or not isinstance(descriptor, _KINDS):
                orm.append(lookup)
            elif lookup.queryset is not None and lookup.queryset._iterable_class is not ModelIterable:
                self.state[(place, language)] = _NEVER  # objects built otherwise (values(), say)
                orm.append(lookup)
            elif type(state) is tuple and len(state) == 2:
                kept.append((lookup, descriptor, state))
            else:
                record.append((place, lookup))
        for lookup, descriptor, (statement, key_place) in kept:
            params = list(statement.params)
            params[key_place] = instance.pk
            objects = statement.run(params, varying=(key_place,))
            _store(instance, lookup, descriptor, objects)
        if record:
            self._record(instance, record, of, language)
        if orm:
            prefetch_related_objects([instance], *orm)

    def _record(self, instance, lookups: list, of, language) -> None:
        """The lookups through the ORM, their querysets' statements noted on the way."""
        noted, recording = {}, []
        for place, lookup in lookups:
            queryset = lookup.queryset
            if queryset is None:  # the relation's own queryset, as its manager gives it to a prefetch
                manager = getattr(instance, lookup.prefetch_through)
                queryset = super(type(manager), manager).get_queryset()
            queryset = queryset._chain()
            queryset._iterable_class = _noting(noted, place, of)
            copied = copy.copy(lookup)
            copied.queryset = queryset
            recording.append(copied)
        prefetch_related_objects([instance], *recording)
        for place, _lookup in lookups:
            self._compare(place, language, instance.pk, noted.get(place, _NEVER))

    def _compare(self, place: int, language, key, statement) -> None:
        first = self.state.get((place, language))
        if statement is None or statement is _NEVER:
            self.state[(place, language)] = _NEVER
        elif first is None:
            self.state[(place, language)] = (key, statement.sql, statement.params)
        elif first[0] != key:
            kept = CompiledOnce._kept(first, (key, statement.sql, statement.params), [])
            self.state[(place, language)] = _NEVER if kept is None else (statement, kept[2])


def _noting(noted: dict, place: int, of) -> type:
    class Noting(ModelIterable):
        def __iter__(self):
            noted[place] = of(self.queryset, prefetch=True)
            yield from super().__iter__()

    return Noting


def _store(instance, lookup, descriptor, objects: list) -> None:
    """What prefetch_one_level() stores for one instance and its related objects."""
    if isinstance(descriptor, ManyToManyDescriptor):
        field = descriptor.rel.field  # the name its related manager caches under
        cache_name = field.related_query_name() if descriptor.reverse else field.name
    else:  # a reverse foreign key: each object's own key, as its manager sets it
        field = descriptor.rel.field
        cache_name = field.remote_field.cache_name
        for obj in objects:
            if not field.is_cached(obj):
                field.set_cached_value(obj, instance)
    nested = lookup.queryset._prefetch_related_lookups if lookup.queryset is not None else ()
    if nested and objects:
        prefetch_related_objects(objects, *nested)
    if lookup.to_attr:
        setattr(instance, lookup.to_attr, objects)
        return
    manager = getattr(instance, lookup.prefetch_through)
    queryset = manager.get_queryset() if lookup.queryset is None else manager._apply_rel_filters(lookup.queryset)
    queryset._result_cache, queryset._prefetch_done = objects, True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = queryset
