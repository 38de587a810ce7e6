"""Who may open the register and the numbers: the privacy office and auditors (audit.roles).

Which cases they then see is ``Incident.objects.visible_to`` as everywhere else.
"""

REGISTER_PERMISSION = "register.view_register"


def may_read_register(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(REGISTER_PERMISSION))
    )
