"""Training the quality coach's models (dev only: needs the dev extra)."""
