"""Long-running work (imports, recommendations, schedule runs, PDFs) with progress for its owner.

A domain writes its task as ``@task() @job_task def build_x(progress, *, x_id): …`` and starts it
with ``start_job(kind=…, owner=user, task=build_x, x_id=…)``; the owner watches the job's page.
"""
