"""What the reports app tells the rest of the system, without knowing who listens.

The conference pack is built from submitted reports, so the packs app listens here; the
reports app never imports the packs (`make lint` checks that with import-linter).
"""

from django.dispatch import Signal

# Sent inside the submitting transaction, after a version is frozen, with `conference`: a
# report submitted late, or an amendment signed. Receivers that start work outside the
# database should wait for the commit (transaction.on_commit).
report_version_submitted = Signal()
