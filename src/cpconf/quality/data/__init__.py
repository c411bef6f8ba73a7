"""The quality coach's lexicons and cue lists, shipped as package data (edit the TOML, not code)."""
