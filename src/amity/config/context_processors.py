from django.conf import settings
from django.http import HttpRequest


def home_city(request: HttpRequest) -> dict[str, str]:
    return {
        "home_city_en": settings.AMITY_HOME_CITY,
        "home_city_zh": settings.AMITY_HOME_CITY_ZH,
    }
