"""Data protection: subject access exports (UK GDPR Art. 15), retention and legal holds.

Reads that gather what is held live in `subject_access` and `selectors`; the decision of what
may be destroyed is the pure `retention` module; every change (placing a hold, destroying
records, releasing an export) is a service in `services`, in a transaction and audited.
"""
