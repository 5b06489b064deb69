"""`python -m lib COMMAND ...`: every pipeline stage from the command line."""
import sys

from lib.cli import main

sys.exit(main())
