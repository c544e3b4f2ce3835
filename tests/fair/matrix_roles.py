"""The roles and expected answers the fair's part-2, set-up and follow-up matrices share."""

ANON, ORG, MEMBER, OTHER, DELEGATE, NOBODY = (
    "anonymous",
    "organiser",
    "member",
    "other-member",
    "delegate",
    "no-role",
)
ROLES = [ANON, ORG, MEMBER, OTHER, DELEGATE, NOBODY]
OK, LOGIN = "ok", "login"
ORGANISERS = {ANON: LOGIN, ORG: OK, MEMBER: 403, OTHER: 403, DELEGATE: 403, NOBODY: 403}
