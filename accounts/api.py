from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import ApiTokenScope
from accounts.security import security_event
from accounts.tokens import api_token_issue
from common.api.exceptions import invalid_input_response
from common.api.throttling import ScopedThrottle


class TokenInputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False, max_length=4096)
    scope = serializers.ChoiceField(
        choices=ApiTokenScope.Scope.choices,
        default=ApiTokenScope.Scope.READ,
        help_text=_("“read” (the default) for a token that only reads; “read_write” for one that may also write."),
    )


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_("Send it as `Authorization: Token <token>`. It expires, and asking for a new one revokes it.")
    )
    scope = serializers.ChoiceField(choices=ApiTokenScope.Scope.choices)
    expiry = serializers.DateTimeField()


class TokenView(APIView):
    """Exchange an e-mail address and password for a new API token (the account's previous ones stop working)."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedThrottle]
    throttle_scope = "auth"

    @extend_schema(request=TokenInputSerializer, responses={200: TokenOutputSerializer}, tags=["auth"])
    def post(self, request):
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        email = data.validated_data["email"]
        user = authenticate(request, email=email, password=data.validated_data["password"])
        if user is not None and user.is_active and not user.emailaddress_set.filter(verified=True).exists():
            # A right password on an unverified address is answered, and counted, as a wrong one: the
            # answer must not confirm a guessed password. The web sign-in sends the verification e-mail.
            user_login_failed.send(sender=__name__, credentials={"email": email}, request=request)
            user = None
        if user is None or not user.is_active:
            # Answered, not raised: an exception would roll back the request's transaction and with it the
            # failure django-axes has just recorded, leaving password guessing unlimited.
            return invalid_input_response({"non_field_errors": [_("Unknown e-mail address or wrong password.")]})
        scope = data.validated_data["scope"]
        token = api_token_issue(user=user, scope=scope)
        security_event(request=request, user=user, action="api_token_issued", scope=scope, via="api")
        # A sign-in like the web form's: django-axes clears the account's failures, last_login moves.
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        expiry = AuthToken.objects.filter(user=user).values_list("expiry", flat=True).first()
        return Response({"token": token, "scope": scope, "expiry": expiry}, status=status.HTTP_200_OK)
