"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import reverse

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ogp_portal.settings.production")

application = get_wsgi_application()

# What start-up loads (Django, the apps, the URL patterns and the views they import: about 220,000 objects that
# the collector tracks) lives as long as the process. Frozen, it is left out of every garbage collection: a full
# collection walked all of it, 100-150 ms while the worker answered nothing, whenever its caches had grown enough
# (docs/PERFORMANCE.md, twenty-eighth round). What requests load later (templates, catalogues, kept statements) is
# collected as before.
reverse("home")  # the URL patterns, imported with their views (a URLconf that cannot load stops the worker here)
gc.collect()  # garbage left by start-up is freed, not frozen
gc.freeze()
