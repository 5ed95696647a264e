"""One mailbox, one spelling: the form in which the portal stores, compares and looks up e-mail addresses.

Mail for `amina@exam<soft hyphen>ple.org`, for the domain in full-width or capital letters, or for
`amina@bücher.de` reaches the same box as `amina@example.org` or `amina@xn--bcher-kva.de`: the portal
keeps one account per mailbox only if every address is brought to one form before it is stored or
looked up.
"""

import unicodedata

import idna
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models

# Default-ignorable code points (Unicode DerivedCoreProperties) outside the "format" category:
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, variation selectors.
_IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, *range(0x180B, 0x1810)}
_IGNORABLE_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))


def _is_invisible(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"  # soft hyphen, zero-width space and joiners, bidi marks, BOM…
        or code in _IGNORABLE
        or any(low <= code <= high for low, high in _IGNORABLE_RANGES)
    )


def normalize_email(value: str) -> str:
    """The address in NFKC, without invisible characters, lower-cased, its domain in IDNA (ASCII) form.

    Raises ValueError when the domain is not a valid internationalised domain name.
    """
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(char for char in text if not _is_invisible(char)).strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return text.lower()
    domain = domain.rstrip(".")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii") if domain else ""
    except idna.IDNAError as error:
        raise ValueError(f"Not a valid domain name: {domain!r}") from error
    return f"{local.lower()}@{ascii_domain}"


def normalize_email_or_none(value: str) -> str | None:
    """`normalize_email`, or None for a value that is no valid address."""
    try:
        return normalize_email(value)
    except ValueError:
        return None


def clean_email(value: str) -> str:
    """`normalize_email` for forms: an address that cannot be normalised is invalid."""
    try:
        return normalize_email(value)
    except ValueError as error:
        raise ValidationError(validators.EmailValidator.message, code="invalid") from error


class EmailAddressFormField(forms.EmailField):
    """An e-mail form field whose cleaned value is the address's normal form."""

    def clean(self, value):
        value = super().clean(value)
        return clean_email(value) if value else value


class EmailAddressField(models.EmailField):
    """An e-mail address stored in its normal form; exact lookups compare normal forms too."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_email(value) if value else value

    def pre_save(self, model_instance, add):
        """The instance holds the stored form after a save, as the database does."""
        value = self.get_prep_value(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        # A value that cannot be normalised is refused by validation; a lookup with it finds nothing.
        return normalize_email_or_none(value) or value.lower()

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EmailAddressFormField, **kwargs})
