"""The Content-Security-Policy header, built once instead of on every response.

django-csp rebuilds the policy string from the settings for every response. The portal's policy is
the same for every page unless a view changes it (csp_update / csp_replace / a per-view config) or a
template asks for a nonce: only those responses go through the general path.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_POLICY_SETTINGS = {"CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"}
_PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_built: dict[str, tuple[str, tuple[str, ...]]] = {}


@receiver(setting_changed, dispatch_uid="common-csp-policy-changed")
def _forget_policies(*, setting, **_kwargs) -> None:
    if setting in _POLICY_SETTINGS:
        _built.clear()


def constant_policy(setting: str) -> tuple[str, tuple[str, ...]]:
    """The header value of a policy setting and its excluded URL prefixes, built once per process."""
    if setting not in _built:
        report_only = setting.endswith("_REPORT_ONLY")
        prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
        _built[setting] = (build_policy(report_only=report_only), prefixes)
    return _built[setting]


class ConstantCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the header of a response that changes nothing built only once."""

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(hasattr(response, a) for a in _PER_RESPONSE):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for header, setting, exempt in (
            (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
            (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
        ):
            policy, prefixes = constant_policy(setting)
            wanted = policy and not getattr(response, exempt, False) and not request.path_info.startswith(prefixes)
            if wanted and header not in response:
                response[header] = policy
        # As django-csp does: a nonce asked for after the header was written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
