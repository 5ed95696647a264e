"""The prefetch_related() lookups of a detail page's one instance, each read through a statement kept per language
(for common.compiled_models.CompiledModels).

The ORM builds and compiles a prefetch's query again at every call: for one commitment's page, its milestones,
progress updates, policy areas, supporting organisations and translations cost more to compile than to run. A
lookup of a reverse foreign key or of a many-to-many relation, of the instance itself or of an object its
select_related() read (a proposal's consultation), is run by the ORM for a first owner, its statement noted and
compared with a stand-in's (the owner's next id, the lookups built for another key; compiled, not run) or, failing
that, a second owner's; when both compile to the same SQL, with parameters differing only where the owner's id
stands (in one place only), later calls send that statement with their owner's id and store its objects as
prefetch_related_objects() does (the list of `to_attr`, or the related manager's cached queryset; the reverse
foreign key set on each object). The translations into the page's language nested in a lookup's queryset (a
milestone's) are read by a statement kept per number of objects (common.translations.attach_page_translations);
other nested lookups, and any other lookup, go through the ORM.

Statements are kept per lookup (its name) and language: a lookup's queryset may read the page's language (its
translations), never the user, a setting or the time; a builder gives the same lookups at every call.

A lookup of the instance itself that the instance's row says is empty (a common.hints.RowHint named after the lookup,
`supporting_organisations`, or after its objects' translations, `milestones__translations`, annotated on the row)
sends no statement once kept: its objects are stored as an empty list, as the statement would have found.
"""

import copy
from typing import NamedTuple

from django.contrib.contenttypes.fields import ReverseGenericManyToOneDescriptor
from django.core.exceptions import EmptyResultSet, ObjectDoesNotExist
from django.db.models.fields.related_descriptors import (
    ForwardManyToOneDescriptor,
    ManyToManyDescriptor,
    ReverseManyToOneDescriptor,
    ReverseOneToOneDescriptor,
    _filter_prefetch_queryset,
)
from django.db.models.query import ModelIterable, normalize_prefetch_lookups, prefetch_related_objects
from django.utils.translation import get_language

from common import hints
from common.db import CompiledOnce, neighbour
from common.translations import attach_page_translations, is_page_translations

_KINDS = (ReverseManyToOneDescriptor, ManyToManyDescriptor)  # the second is a subclass of the first
_SINGLE = (ForwardManyToOneDescriptor, ReverseOneToOneDescriptor)  # a foreign key, a one-to-one either way
_NEVER = "never"  # a lookup whose statement cannot be kept: the ORM's


class _Sample(NamedTuple):  # a lookup's statement for a first instance
    key: object
    sql: str
    params: list


class _Kept(NamedTuple):
    statement: object  # common.compiled_models._ModelStatement
    places: tuple  # where the instance's id stands among its parameters


class KeptPrefetches:
    def __init__(self):
        self.state = {}  # (lookup's prefetch_to, language) -> _Sample | _Kept | _NEVER

    def kept(self) -> set:
        """(prefetch_to, language) of the lookups read through a kept statement."""
        return {name for name, state in self.state.items() if isinstance(state, _Kept)}

    def all_kept(self, lookups, language, instance) -> bool:
        """Whether each of these lookups is read for `instance` by a kept statement in this language, with no lookup
        nested in it but the page's translations (a nested lookup's query is not compared with another owner's), or
        goes through an object the instance was read without (a proposal's missing response: nothing to fetch)."""
        lookups = normalize_prefetch_lookups(lookups)
        names = [lookup.prefetch_to for lookup in lookups]
        return len(set(names)) == len(names) and all(
            _absent(instance, lookup)
            or (
                isinstance(self.state.get((lookup.prefetch_to, language)), _Kept)
                and all(is_page_translations(inner) for inner in _nested(lookup))
            )
            for lookup in lookups
        )

    def fetch(self, instance, lookups, of, rebuild) -> None:
        """prefetch_related_objects([instance], *lookups); `of` makes a queryset's statement (_ModelStatement.of),
        `rebuild()` gives the lookups again (built anew, for a stand-in)."""
        language = get_language()
        kept, record, orm, seen = [], [], [], set()
        for lookup in normalize_prefetch_lookups(lookups):
            name, owner = (lookup.prefetch_to, language), _owner(instance, lookup)
            state = self.state.get(name)
            if owner is None or name in seen or state is _NEVER:
                orm.append(lookup)  # a lookup named twice: the ORM skips it, or refuses a second queryset
            elif lookup.queryset is not None and lookup.queryset._iterable_class is not ModelIterable:
                self.state[name] = _NEVER  # objects built otherwise (values(), say)
                orm.append(lookup)
            elif isinstance(state, _Kept):
                kept.append((lookup, owner, state))
            elif isinstance(state, _Sample) and state.key == owner.pk:
                orm.append(lookup)  # the same instance again: nothing more to learn
            else:
                record.append((lookup, owner))
            seen.add(name)
        for lookup, owner, (statement, places) in kept:
            if owner is instance and _known_empty(instance, lookup.prefetch_to):
                _store(owner, lookup, [])
                continue
            params = list(statement.params)
            for place in places:
                params[place] = owner.pk
            _store(owner, lookup, statement.run(params, varying=places))
        if record:
            self._record(instance, record, of, rebuild, language)
        if orm:
            prefetch_related_objects([instance], *orm)

    def _record(self, instance, lookups: list, of, rebuild, language) -> None:
        """The lookups through the ORM, their querysets' statements noted on the way; after a first owner's, a
        stand-in's, compiled and not run (the next id, the lookups built anew for another key) in the same
        language, so that a process which only ever sees one owner (a page everyone reads) keeps its statements
        at once, with the queries the ORM would send."""
        noted, fresh = {}, None
        prefetch_related_objects([instance], *(_noting_lookup(lookup, owner, noted, of) for lookup, owner in lookups))
        for lookup, owner in lookups:
            if not lookup.to_attr:  # the manager's cached queryset: built as any other from now on
                caches = getattr(owner, "_prefetched_objects_cache", {})
                cached = caches.get(_cache_name(_descriptor(owner, lookup)))
                if cached is not None:
                    cached._iterable_class = ModelIterable
            name = (lookup.prefetch_to, language)
            self._compare(name, owner.pk, noted.get(lookup.prefetch_to))
            if isinstance(self.state[name], _Sample) and type(owner.pk) is int:
                if fresh is None:
                    fresh = {again.prefetch_to: again for again in normalize_prefetch_lookups(rebuild() or ())}
                if lookup.prefetch_to in fresh:  # else lookups that change with the key: the next owner decides
                    stand_in = neighbour(owner.pk)
                    self._compare(name, stand_in, _stand_in_statement(owner, stand_in, fresh[lookup.prefetch_to], of))

    def _compare(self, name: tuple, key, statement) -> None:
        first = self.state.get(name)
        if statement is None:  # not run (already cached), or not a statement that can be kept
            self.state[name] = _NEVER
        elif first is None:
            self.state[name] = _Sample(key, statement.sql, statement.params)
        elif first.key != key:
            kept = CompiledOnce._kept(first, (key, statement.sql, statement.params), [])
            # The owner's id in one place only: a stand-in moves the page's key with the owner's id, and a lookup
            # reading the page's key whose owner has the same id (a plan and its commitment) would seem to read
            # the owner's id twice.
            self.state[name] = _NEVER if kept is None or len(kept[2]) != 1 else _Kept(statement, kept[2])


def _known_empty(instance, name: str) -> bool:
    """Whether the instance's row says that the lookup `name` finds nothing (common.hints: RowHint(name))."""
    return hints.known(instance, name) is False


def _nested(lookup) -> tuple:
    return lookup.queryset._prefetch_related_lookups if lookup.queryset is not None else ()


def _last(lookup) -> str:
    return lookup.prefetch_through.rpartition("__")[2]


def _descriptor(owner, lookup):
    return getattr(type(owner), _last(lookup), None)


_MISSING = object()  # an object select_related() read as missing


def _along(instance, lookup):
    """The object whose own relation the lookup names, reached through the single relations select_related() read
    (the instance itself for its own relation): _MISSING where one was read as missing (a proposal without a
    response), None where one was not read or is not a single relation."""
    owner = instance
    for part in lookup.prefetch_through.split("__")[:-1]:
        descriptor = getattr(type(owner), part, None)
        if not isinstance(descriptor, _SINGLE) or not descriptor.is_cached(owner):
            return None
        cached = descriptor.related if isinstance(descriptor, ReverseOneToOneDescriptor) else descriptor.field
        owner = cached.get_cached_value(owner)
        if owner is None:
            return _MISSING
    return owner


def _owner(instance, lookup):
    """The object whose own relation the lookup names: the instance, or an object its select_related() read (a
    proposal's consultation); None when the lookup cannot be kept (a foreign key itself, a generic relation, an
    object not read yet, or read as missing)."""
    owner = _along(instance, lookup)
    if owner is None or owner is _MISSING:
        return None
    descriptor = _descriptor(owner, lookup)
    if not isinstance(descriptor, _KINDS) or isinstance(descriptor, ReverseGenericManyToOneDescriptor):
        return None  # a generic relation caches its objects under another name
    return owner


def _absent(instance, lookup) -> bool:
    """Whether the lookup goes through an object select_related() read as missing: the ORM fetches nothing for it,
    whatever its queryset."""
    return _along(instance, lookup) is _MISSING


def _stand_in_statement(owner, key, lookup, of):
    """The lookup's statement for another owner of id `key` (common.db.neighbour), built as the relation's manager
    builds it for a prefetch, compiled and not run (None when it cannot be told)."""
    try:
        stand_in = type(owner).from_db(owner._state.db, [owner._meta.pk.attname], [key])
        descriptor, manager = _descriptor(owner, lookup), getattr(stand_in, _last(lookup))
        queryset = lookup.queryset if lookup.queryset is not None else super(type(manager), manager).get_queryset()
        if isinstance(descriptor, ManyToManyDescriptor):  # its manager builds the query without running it
            queryset = manager.get_prefetch_querysets([stand_in], [queryset._chain()])[0]
        else:  # a reverse foreign key's manager runs it: the same filter, written here
            queryset = queryset._chain()
            queryset._add_hints(instance=stand_in)
            queryset = queryset.using(queryset._db or manager._db)
            queryset = _filter_prefetch_queryset(queryset, descriptor.rel.field.name, [stand_in])
        return of(queryset, prefetch=True)
    except (EmptyResultSet, ObjectDoesNotExist):  # no rows whatever the owner, or a key other than the id
        return None


def _noting_lookup(lookup, owner, noted: dict, of):
    """A copy of the lookup whose queryset notes its statement in `noted` as it runs."""
    queryset = lookup.queryset
    if queryset is None:  # the relation's own queryset, as its manager gives it to a prefetch
        manager = getattr(owner, _last(lookup))
        queryset = super(type(manager), manager).get_queryset()
    queryset = queryset._chain()
    queryset._iterable_class = _noting(noted, lookup.prefetch_to, of)
    copied = copy.copy(lookup)
    copied.queryset = queryset
    return copied


def _noting(noted: dict, name: str, of) -> type:
    class Noting(ModelIterable):
        def __iter__(self):
            try:
                noted[name] = of(self.queryset, prefetch=True)
            except EmptyResultSet:  # no rows whatever the instance: nothing to keep
                noted[name] = None
            yield from super().__iter__()

    return Noting


def _cache_name(descriptor) -> str:
    """The name the relation's manager caches its prefetched queryset under."""
    field = descriptor.rel.field
    if isinstance(descriptor, ManyToManyDescriptor):
        return field.related_query_name() if descriptor.reverse else field.name
    return field.remote_field.cache_name


def _store(instance, lookup, objects: list) -> None:
    """What prefetch_one_level() stores for one instance (the lookup's owner) and its related objects."""
    descriptor = _descriptor(instance, lookup)
    if not isinstance(descriptor, ManyToManyDescriptor):  # a reverse foreign key: each object's own key
        field = descriptor.rel.field
        for obj in objects:
            if not field.is_cached(obj):
                field.set_cached_value(obj, instance)
    nested = _nested(lookup)
    if nested and objects:
        rest = [inner for inner in nested if not is_page_translations(inner)]
        if len(rest) < len(nested):  # their translations into the page's language: a statement kept per number
            attach_page_translations(objects, none=_known_empty(instance, f"{lookup.prefetch_to}__translations"))
        if rest:
            prefetch_related_objects(objects, *rest)
    if lookup.to_attr:
        setattr(instance, lookup.to_attr, objects)
        return
    manager = getattr(instance, _last(lookup))
    queryset = manager.get_queryset() if lookup.queryset is None else manager._apply_rel_filters(lookup.queryset)
    queryset._result_cache, queryset._prefetch_done = objects, True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[_cache_name(descriptor)] = queryset
