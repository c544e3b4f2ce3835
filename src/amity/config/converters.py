"""Path converters: ``<id:pk>`` is a record id, at most the largest 64-bit integer.

Django's ``<int:…>`` takes any number of digits; a 30-digit id reached the database, which
cannot hold it (a server error instead of a 404).
"""

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= MAX_ID:
            raise ValueError(value)  # Django answers 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)
