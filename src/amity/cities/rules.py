"""Permissions of the registry. Pages, the admin and the API all ask these rules."""

import rules

from amity.accounts.rules import is_organiser

# The registry itself is public information, as on the city's official lists.
rules.add_perm("cities.view_partnership", rules.always_allow)
rules.add_perm("cities.view_place", rules.always_allow)
rules.add_perm("cities.view_agreement", rules.always_allow)
rules.add_perm("cities.view_exchange", rules.always_allow)

# Personal data and working notes stay with the foreign-affairs office.
rules.add_perm("cities.view_contact", is_organiser)
rules.add_perm("cities.view_notes", is_organiser)
rules.add_perm("cities.download_agreement", is_organiser)
# The audit log names who changed what, and shows contacts' old values.
rules.add_perm("cities.view_history", is_organiser)
# The admin shows every record with its private parts: it is the organisers' back office.
rules.add_perm("cities.use_back_office", is_organiser)

for model in ("partnership", "place", "agreement", "exchange", "contact", "citation", "source"):
    rules.add_perm(f"cities.add_{model}", is_organiser)
    rules.add_perm(f"cities.change_{model}", is_organiser)
    rules.add_perm(f"cities.delete_{model}", is_organiser)
rules.add_perm("cities.import_partnerships", is_organiser)
rules.add_perm("cities.export_partnerships", rules.always_allow)
