from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    """What combines the domain apps: the public pages and API of the partnership, open data, site-wide demo data."""

    name = "partnership"
    verbose_name = _("The partnership")
