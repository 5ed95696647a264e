"""Development on a laptop: `make run` sets DEBUG=1 and uses these settings."""

from .base import *  # noqa: F403
