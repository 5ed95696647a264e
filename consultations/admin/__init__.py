"""The support unit's admin for co-creation (registered on import)."""

from consultations.admin import cocreation, participation

__all__ = ["cocreation", "participation"]
