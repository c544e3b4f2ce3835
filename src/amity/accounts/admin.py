from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from amity.accounts.models import Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Amity"), {"fields": ("role", "organisation", "partner_place", "preferred_language")}),
    )
    list_display = ("username", "email", "role", "organisation", "is_staff")
    list_filter = ("role", "is_staff", "is_active")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_zh", "country", "city_name", "is_demo")
    search_fields = ("name_en", "name_zh")
    list_filter = ("is_demo", "country")
