"""Settings of the worker in the kill test: the local settings, with WeasyPrint's layout slowed down.

The delay is added in the worker process only, around the library call, so the portal's own code
runs unchanged; it leaves time to kill the worker while it lays out the pages.
"""

import time

import weasyprint

from ogp_portal.settings.local import *  # noqa: F403

LAYOUT_DELAY_SECONDS = 6
_render = weasyprint.HTML.render


def _slow_render(self, *args, **kwargs):
    time.sleep(LAYOUT_DELAY_SECONDS)
    return _render(self, *args, **kwargs)


weasyprint.HTML.render = _slow_render
