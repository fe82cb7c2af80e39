"""Reusable widgets of the main screen; each is given its data by the screen (attributes down)
and reports what the officer did with a message of its own (messages up)."""
