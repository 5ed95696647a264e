"""Filters of the consultation and proposal lists (shared with the API)."""

import functools

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from commitments.models import Member, PolicyArea
from common.db import FixedQuery
from common.filters import SearchFilter
from common.text import as_id
from common.widgets import FastSelect, content_choices, localized_options
from consultations.models import Consultation, Proposal

PUBLIC_STATUSES = [(s.value, s.label) for s in Proposal.Status if s != Proposal.Status.DRAFT]
SORTS = {
    "newest": ("-submitted_at", "-id"),
    "supported": ("-support_count", "-submitted_at", "-id"),
    "oldest": ("submitted_at", "id"),
}

# Every policy area by name, as the proposal filter's queryset reads them: read again after every write
# (common.widgets.content_choices keeps them per content version), compiled once.
_EVERY_AREA = FixedQuery(lambda: PolicyArea.objects.order_by("name").values("slug", "name", "name_fr", "name_es"))


def every_policy_area() -> list[tuple[str, str]]:
    """The options of the proposals' policy-area filter, as its ModelChoiceField lists them (PolicyArea.__str__ in the
    active language), without compiling the field's query at every page to find them in the cache."""
    return localized_options(_EVERY_AREA(), _("All policy areas"))


# The members holding consultations, by name, as the consultation filter's queryset reads them (compiled once).
_CONSULTING_MEMBERS = FixedQuery(
    lambda: (
        Member.objects.filter(Exists(Consultation.objects.filter(action_plan__member=OuterRef("pk"))))
        .order_by("name")
        .values("slug", "name", "name_fr", "name_es")
    )
)


def consulting_members() -> list[tuple[str, str]]:
    """The options of the consultations' member filter, as its ModelChoiceField lists them (Member.__str__)."""
    return localized_options(_CONSULTING_MEMBERS(), _("All members"))


class ProposalFilter(django_filters.FilterSet):
    search = SearchFilter()
    consultation = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Consultation"),
        # An option shows the title only: 100 options on every proposal list page, read with their title alone.
        queryset=Consultation.objects.exclude(status=Consultation.Status.CANCELLED).order_by("-opens_at").only("title"),
        empty_label=_("All consultations"),
    )
    policy_area = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Policy area"),
        queryset=PolicyArea.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All policy areas"),
    )
    status = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Status"), choices=PUBLIC_STATUSES, empty_label=_("Any status")
    )
    sort = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Sort by"),
        method="filter_sort",
        choices=[("newest", _("Newest")), ("supported", _("Most supported")), ("oldest", _("Oldest"))],
        empty_label=None,
    )

    class Meta:
        model = Proposal
        fields = ["search", "consultation", "policy_area", "status", "sort"]

    def __init__(self, data=None, *args, consultation: Consultation | None = None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self._areas = None
        if consultation is not None:
            del self.filters["consultation"]
            areas = consultation.policy_areas.all()
            if areas:
                self.filters["policy_area"].queryset = areas
                # The options are the areas the page has read already (its prefetch): the field's own queryset
                # (a copy) would be compiled and read again for each consultation. It still validates a choice.
                self._areas = list(areas)

    CONSULTATION_CHOICES_LIMIT = 100

    @property
    def form(self):
        form = super().form
        field = form.fields.get("consultation")
        if field is not None and not isinstance(field.widget.choices, CallableChoiceIterator):
            chosen = form.data.get("consultation") if form.is_bound else None
            # Offer the latest consultations (and the chosen one), not every consultation ever held;
            # any consultation id is still accepted, e.g. from a link. Read only when rendered.
            field.widget.choices = CallableChoiceIterator(
                functools.cache(lambda: self._consultation_choices(field, chosen))
            )
        area_field = form.fields["policy_area"]
        if self._areas is not None and not isinstance(area_field.widget.choices, CallableChoiceIterator):
            # What the field's ModelChoiceIterator yields, from the areas read (labels in the language rendered).
            area_field.widget.choices = CallableChoiceIterator(lambda: self._area_choices(area_field))
        elif self._areas is None and not isinstance(area_field.widget.choices, CallableChoiceIterator):
            # Every area: what the field's own queryset gives, kept per content version and language.
            area_field.widget.choices = content_choices("proposal-filter-policy-areas", every_policy_area)
        return form

    def _area_choices(self, field):
        """What django-filter's ModelChoiceIterator yields for the field, over the areas read."""
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        null = [(field.null_value, field.null_label)] if getattr(field, "null_label", None) is not None else []
        return [*empty, *null, *((area.slug, field.label_from_instance(area)) for area in self._areas)]

    def _consultation_choices(self, field, chosen):
        # (id, title) rows, not model instances: building 100 consultations cost more than reading them; read once
        # per content version (a consultation's save changes it), then kept in memory (common.widgets).
        recent = list(
            content_choices(
                "proposal-filter-consultations",
                lambda: field.queryset.values_list("pk", "title")[: self.CONSULTATION_CHOICES_LIMIT],
            )
        )
        chosen_id = as_id(chosen)
        if chosen_id is not None and all(pk != chosen_id for pk, _title in recent):
            recent += list(field.queryset.filter(pk=chosen_id).values_list("pk", "title"))
        return [("", field.empty_label), *recent]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["newest"]))

    @property
    def qs(self):
        queryset = super().qs
        if not (self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("sort")):
            queryset = queryset.order_by(*SORTS["newest"])
        return queryset


class ConsultationFilter(django_filters.FilterSet):
    search = SearchFilter()
    state = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("State"),
        choices=Consultation.State.choices,
        method="filter_state",
        empty_label=_("Any state"),
    )
    member = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Member"),
        # EXISTS and the names alone: a join with DISTINCT over every column of the members took 7.5 ms, this 4.6.
        queryset=Member.objects.filter(Exists(Consultation.objects.filter(action_plan__member=OuterRef("pk"))))
        .only("slug", "name", "name_fr", "name_es")
        .order_by("name"),
        field_name="action_plan__member",
        to_field_name="slug",
        empty_label=_("All members"),
    )

    class Meta:
        model = Consultation
        fields = ["search", "state", "member"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What the member field's own queryset gives, kept per content version and language; any member still valid.
        self.form.fields["member"].widget.choices = content_choices("consultation-filter-members", consulting_members)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        scheduled = Q(status=Consultation.Status.SCHEDULED)
        if value == Consultation.State.OPEN:
            return queryset.open_now(now)
        if value == Consultation.State.UPCOMING:
            return queryset.filter(scheduled, opens_at__gt=now)
        if value == Consultation.State.CLOSED:
            return queryset.filter(
                Q(status=Consultation.Status.CLOSED_EARLY) | (scheduled & Q(closes_at__lte=now)), opens_at__lte=now
            )
        if value == Consultation.State.CANCELLED:
            return queryset.filter(status=Consultation.Status.CANCELLED)
        return queryset
