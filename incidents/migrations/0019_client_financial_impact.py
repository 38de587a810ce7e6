from django.db import migrations, models

from incidents import list_cache


class Migration(migrations.Migration):
    """DORA Art 19(3): whether a major ICT-related incident has an impact on the financial
    interests of clients (null: not yet known). On SQLite, adding the column rebuilds the
    incidents table, which drops its case-list triggers: put them back (as 0013 does)."""

    dependencies = [
        ('incidents', '0018_case_list_title_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='incident',
            name='client_financial_impact',
            field=models.BooleanField(blank=True, default=None, null=True),
        ),
        migrations.RunPython(list_cache.install, migrations.RunPython.noop),
    ]
