from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.email_address import EmailAddressField, normalize_email
from common.models import TimeStampedModel


class Organisation(TimeStampedModel):
    """A civil society organisation, a government institution or another actor of open government."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government institution")
        CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        ACADEMIA = "academia", _("Academia")
        MULTILATERAL = "multilateral", _("Multilateral organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    member = models.ForeignKey(
        "commitments.Member",
        verbose_name=_("member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("The OGP member (country or locality) this organisation works in."),
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "member", name="organisation_unique_name_per_member"),
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=User.Role.SUPPORT_STAFF)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account; the e-mail address is the login."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant (civil society)")
        POINT_OF_CONTACT = "point_of_contact", _("Point of contact (government)")
        IRM_RESEARCHER = "irm_researcher", _("IRM researcher")
        SUPPORT_STAFF = "support_staff", _("Support unit staff")

    email = EmailAddressField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    member = models.ForeignKey(
        "commitments.Member",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        help_text=_("For a point of contact: the member whose action plans this person manages."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("The organisation this person takes part for: only once confirmed do they speak on its behalf."),
    )
    organisation_requested_at = models.DateTimeField(_("organisation asked for at"), null=True, blank=True)
    organisation_confirmed_at = models.DateTimeField(
        _("organisation confirmed at"),
        null=True,
        blank=True,
        help_text=_("Set when a confirmed member of the organisation or the support unit confirmed the membership."),
    )
    organisation_confirmed_by = models.ForeignKey(
        "self",
        verbose_name=_("organisation confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notifications_enabled = models.BooleanField(_("receive e-mail notifications"), default=True)
    # Kept by the notifications app in the transaction that creates or reads a notification: the header
    # shows it from the user row already loaded, without a query (notifications.services).
    notifications_unread = models.PositiveIntegerField(_("unread notifications"), default=0, editable=False)
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The portal writes to you in this language; by default, the one you last used on the site."),
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can log into the admin site (support unit).")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    deleted_at = models.DateTimeField(
        _("account deleted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person deleted their account: what they made public stays, without their name."),
    )

    _password_made_unusable = False  # by set_unusable_password(), until the next save

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login", "notifications_unread"])

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="point_of_contact") | models.Q(member__isnull=False),
                name="user_point_of_contact_has_member",
                violation_error_message=_("A point of contact must be linked to a member."),
            ),
            models.CheckConstraint(
                condition=models.Q(role="point_of_contact") | models.Q(member__isnull=True),
                name="user_only_point_of_contact_has_member",
                violation_error_message=_("Only a point of contact is linked to a member."),
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(organisation_confirmed_at__isnull=True),
                name="user_confirmed_only_with_organisation",
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        # The API tokens issued under a password end when a new one is saved, whatever sets it: allauth's
        # change, set and reset, the admin, `changepassword`, `ensure_superuser`, an account deleted.
        # Django's set_password() records the new password in _password until the save; a hash upgraded
        # at sign-in does not (same password), and set_unusable_password() is recorded below.
        new_password = (self._password is not None or self._password_made_unusable) and not self._state.adding
        self._password_made_unusable = False
        super().save(*args, **kwargs)
        if new_password:
            from accounts.tokens import api_tokens_revoke

            api_tokens_revoke(user=self)

    def set_unusable_password(self):
        super().set_unusable_password()
        self._password_made_unusable = True

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def public_name(self) -> str:
        """The name shown on public pages: never the e-mail address."""
        return self.public_name_of(full_name=self.full_name, deleted_at=self.deleted_at)

    @staticmethod
    def public_name_of(*, full_name: str, deleted_at) -> str:
        """`public_name` from the two columns it reads (lists built from values() rows)."""
        if deleted_at:
            return str(_("Deleted participant"))
        return full_name or str(_("Participant"))

    @property
    def confirmed_organisation(self) -> Organisation | None:
        """The organisation this person speaks for: none while their membership awaits confirmation."""
        return self.organisation if self.organisation_id and self.organisation_confirmed_at else None

    @property
    def organisation_pending(self) -> bool:
        return self.organisation_id is not None and self.organisation_confirmed_at is None

    @property
    def is_point_of_contact(self) -> bool:
        return self.role == self.Role.POINT_OF_CONTACT and self.member_id is not None


class ApiTokenScope(models.Model):
    """What an API token may do, kept beside knox's token (deleted with it).

    A token without this row was issued before scopes existed and stays read-write, so nothing it did breaks.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    token = models.OneToOneField(
        "knox.AuthToken", on_delete=models.CASCADE, primary_key=True, related_name="scope", verbose_name=_("token")
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.READ)

    class Meta:
        verbose_name = _("API token scope")
        verbose_name_plural = _("API token scopes")

    def __str__(self):
        return self.get_scope_display()
