"""What a rule change does to one case's deadlines: two obligations documents in, changes out.

Pure (no database, no engine call): the impact preview evaluates a case's facts under the rule book
before and after the change and passes both ``breachclock.obligations/1`` documents here.
"""

from __future__ import annotations

from dataclasses import dataclass

# Obligation statuses a person decided; a change that moves their deadline needs a human look.
ACTED_ON = frozenset({"notified", "not_required", "waived"})


@dataclass(frozen=True)
class DeadlineChange:
    """One obligation whose deadline (or existence) a rule change alters."""

    rule: str
    jurisdiction: str
    stage: str | None
    recipient: str
    # "moved", "added", "removed", "version"; "addressee": same deadline, but owed in another
    # member state or to another authority (an EU-wide duty re-addressed).
    change: str
    old_due: str | None
    new_due: str | None
    old_version: int | None
    new_version: int | None
    acted_on: str | None = None  # the status a person set, when they already acted on it

    @property
    def needs_decision(self) -> bool:
        """A deadline already acted on would move or disappear: a person must decide."""
        return bool(self.acted_on) and self.change in ("moved", "removed", "addressee")

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.rule, self.stage)


def _by_key(document: dict) -> dict[tuple[str, str | None], dict]:
    out = {}
    for ob in document.get("obligations", []):
        out[(ob["rule"], ob.get("stage"))] = ob
    return out


def _version(ob: dict | None) -> int | None:
    if ob is None:
        return None
    return ob.get("rule_version")


def diff_obligations(
    old: dict, new: dict, *, statuses: dict[tuple[str, str | None], str] | None = None
) -> list[DeadlineChange]:
    """Compare two obligations documents for the same facts.

    ``statuses`` maps (rule code, stage) to the stored obligation's status, so changes to
    obligations already notified, found not required or waived are flagged.
    """
    statuses = statuses or {}
    before, after = _by_key(old), _by_key(new)
    changes = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1] or "")):
        a, b = before.get(key), after.get(key)
        if a and b:
            if a.get("due_at") != b.get("due_at") or a.get("waiting_for") != b.get("waiting_for"):
                kind = "moved"
            elif a.get("jurisdiction") != b.get("jurisdiction") or a.get("authority") != b.get(
                "authority"
            ):
                kind = "addressee"
            elif _version(a) != _version(b):
                kind = "version"
            else:
                continue
        else:
            kind = "added" if b else "removed"
        ref = b or a
        status = statuses.get(key)
        changes.append(
            DeadlineChange(
                rule=key[0],
                jurisdiction=ref.get("jurisdiction", ""),
                stage=key[1],
                recipient=ref.get("recipient", ""),
                change=kind,
                old_due=a.get("due_at") if a else None,
                new_due=b.get("due_at") if b else None,
                old_version=_version(a),
                new_version=_version(b),
                acted_on=status if status in ACTED_ON else None,
            )
        )
    return changes
