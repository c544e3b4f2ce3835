import hashlib
import secrets

from django.utils import timezone

from amity.accounts.models import ApiToken, User


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_token(user: User, name: str) -> str:
    """Create a token for the user and return its key (the only time it is visible)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, key_hash=_hash(key))
    return key


def user_for_token(key: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
