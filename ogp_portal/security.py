from ogp_portal.email_address import normalize_email_or_none


def login_identifier(request, credentials) -> str:
    """The account a sign-in attempt targets, whatever the form calls it (allauth, admin, API token)."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) or {}
    for key in ("email", "username", "login"):
        value = credentials.get(key) or data.get(key)
        if value:
            return normalize_email_or_none(str(value)) or str(value).strip().lower()
    return ""
