"""The exam taxonomy (domains, task statements) and the Instructors group.

Loaded by a data migration, and made sure of again by the commands that need it (a test
database flushed by a transactional test, or `manage.py flush`, loses migration data).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

DOMAINS = [
    (1, "Development with AWS Services", 32, [
        ("1.1", "Develop code for applications hosted on AWS"),
        ("1.2", "Develop code for AWS Lambda"),
        ("1.3", "Use data stores in application development"),
    ]),
    (2, "Security", 26, [
        ("2.1", "Implement authentication and/or authorization for applications and AWS services"),
        ("2.2", "Implement encryption by using AWS services"),
        ("2.3", "Manage sensitive data in application code"),
    ]),
    (3, "Deployment", 24, [
        ("3.1", "Prepare application artifacts to be deployed to AWS"),
        ("3.2", "Test applications in development environments"),
        ("3.3", "Automate deployment testing"),
        ("3.4", "Deploy code by using AWS CI/CD services"),
    ]),
    (4, "Troubleshooting and Optimization", 18, [
        ("4.1", "Assist in a root cause analysis"),
        ("4.2", "Instrument code for observability"),
        ("4.3", "Optimize applications by using AWS services and features"),
    ]),
]  # fmt: skip

INSTRUCTORS = "Instructors"
# Exactly what managing the question bank needs: questions and choices, and reading the
# taxonomy and the notes they cite. No users, groups or settings.
INSTRUCTOR_PERMISSIONS = [
    ("quizzes", "question", ["add", "change", "delete", "view"]),
    ("quizzes", "choice", ["add", "change", "delete", "view"]),
    ("quizzes", "problemreport", ["change", "view"]),
    ("quizzes", "domain", ["view"]),
    ("quizzes", "taskstatement", ["view"]),
    ("content", "section", ["view"]),
    ("content", "service", ["view"]),
]


def taxonomy_sync(apps=global_apps) -> None:
    """Create or update the domains, task statements and the Instructors group."""
    Domain = apps.get_model("quizzes", "Domain")
    TaskStatement = apps.get_model("quizzes", "TaskStatement")
    for number, name, weight, tasks in DOMAINS:
        domain, _ = Domain.objects.update_or_create(
            number=number, defaults={"name": name, "weight": weight}
        )
        for code, text in tasks:
            TaskStatement.objects.update_or_create(
                code=code, defaults={"domain": domain, "text": text}
            )
    for app_config in apps.get_app_configs():
        # Historical app configs need this flag for create_permissions to look at them.
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=INSTRUCTORS)
    for app_label, model, actions in INSTRUCTOR_PERMISSIONS:
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
