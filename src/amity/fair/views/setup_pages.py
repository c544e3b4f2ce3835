"""The organiser's set-up tabs: sessions (days, morning/afternoon), tables and interpreters.

Each tab is a card that adds and removes rows; htmx swaps the card in place, and without
JavaScript the forms post and come back to the page. The domain actions decide.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain import (
    add_interpreter,
    add_session,
    add_table,
    remove_interpreter,
    remove_session,
    remove_table,
    session_slots,
    set_interpreter_languages,
    set_interpreter_sessions,
)
from amity.fair.forms_setup import InterpreterForm, SessionForm, TableForm
from amity.fair.models import Fair, FairSession, Interpreter, Table
from amity.fair.views.common import error_text, errors_onto, load_fair

TABS = {
    "sessions": "fair/partials/setup_sessions.html",
    "tables": "fair/partials/setup_tables.html",
    "interpreters": "fair/partials/setup_interpreters.html",
}


def _context(fair: Fair, tab: str, form=None, error: str = "") -> dict:
    context = {"fair": fair, "tab": tab, "partial": TABS[tab], "form": form, "error": error}
    if tab == "sessions":
        context["sessions"] = session_slots(fair)
        context["form"] = form or SessionForm()
    elif tab == "tables":
        context["tables"] = list(fair.tables.select_related("exhibitor"))
        context["form"] = form or TableForm(fair=fair, initial={"number": _next_number(fair)})
    else:
        context["interpreters"] = list(fair.interpreters.prefetch_related("sessions"))
        context["sessions"] = list(fair.sessions.all())
        context["form"] = form or InterpreterForm(fair=fair)
    return context


def _next_number(fair: Fair) -> int:
    last = fair.tables.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _show(request, fair: Fair, tab: str, form=None, error: str = ""):
    """The card alone for htmx, else the whole page."""
    template = TABS[tab] if request.htmx else "fair/setup_tab.html"
    return render(request, template, _context(fair, tab, form, error))


def _done(request, fair: Fair, tab: str, message: str):
    if request.htmx:
        return _show(request, fair, tab)
    messages.success(request, message)
    return redirect(f"fair:setup-{tab}", fair.pk)


def _add(request, fair: Fair, tab: str, form, act, message: str):
    """GET shows the tab; POST runs ``act(form)`` when the form parses, all or nothing.

    Times are typed and shown in the event's time zone (stored in UTC).
    """
    with timezone.override(fair.event.time_zone):
        if request.method == "POST" and form.is_valid():
            try:
                act(form)
            except ValidationError as error:
                errors_onto(form, error)
            else:
                return _done(request, fair, tab, message)
        return _show(request, fair, tab, form if request.method == "POST" else None)


def _act_on(request, fair: Fair, tab: str, thing, act, message: str):
    """Run ``act(thing)`` (a removal, a change); a refusal is shown on the card."""
    with timezone.override(fair.event.time_zone):
        try:
            act(thing)
        except ValidationError as error:
            return _show(request, fair, tab, error=error_text(error))
        return _done(request, fair, tab, message)


@login_required
def sessions(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    form = SessionForm(request.POST or None)
    return _add(
        request,
        fair,
        "sessions",
        form,
        lambda f: add_session(fair, **f.session_fields()),
        _("The session is added."),
    )


@login_required
@require_POST
def session_delete(request, fair_id: int, session_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    session = get_object_or_404(FairSession, fair=fair, pk=session_id)
    return _act_on(request, fair, "sessions", session, remove_session, _("The session is removed."))


@login_required
def tables(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    form = TableForm(request.POST or None, fair=fair)
    return _add(
        request,
        fair,
        "tables",
        form,
        lambda f: add_table(fair, **f.cleaned_data),
        _("The table is added."),
    )


@login_required
@require_POST
def table_delete(request, fair_id: int, table_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    table = get_object_or_404(Table, fair=fair, pk=table_id)
    return _act_on(request, fair, "tables", table, remove_table, _("The table is removed."))


@login_required
def interpreters(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    form = InterpreterForm(request.POST or None, fair=fair)
    return _add(
        request,
        fair,
        "interpreters",
        form,
        lambda f: add_interpreter(
            fair,
            name=f.cleaned_data["name"],
            languages=f.cleaned_data["languages"],
            sessions=list(f.cleaned_data["sessions"]),
        ),
        _("The interpreter is added."),
    )


@login_required
@require_POST
def interpreter_sessions(request, fair_id: int, interpreter_id: int):
    """One row of the interpreters' grid: the sessions ticked for this interpreter."""
    fair = load_fair(request, fair_id, "fair.manage_fair")
    interpreter = get_object_or_404(Interpreter, fair=fair, pk=interpreter_id)
    ids = request.POST.getlist("sessions")
    sessions = list(FairSession.objects.filter(pk__in=[i for i in ids if i.isdigit()]))

    @transaction.atomic  # languages and sessions of the row: both saved or neither
    def act(thing):
        if len(sessions) != len(set(ids)):
            raise ValidationError({"sessions": _("Choose sessions of this fair.")})
        if "languages" in request.POST:
            thing = set_interpreter_languages(thing, request.POST["languages"][:100])
        set_interpreter_sessions(thing, sessions)

    return _act_on(request, fair, "interpreters", interpreter, act, _("The interpreter is saved."))


@login_required
@require_POST
def interpreter_delete(request, fair_id: int, interpreter_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    interpreter = get_object_or_404(Interpreter, fair=fair, pk=interpreter_id)
    return _act_on(
        request,
        fair,
        "interpreters",
        interpreter,
        remove_interpreter,
        _("The interpreter is removed."),
    )
