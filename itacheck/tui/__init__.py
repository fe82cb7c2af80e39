"""The Textual checklist an officer uses over SSH. Nothing outside `itacheck.tui` imports it except
`itacheck.cli`, which imports it only to launch it, so the scripting commands never load Textual."""
