"""Where the settings come from: the project's folder and the environment (an optional .env file)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    env.read_env(str(BASE_DIR / ".env"))

# The portal's public address (scheme, host and port if any; no path): every e-mail and every absolute link
# starts with it, whatever address a request came in on (common/site.py).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
