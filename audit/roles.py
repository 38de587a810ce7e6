"""The roles people hold, as Django groups with permissions.

Group permissions say what a person may do *to a case they can see*; which cases they can see is
decided by team membership (``Incident.objects.visible_to``), except for the privacy office,
whose ``incidents.view_all_incidents`` opens every case.

Permissions are listed as (app label, actions) for the app's models, plus named extra
permissions. Models added later get their permissions on the next ``migrate``: the post-migrate
receiver re-applies this table (it only ever sets each role to exactly what is listed here).
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

RESPONDER = "Responder"
COUNSEL = "Counsel"
VIEWER = "Viewer"
RULES_ADMINISTRATOR = "Rules administrator"
PRIVACY_OFFICE = "Privacy office"
AUDITOR = "Auditor"

READ = ("view",)
WORK = ("view", "add", "change")
ALL = ("view", "add", "change", "delete")

# role -> ({app_label: actions on every model of that app}, ["app_label.codename", ...])
ROLES: dict[str, tuple[dict[str, tuple[str, ...]], list[str]]] = {
    # Organisation profiles: read by those who open cases (they pick one); the privacy office
    # keeps them.
    RESPONDER: (
        {"incidents": WORK, "reminders": WORK, "jurisdictions": READ, "organisations": READ},
        [],
    ),
    COUNSEL: (
        {"incidents": WORK, "reminders": WORK, "jurisdictions": READ, "organisations": READ},
        # Counsel approves the version of a notice that may be sent (incidents/drafting), and
        # sets and lifts legal holds (retention.actions).
        [
            "jurisdictions.view_changes_coming",
            "drafting.approve_noticedraft",
            "retention.manage_legal_hold",
        ],
    ),
    VIEWER: (
        {"incidents": READ, "reminders": READ, "jurisdictions": READ, "organisations": READ},
        [],
    ),
    RULES_ADMINISTRATOR: (
        {"jurisdictions": ALL, "incidents": READ},
        # Drafts are model changes; making one the law in force is a permission of its own.
        [
            "jurisdictions.publish_rule",
            "jurisdictions.view_changes_coming",
            # Notice templates are rule data too: the wording each recipient kind gets.
            "drafting.view_noticetemplate",
            "drafting.add_noticetemplate",
            "drafting.change_noticetemplate",
            "drafting.view_noticetemplatechange",
        ],
    ),
    # The privacy office also keeps the retention policies and sees the purge preview.
    PRIVACY_OFFICE: (
        {"incidents": READ, "reminders": READ, "jurisdictions": READ, "organisations": WORK},
        [
            "incidents.view_all_incidents",
            "jurisdictions.view_changes_coming",
            "register.view_register",
            "retention.manage_legal_hold",
            "retention.view_retentionpolicy",
            "retention.add_retentionpolicy",
            "retention.change_retentionpolicy",
            "retention.view_casepurge",
        ],
    ),
    # The register lists only the cases an auditor may see (put on a case's team to read it).
    AUDITOR: ({"audit": READ}, ["audit.export_auditevent", "register.view_register"]),
}


def permissions_for(role: str, Permission, *, final: bool = False) -> list:
    apps_actions, extra = ROLES[role]
    wanted = []
    for app_label, actions in apps_actions.items():
        perms = Permission.objects.filter(content_type__app_label=app_label).select_related(
            "content_type"
        )
        for perm in perms:
            # Only the model's default permissions ("view_incident"): a custom one such as
            # "view_all_incidents" also starts with "view_" and must be granted by name.
            if perm.codename in {f"{a}_{perm.content_type.model}" for a in actions}:
                wanted.append(perm)
    for name in extra:
        app_label, codename = name.split(".", 1)
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is None:
            # Mid-migrate (the roles migration) the model that defines it may not be migrated
            # yet and the post-migrate pass adds it: nothing to act on. After the last app's
            # permissions exist (``final``) a missing one is a real mistake in this table.
            if final:
                log.warning("role %s: permission %s does not exist", role, name)
            else:
                log.debug("role %s: permission %s does not exist yet", role, name)
        else:
            wanted.append(perm)
    return wanted


def sync_roles(Group, Permission, *, final: bool = False) -> None:
    """Create every role's group and set its permissions to the table above."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(permissions_for(role, Permission, final=final))


def sync_after_migrate(sender, **kwargs):
    """Re-apply the roles once per ``migrate``, after the last app's permissions exist."""
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group, Permission

    with_models = [a for a in global_apps.get_app_configs() if a.models_module is not None]
    if with_models and sender is with_models[-1]:
        sync_roles(Group, Permission, final=True)
