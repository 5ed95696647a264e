"""Settings of the `make load` server: the benchmark's (production settings over plain HTTP on 127.0.0.1),
with the portal's own rules back on (rate limits, API throttling, login lockout).

Two differences from production, both for the load run only:
- a fast password hasher (MD5), so that creating and logging in 200 throw-away accounts does not spend
  the run hashing passwords; NEVER use it for real accounts;
- the server believes it sits behind one reverse proxy: each simulated participant sends its own
  X-Forwarded-For address, as 200 people on 200 machines would, so the per-address limits count each
  participant apart instead of one 127.0.0.1 for everyone.
"""

from bench.settings import *  # noqa: F403
from ogp_portal.settings.base import RATE_LIMITS as RATE_LIMITS
from ogp_portal.settings.production import REST_FRAMEWORK as REST_FRAMEWORK

AXES_ENABLED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PROXY_COUNT = 1
