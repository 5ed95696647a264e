import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import Organisation, User

DEFAULT_PASSWORD = "a-long-test-password"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.CIVIL_SOCIETY


class UserFactory(DjangoModelFactory):
    """A participant with a verified e-mail address and the password DEFAULT_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    role = factory.LazyAttribute(
        lambda o: User.Role.POINT_OF_CONTACT if o.point_of_contact_of else User.Role.PARTICIPANT
    )
    member = factory.LazyAttribute(lambda o: o.point_of_contact_of)
    organisation = factory.LazyAttribute(lambda o: o.member_of or o.asking_to_join)
    organisation_requested_at = factory.LazyAttribute(lambda o: timezone.now() if o.organisation else None)
    organisation_confirmed_at = factory.LazyAttribute(lambda o: timezone.now() if o.member_of else None)
    password = factory.django.Password(DEFAULT_PASSWORD)

    class Params:
        point_of_contact_of = None  # a Member
        member_of = None  # an Organisation the person speaks for (confirmed)
        asking_to_join = None  # an Organisation whose confirmation the person awaits
        researcher = factory.Trait(role=User.Role.IRM_RESEARCHER)
        staff = factory.Trait(role=User.Role.SUPPORT_STAFF, is_staff=True)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if not create:
            return
        from allauth.account.models import EmailAddress

        from accounts.services import SUPPORT_UNIT_GROUP

        EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
        if obj.role == User.Role.SUPPORT_STAFF:
            from django.contrib.auth.models import Group

            obj.groups.add(Group.objects.get_or_create(name=SUPPORT_UNIT_GROUP)[0])
