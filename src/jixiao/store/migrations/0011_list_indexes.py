# Indexes for the project list orderings and the open warnings (issue 16: pages at province size)

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0010_keyevaluation_report_text'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='monitoringwarning',
            index=models.Index(condition=models.Q(('cleared_period__isnull', True)), fields=['colour', 'id'], name='open_warning_by_colour'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['name', 'id'], name='project_by_name'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['unit', 'name', 'id'], name='project_by_unit_name'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['status', 'name', 'id'], name='project_by_status_name'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['adjusted_budget'], name='project_by_budget'),
        ),
    ]
