from support.services.requests import (
    support_note_add,
    support_request_create,
    support_request_transition,
)

__all__ = ["support_note_add", "support_request_create", "support_request_transition"]
