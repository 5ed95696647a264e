"""Settings of the portal's own apps: rate limits, limits and delays of co-creation, grants, the cycle."""

from .environment import env

# Rate limits, per user and per IP address: (actions, seconds). See common/ratelimit.py.
RATE_LIMITS = {
    "consultations.proposal": {"user": (5, 3600), "ip": (20, 3600)},
    "consultations.comment": {"user": (10, 600), "ip": (40, 600)},
    "consultations.support": {"user": (60, 600), "ip": (200, 600)},
    "consultations.flag": {"user": (20, 3600), "ip": (60, 3600)},
    # Reads that cost a full-text query per kind of result: generous for people, a wall for scrapers.
    "partnership.search": {"user": (120, 60), "ip": (300, 60)},
    "grants.application": {"user": (20, 3600), "ip": (60, 3600)},
    "support.request": {"user": (5, 3600), "ip": (20, 3600)},
    # monitoring: reports filed, answers and flags
    "monitoring.report": {"user": (10, 3600), "ip": (30, 3600)},
    "monitoring.flag": {"user": (20, 3600), "ip": (60, 3600)},
    # following a commitment (and stopping)
    "commitments.follow": {"user": (60, 600), "ip": (200, 600)},
    # drafting: paragraph comments, amendments, supports and flags on a draft plan
    "drafting.comment": {"user": (10, 600), "ip": (40, 600)},
    "drafting.amendment": {"user": (10, 3600), "ip": (30, 3600)},
    "drafting.support": {"user": (60, 600), "ip": (200, 600)},
    "drafting.flag": {"user": (20, 3600), "ip": (60, 3600)},
    "peers.exchange": {"user": (10, 3600), "ip": (30, 3600)},
    # A point of contact's writes through the API (plans, commitments, milestones, consultations): an
    # integration loading a whole plan fits, a runaway loop does not.
    "commitments.manage": {"user": (300, 3600), "ip": (600, 3600)},
    "consultations.manage": {"user": (100, 3600), "ip": (300, 3600)},
    # institutions: contacts added by the point of contact, opinions given by the contacts
    "commitments.institution_contact": {"user": (30, 3600), "ip": (60, 3600)},
    "consultations.referral_opinion": {"user": (20, 3600), "ip": (60, 3600)},
    # API tokens issued or revoked on the profile's page (the API's own endpoint has the "auth" throttle)
    "accounts.api_token": {"user": (10, 3600), "ip": (30, 3600)},
}

# MACHINE TRANSLATION (common/machine_translation.py) ------------------------------------------------
# A LibreTranslate-compatible service fills the languages a proposal lacks, marked as machine translations.
# Empty: off (the default); nothing leaves the portal.
MACHINE_TRANSLATION_URL = env("MACHINE_TRANSLATION_URL", default="")
MACHINE_TRANSLATION_API_KEY = env("MACHINE_TRANSLATION_API_KEY", default="")
MACHINE_TRANSLATION_TIMEOUT = env.float("MACHINE_TRANSLATION_TIMEOUT", default=20.0)
# Languages a text is translated into: the site's.
RATE_LIMITS["consultations.translation"] = {"user": (30, 3600), "ip": (60, 3600)}
RATE_LIMITS["commitments.translation"] = {"user": (30, 3600), "ip": (60, 3600)}

# CONSULTATIONS ------------------------------------------------------------------------------------
CONSULTATION_ATTACHMENT_MAX_BYTES = env.int("CONSULTATION_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
CONSULTATION_ATTACHMENT_MAX_COUNT = 5
# All the attachments one participant may store, over all their proposals.
UPLOAD_QUOTA_BYTES_PER_USER = env.int("UPLOAD_QUOTA_BYTES_PER_USER", default=50 * 1024 * 1024)
# Images larger than this many pixels are refused (read from the header, before any decoding).
CONSULTATION_IMAGE_MAX_PIXELS = env.int("CONSULTATION_IMAGE_MAX_PIXELS", default=25_000_000)

# GRANTS --------------------------------------------------------------------------------------------
# How many reviewers score a grant application before the support unit may decide on it.
GRANT_REVIEWS_BEFORE_DECISION = env.int("GRANT_REVIEWS_BEFORE_DECISION", default=2)

CONSULTATION_COMMENT_EDIT_MINUTES = 15
CONSULTATION_COMMENTS_PER_PAGE = 20
# Comments (with their replies) per page of a draft paragraph's thread.
DRAFT_COMMENTS_PER_PAGE = 20
# Distinct users whose open flags hide a proposal or a comment until support staff review it.
CONSULTATION_FLAGS_TO_HIDE = 3
# Days after the close of a consultation to publish the reasoned responses, unless the consultation says.
CONSULTATION_RESPONSE_DAYS = 30
# The point of contact is reminded this many days before the response deadline (0: on the day and after).
CONSULTATION_REMINDER_DAYS = (7, 2, 0)
# The contacts of an institution are reminded once, this many days before the date its opinion is wanted by.
REFERRAL_REMINDER_DAYS = 2
# Days ahead of a step of the action-plan cycle when its points of contact are reminded (once each).
CYCLE_REMINDER_DAYS = (30, 7)
