"""`python -m itacheck` runs the same command as `itacheck`."""

import sys

from itacheck.cli import main

sys.exit(main())
