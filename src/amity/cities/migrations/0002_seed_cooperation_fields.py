from django.db import migrations

from amity.cities.fields_of_cooperation import FIELDS_OF_COOPERATION


def seed(apps, schema_editor):
    CooperationField = apps.get_model("cities", "CooperationField")
    for code, name_en, name_zh in FIELDS_OF_COOPERATION:
        CooperationField.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_zh": name_zh}
        )


class Migration(migrations.Migration):
    dependencies = [("cities", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
