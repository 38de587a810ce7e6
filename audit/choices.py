from django.db import models


class Action(models.TextChoices):
    """What an audit event records. Add new kinds at the end; never rename a stored value."""

    LOGIN = "login", "Signed in"
    LOGIN_FAILED = "login_failed", "Sign-in failed"
    LOCKED_OUT = "locked_out", "Locked out (too many failures)"
    LOGOUT = "logout", "Signed out"
    SESSION_EXPIRED = "session_expired", "Session expired"
    OTP_ENROLLED = "otp_enrolled", "Two-factor device enrolled"
    OTP_VERIFIED = "otp_verified", "Two-factor code accepted"
    OTP_FAILED = "otp_failed", "Two-factor code refused"
    OTP_REMOVED = "otp_removed", "Two-factor device removed"
    TOKEN_REVOKED = "token_revoked", "API token revoked"
    CASE_VIEWED = "case_viewed", "Case viewed"
    CASE_EXPORTED = "case_exported", "Case exported"
    CHANGE = "change", "Change"
    TEAM_CHANGED = "team_changed", "Team changed"
    REMINDER_SENT = "reminder_sent", "Reminder sent"
    AUDIT_VIEWED = "audit_viewed", "Audit trail viewed"
    AUDIT_EXPORTED = "audit_exported", "Audit trail exported"
    TOKEN_CREATED = "token_created", "API token created"
    RULE_CHANGED = "rule_changed", "Rule book changed"
    LEGAL_HOLD = "legal_hold", "Legal hold set or lifted"
    PERSONAL_DATA_PURGED = "personal_data_purged", "Personal data removed (retention ended)"
