"""Where plans and evidence are kept: one TinyDB file per fiscal year in a data directory."""
