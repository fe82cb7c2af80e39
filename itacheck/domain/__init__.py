"""The pure domain: plans, cadences, fiscal periods and statuses.

Nothing here imports Textual, TinyDB or fpdf2, so the rules can be tested and reused without them.
"""
