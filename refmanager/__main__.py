"""`python -m refmanager` runs the `refman` command."""

from refmanager.cli import main

main()
