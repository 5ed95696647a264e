from support.models.catalogue import Representative, ServiceOffer
from support.models.partners import Engagement, Partner
from support.models.requests import SupportAttachment, SupportNote, SupportRequest

__all__ = [
    "Engagement",
    "Partner",
    "Representative",
    "ServiceOffer",
    "SupportAttachment",
    "SupportNote",
    "SupportRequest",
]
