"""CP Conference: child protection conference reports and the conferences they feed."""
