"""Content people read gets an English and a Chinese version (explicit _en / _zh columns).

The existing text becomes the English version (the seed and the demo wrote English); the
Chinese columns start empty and the pages mark the fallback.
"""

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [("cities", "0005_district_names_its_district")]

    operations = [
        migrations.RenameField("source", "title", "title_en"),
        migrations.AlterField(
            "source",
            "title_en",
            models.CharField(max_length=300, unique=True, verbose_name="title (English)"),
        ),
        migrations.AddField(
            "source",
            "title_zh",
            models.CharField(blank=True, max_length=300, verbose_name="title (Chinese)"),
        ),
        migrations.AlterModelOptions(
            "source",
            {"ordering": ["title_en"], "verbose_name": "source", "verbose_name_plural": "sources"},
        ),
        migrations.RenameField("citation", "note", "note_en"),
        migrations.AlterField(
            "citation",
            "note_en",
            models.CharField(blank=True, max_length=500, verbose_name="note (English)"),
        ),
        migrations.AddField(
            "citation",
            "note_zh",
            models.CharField(blank=True, max_length=500, verbose_name="note (Chinese)"),
        ),
        migrations.RenameField("agreement", "title", "title_en"),
        migrations.AlterField(
            "agreement",
            "title_en",
            models.CharField(blank=True, max_length=300, verbose_name="title (English)"),
        ),
        migrations.AddField(
            "agreement",
            "title_zh",
            models.CharField(blank=True, max_length=300, verbose_name="title (Chinese)"),
        ),
        migrations.RenameField("agreement", "summary", "summary_en"),
        migrations.AlterField(
            "agreement",
            "summary_en",
            models.TextField(blank=True, verbose_name="summary (English)"),
        ),
        migrations.AddField(
            "agreement",
            "summary_zh",
            models.TextField(blank=True, verbose_name="summary (Chinese)"),
        ),
        migrations.AddConstraint(
            "agreement",
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="agreement_has_a_title"
            ),
        ),
        migrations.AlterField(
            "exchange",
            "title_en",
            models.CharField(blank=True, max_length=300, verbose_name="title (English)"),
        ),
        migrations.RenameField("exchange", "description", "description_en"),
        migrations.AlterField(
            "exchange",
            "description_en",
            models.TextField(blank=True, verbose_name="description (English)"),
        ),
        migrations.AddField(
            "exchange",
            "description_zh",
            models.TextField(blank=True, verbose_name="description (Chinese)"),
        ),
        migrations.AddConstraint(
            "exchange",
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="exchange_has_a_title"
            ),
        ),
        migrations.RenameField("contact", "position", "position_en"),
        migrations.AlterField(
            "contact",
            "position_en",
            models.CharField(blank=True, max_length=200, verbose_name="position (English)"),
        ),
        migrations.AddField(
            "contact",
            "position_zh",
            models.CharField(blank=True, max_length=200, verbose_name="position (Chinese)"),
        ),
        migrations.RenameField("contact", "protocol_notes", "protocol_notes_en"),
        migrations.AlterField(
            "contact",
            "protocol_notes_en",
            models.TextField(blank=True, verbose_name="protocol notes (English)"),
        ),
        migrations.AddField(
            "contact",
            "protocol_notes_zh",
            models.TextField(blank=True, verbose_name="protocol notes (Chinese)"),
        ),
    ]
