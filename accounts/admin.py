from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import ApiTokenScope, Organisation, User
from accounts.services import (
    organisation_membership_confirm,
    organisation_membership_refuse,
    organisation_membership_set,
    user_set_role,
)


class MembershipListFilter(admin.SimpleListFilter):
    title = _("organisation membership")
    parameter_name = "membership"

    def lookups(self, request, model_admin):
        return [("pending", _("Awaiting confirmation")), ("confirmed", _("Confirmed"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(organisation__isnull=False, organisation_confirmed_at__isnull=True)
        if self.value() == "confirmed":
            return queryset.filter(organisation_confirmed_at__isnull=False)
        return queryset


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "member", "is_staff", "is_active", "date_joined"]
    list_filter = ["role", MembershipListFilter, "is_staff", "is_active", "member__kind"]
    search_fields = ["email", "full_name", "member__name"]
    autocomplete_fields = ["member", "organisation"]
    list_select_related = ["member"]
    readonly_fields = [
        "last_login",
        "date_joined",
        "is_staff",
        "organisation_requested_at",
        "organisation_confirmed_at",
        "organisation_confirmed_by",
    ]
    actions = ["confirm_memberships", "refuse_memberships"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "notifications_enabled", "language")}),
        (
            _("Organisation"),
            {
                "fields": (
                    "organisation",
                    "organisation_requested_at",
                    "organisation_confirmed_at",
                    "organisation_confirmed_by",
                )
            },
        ),
        (_("Role"), {"fields": ("role", "member", "is_active", "is_staff", "is_superuser")}),
        (_("Permissions"), {"classes": ("collapse",), "fields": ("groups", "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "role", "member", "password1", "password2")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser grants superuser status or raw permissions; staff work through roles.
        if request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "is_superuser", "groups", "user_permissions"]

    def save_model(self, request, obj, form, change):
        # The role is set before the form's other changes are saved: the service compares it with the
        # stored one (a changed role revokes the API tokens).
        if change:
            user_set_role(user=obj, role=obj.role, member=obj.member)
        super().save_model(request, obj, form, change)
        if not change:
            user_set_role(user=obj, role=obj.role, member=obj.member)
        if "organisation" in form.changed_data:  # chosen by the support unit: confirmed by them
            organisation_membership_set(user=obj, organisation=obj.organisation, by=request.user)

    @admin.action(description=_("Confirm their organisation membership"), permissions=["change"])
    def confirm_memberships(self, request, queryset):
        pending = list(queryset.filter(organisation__isnull=False, organisation_confirmed_at__isnull=True))
        for member in pending:
            organisation_membership_confirm(member=member, by=request.user)
        self.message_user(request, _("%(count)d memberships confirmed.") % {"count": len(pending)})

    @admin.action(description=_("Refuse their organisation membership"), permissions=["change"])
    def refuse_memberships(self, request, queryset):
        pending = list(queryset.filter(organisation__isnull=False, organisation_confirmed_at__isnull=True))
        for member in pending:
            organisation_membership_refuse(member=member, by=request.user)
        self.message_user(request, _("%(count)d memberships refused.") % {"count": len(pending)})


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "member", "country"]
    list_filter = ["kind", "member__kind"]
    search_fields = ["name", "member__name"]
    autocomplete_fields = ["member"]
    list_select_related = ["member"]


@admin.register(ApiTokenScope)
class ApiTokenScopeAdmin(admin.ModelAdmin):
    """Who holds a read-write token; a token is issued and changed only by its holder (POST /api/v1/auth/token/)."""

    list_display = ["holder", "scope", "expiry"]
    list_filter = ["scope"]
    search_fields = ["token__user__email"]
    list_select_related = ["token__user"]

    @admin.display(description=_("holder"), ordering="token__user__email")
    def holder(self, obj):
        return obj.token.user

    @admin.display(description=_("expiry"), ordering="token__expiry")
    def expiry(self, obj):
        return obj.token.expiry

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
