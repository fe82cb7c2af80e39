"""itacheck: run and report a Thai agency's ITA integrity and transparency measures."""

__version__ = "0.1.0"
