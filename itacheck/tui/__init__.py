"""The Textual checklist an officer uses over SSH. Nothing outside `itacheck.tui` imports it except
`itacheck.cli`, which imports it only to launch it, so the scripting commands never load Textual.

Importing it teaches Rich and Textual to break Thai lines between words and to cut Thai text
between character clusters (:mod:`itacheck.tui.thai_layout`), for every widget of the app."""

from itacheck.tui.thai_layout import install

install()
