"""Settings of the worker in the digest kill test: the local settings, with the digest's rendering slowed.

In the worker process only, rendering the digest template first leaves a marker file (the digest's
transaction is open: its row and its e-mail are written but not committed), then sleeps, so the test
can kill the worker in the middle of the digest.
"""

import os
import time
from pathlib import Path

import django.template.loader

from ogp_portal.settings.local import *  # noqa: F403

DIGEST_DELAY_SECONDS = 30
_render_to_string = django.template.loader.render_to_string


def _slow_render_to_string(template_name, *args, **kwargs):
    if "notifications/emails/digest" in str(template_name):
        Path(os.environ["DIGEST_MARKER"]).write_text("rendering")
        time.sleep(DIGEST_DELAY_SECONDS)
    return _render_to_string(template_name, *args, **kwargs)


django.template.loader.render_to_string = _slow_render_to_string
