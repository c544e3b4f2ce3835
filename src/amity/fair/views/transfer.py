"""Export the participants (CSV/XLSX) and import them from a file, all rows or none."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.cities.importing.errors import ImportRejected
from amity.fair.transfer import COLUMNS, export_participants, import_participants
from amity.fair.views.common import load_fair

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))


@login_required
def export_view(request, fair_id: int, fmt: str):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    if fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(export_participants(fair, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="fair-{fair.pk}-participants.{fmt}"'
    return response


@login_required
def import_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_fair")
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            try:
                count = import_participants(fair, upload.read(), upload.name, by=request.user)
            except ImportRejected as rejected:
                problems = [str(error) for error in rejected.errors]
            else:
                messages.success(request, _("%(count)s participants imported.") % {"count": count})
                return redirect("fair:organiser-overview", fair.pk)
    context = {"fair": fair, "form": form, "problems": problems, "columns": COLUMNS}
    return render(request, "fair/import.html", context)
