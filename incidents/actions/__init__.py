"""Every change to a case goes through here.

Each action runs in one transaction, takes the ``acting_user`` who asked for it, and writes its
``Activity`` row(s) - who, when, before, after - in that same transaction. Views, the API, the
admin, management commands and Celery tasks call these functions; nothing else writes the rows.

Bad input raises ``ActionError`` (or the engine's ``FactsError``) naming the field, before anything
is written.

One module per concern (as zulip's ``zerver/actions/``); import from the package:
``from incidents.actions import open_incident``.

* ``cases`` - opening a case, its details and status
* ``facts`` - changing facts, affected counts, holds (requests to delay notices)
* ``conflicts`` - conflicts between rules and counsel's decisions on them
* ``obligations`` - decisions on one obligation (notice recorded, waived, internal target ...)
* ``recompute`` / ``bulk_recompute`` - obligations brought in line with the engine
* ``team``, ``notes``, ``attachments``, ``feeds`` - who is on a case, notes, files, calendar links
* ``affected_csv`` - reading a ``jurisdiction,count`` file (no writes)
* ``activity`` - the timeline entry every change writes; ``hooks`` - calls out to the engine,
  the audit trail and the reminder schedule; ``common`` - what the doors share
"""

from .activity import current_request_id, log_activity
from .affected_csv import CSV_MAX_BYTES, AffectedCSVError, parse_affected_csv
from .attachments import add_attachment
from .bulk_recompute import recompute_many
from .cases import (
    DETAIL_FIELDS,
    TRANSITIONS,
    change_status,
    next_reference,
    open_incident,
    update_details,
)
from .common import CLOCK_SKEW, NO_LONGER_APPLIES, ActionError, _result_dict
from .conflicts import CONFLICT_KINDS, DECISION_MAX_LENGTH, conflict_label, decide_conflict
from .facts import FACT_FIELDS, _canonical, lift_hold, record_hold, set_affected, update_facts
from .feeds import create_feed_token, revoke_feed_token
from .notes import NOTE_MAX_LENGTH, add_note
from .obligations import (
    mark_not_required,
    record_notification,
    reopen_obligation,
    set_internal_target,
    waive,
)
from .recompute import RecomputeResult, _computed_values, _key, recompute_obligations
from .team import (
    ROLE_RANK,
    add_team_member,
    change_team_role,
    leave_case,
    may_own,
    may_steer,
    remove_team_member,
    transfer_ownership,
)

__all__ = [
    "CLOCK_SKEW",
    "CONFLICT_KINDS",
    "CSV_MAX_BYTES",
    "DECISION_MAX_LENGTH",
    "DETAIL_FIELDS",
    "FACT_FIELDS",
    "NOTE_MAX_LENGTH",
    "NO_LONGER_APPLIES",
    "ROLE_RANK",
    "TRANSITIONS",
    "ActionError",
    "AffectedCSVError",
    "RecomputeResult",
    "_canonical",
    "_computed_values",
    "_key",
    "_result_dict",
    "add_attachment",
    "add_note",
    "add_team_member",
    "change_status",
    "change_team_role",
    "conflict_label",
    "create_feed_token",
    "current_request_id",
    "decide_conflict",
    "leave_case",
    "lift_hold",
    "log_activity",
    "mark_not_required",
    "may_own",
    "may_steer",
    "next_reference",
    "open_incident",
    "parse_affected_csv",
    "recompute_many",
    "recompute_obligations",
    "record_hold",
    "record_notification",
    "remove_team_member",
    "reopen_obligation",
    "revoke_feed_token",
    "set_affected",
    "set_internal_target",
    "transfer_ownership",
    "update_details",
    "update_facts",
    "waive",
]
