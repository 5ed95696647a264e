import factory
from factory.django import DjangoModelFactory

from support.models import Engagement, Partner, Representative, ServiceOffer, SupportRequest
from tests.factories.accounts import UserFactory
from tests.factories.commitments import MemberFactory


class ServiceOfferFactory(DjangoModelFactory):
    class Meta:
        model = ServiceOffer
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Service {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name} (fr)")
    name_es = factory.LazyAttribute(lambda o: f"{o.name} (es)")
    slug = factory.Sequence(lambda n: f"service-{n}")
    cycle_step = ServiceOffer.CycleStep.CO_CREATION

    class Params:
        drafting = factory.Trait(
            name="Assistance with drafting commitments",
            name_fr="Assistance à la rédaction des engagements",
            name_es="Asistencia para redactar compromisos",
            slug="drafting-commitments",
            description="Workshops and advice on designing good commitments, with thematic partners.",
            description_fr="Ateliers et conseils pour concevoir de bons engagements, avec des partenaires thématiques.",
            description_es="Talleres y asesoría para diseñar buenos compromisos, con socios temáticos.",
        )
        contacts_only = factory.Trait(audience=ServiceOffer.Audience.POINTS_OF_CONTACT)


class RepresentativeFactory(DjangoModelFactory):
    class Meta:
        model = Representative

    member = factory.SubFactory(MemberFactory)
    user = factory.SubFactory(UserFactory, staff=True)


class SupportRequestFactory(DjangoModelFactory):
    class Meta:
        model = SupportRequest

    member = factory.SubFactory(MemberFactory)
    service = factory.SubFactory(ServiceOfferFactory)
    requester = factory.SubFactory(UserFactory)
    description = "Help with the draft commitments"

    class Params:
        delivered = factory.Trait(status=SupportRequest.Status.DELIVERED, outcome="Two workshops held")


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")


class EngagementFactory(DjangoModelFactory):
    class Meta:
        model = Engagement

    partner = factory.SubFactory(PartnerFactory)
    member = factory.SubFactory(MemberFactory)
    assistance = Engagement.Assistance.TECHNICAL
