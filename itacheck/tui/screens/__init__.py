"""Full screens: the checklist (main), dashboard, report, audit log, and help."""
