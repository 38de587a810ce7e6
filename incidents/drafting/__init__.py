"""Notice drafting: what a notice must say, drafted from the case, checked, approved and filed.

The law's content requirements are rule data (``RuleVersion.notice_content``); this package
drafts from templates that rules administrators maintain (``NoticeTemplate``), checks each draft
against its own rule (``checklist``), keeps every version, and hands the approved version to
``incidents.actions.record_notification`` as the filed evidence.
"""
