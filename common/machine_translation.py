"""Machine translation of content through a LibreTranslate-compatible HTTP service (off by default).

MACHINE_TRANSLATION_URL names the service (empty: off); MACHINE_TRANSLATION_API_KEY is sent when set. Each text
is one POST {url}/translate with q, source, target, format="text" (and api_key), answered {"translatedText": ...}.
Errors raise MachineTranslationError: the caller (a Celery task) logs them and tries again later.
"""

import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    """The service could not translate: unreachable, too slow, or an answer that is not a translation."""


def is_enabled() -> bool:
    return bool(getattr(settings, "MACHINE_TRANSLATION_URL", ""))


def translate(text: str, *, source: str, target: str) -> str:
    """`text` from `source` into `target`; an empty text stays empty (no call)."""
    if not text.strip():
        return text
    data = {"q": text, "source": source, "target": target, "format": "text"}
    if settings.MACHINE_TRANSLATION_API_KEY:
        data["api_key"] = settings.MACHINE_TRANSLATION_API_KEY
    url = settings.MACHINE_TRANSLATION_URL.rstrip("/") + "/translate"
    try:
        # No redirect is followed: it would send the text and the key to another address.
        response = requests.post(url, json=data, timeout=settings.MACHINE_TRANSLATION_TIMEOUT, allow_redirects=False)
        if response.is_redirect:
            raise MachineTranslationError(
                f"{source}->{target}: the service answered a redirect ({response.status_code})"
            )
        response.raise_for_status()
        translated = response.json()["translatedText"]
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        # The error's class only: its text may hold the service's address with credentials in it.
        raise MachineTranslationError(f"{source}->{target}: {type(error).__name__}") from error
    if not isinstance(translated, str):
        raise MachineTranslationError(f"{source}->{target}: the answer is not a text")
    return translated


def translate_texts(texts: dict[str, str], *, source: str, target: str) -> dict[str, str]:
    """Every text of a dict {field: text}, in one language."""
    return {name: translate(text, source=source, target=target) for name, text in texts.items()}
