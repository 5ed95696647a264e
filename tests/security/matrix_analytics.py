"""The analytics' lines of the permission matrix (tests/security/matrix.py)."""

from tests.security.endpoint import STAFF, Endpoint

ANALYTICS_ENDPOINTS: dict[str, Endpoint] = {
    # Analytics: public figures, their CSV, and the support unit's dashboard ----------------------
    "analytics:analytics": Endpoint(),
    "analytics:analytics-csv": Endpoint(),
    "analytics:dashboard": Endpoint(read=STAFF),
    "api:analytics-list": Endpoint(api=True),
}
