"""The open-data archive's lines of the permission matrix (tests/security/matrix.py)."""

from tests.security.endpoint import STAFF, Endpoint, pk

OPEN_DATA_ENDPOINTS: dict[str, Endpoint] = {
    "commitments:open-data": Endpoint(),
    "commitments:open-data-csv": Endpoint(),
    "commitments:open-data-json": Endpoint(),
    # The archive of the whole public record: anyone downloads it (404 before the first build); staff ask
    # for a new build.
    "commitments:open-data-archive": Endpoint(),
    "commitments:open-data-build": Endpoint(read=None, writes={"post": STAFF}),
    # The reasoned-response report of a consultation, public once it is closed (404 before).
    "commitments:consultation-responses-csv": Endpoint(pk("consultation")),
    "commitments:consultation-responses-pdf": Endpoint(pk("consultation")),
}
